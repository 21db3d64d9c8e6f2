package io.github.autograd4j.testing;

import io.github.autograd4j.graph.Graph;
import io.github.autograd4j.io.AtomicWrite;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.opentest4j.AssertionFailedError;

/**
 * Golden files of graph exports, as snapshot-testing libraries keep them: compared by
 * {@link GraphAssert#matchesGolden}, recorded with {@code -Dautograd4j.golden.update=true}.
 */
final class Golden {

    /** Set to true to record golden files instead of comparing with them. */
    static final String UPDATE = "autograd4j.golden.update";
    /** The directory golden paths are relative to; {@code src/test/resources} by default. */
    static final String DIR = "autograd4j.golden.dir";

    private Golden() {
    }

    static void check(Graph graph, String path) {
        Objects.requireNonNull(path, "matchesGolden: the path is null");
        String given = System.getProperty(DIR, "src/test/resources");
        Path root = Path.of(given).toAbsolutePath().normalize();
        Path file = root.resolve(path).normalize();
        if (Path.of(path).isAbsolute() || !file.startsWith(root)) {
            throw new IllegalArgumentException("matchesGolden: '" + path + "' must be a relative path inside the golden"
                    + " root, " + given + " (-D" + DIR + " sets another)");
        }
        String actual = export(graph, path);
        if (Boolean.getBoolean(UPDATE)) {
            write(file, actual);
            return;
        }
        if (!Files.isRegularFile(file)) {
            throw new AssertionFailedError("matchesGolden: there is no golden file " + file + "; record it with -D" + UPDATE
                    + "=true, and review it before committing");
        }
        String expected;
        try {
            expected = Files.readString(file, StandardCharsets.UTF_8).replace("\r\n", "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("matchesGolden: reading " + file, e);
        }
        if (!expected.equals(actual)) {
            String[] e = expected.split("\n", -1);
            String[] a = actual.split("\n", -1);
            int line = 0;
            while (line < Math.min(e.length, a.length) && e[line].equals(a[line])) {
                line++;
            }
            throw new AssertionFailedError("matchesGolden: the graph below '" + graph.root().name() + "' differs from " + file
                    + " from line " + (line + 1) + ": expected '" + (line < e.length ? e[line] : "(end of file)") + "' but was '"
                    + (line < a.length ? a[line] : "(end of file)") + "' (" + e.length + " lines expected, " + a.length
                    + "); if the change is intended, re-record with -D" + UPDATE + "=true", expected, actual);
        }
    }

    private static String export(Graph graph, String path) {
        if (path.endsWith(".dot")) {
            return graph.toDot();
        }
        if (path.endsWith(".mmd")) {
            return graph.toMermaid();
        }
        if (path.endsWith(".txt")) {
            return graph.toTable();
        }
        throw new IllegalArgumentException("matchesGolden: '" + path + "' has no known extension; use .dot (Graphviz),"
                + " .mmd (Mermaid) or .txt (the table)");
    }

    /** Records a golden file all or nothing ({@link AtomicWrite}), creating its directory. */
    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            AtomicWrite.writeString("matchesGolden", file, text);
        } catch (IOException e) {
            throw new UncheckedIOException("matchesGolden: recording " + file, e);
        }
    }
}
