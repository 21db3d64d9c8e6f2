package io.github.autograd4j.examples.output;

import java.nio.file.Path;

/** Where the examples write plots and graph files unless {@code --out} says otherwise. */
public final class OutputDirectory {

    /** {@code ./autograd-out}, relative to the working directory. */
    public static final Path DEFAULT = Path.of("autograd-out");

    private OutputDirectory() {
    }
}
