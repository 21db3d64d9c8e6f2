package io.github.autograd4j.examples.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * {@code --version}: the project's version as the pom says, from the resource
 * {@code io/github/autograd4j/examples/version.properties}, which Maven fills in when it builds the
 * module (resource filtering of {@code src/main/resources-filtered}).
 */
public final class VersionProvider implements IVersionProvider {

    /** The resource holding {@code version=<the pom's version>}. */
    static final String RESOURCE = "/io/github/autograd4j/examples/version.properties";

    /** The version line, e.g. {@code autograd4j examples 0.1.0}. */
    @Override
    public String[] getVersion() {
        return new String[] {"autograd4j examples " + version()};
    }

    /**
     * The pom's version of this build.
     *
     * @throws IllegalStateException when the resource is missing (the classes were not built by Maven)
     */
    public static String version() {
        try (InputStream in = VersionProvider.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("--version: the resource " + RESOURCE + " is missing; build the module with Maven");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
