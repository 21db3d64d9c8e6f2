package io.github.autograd4j;

import io.github.autograd4j.io.AtomicWrite;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * Writes the full table of a failed {@link GradCheckResult} to {@code target/gradcheck/} when the
 * working directory has a {@code target} directory (as under Maven and Gradle's test runs from a
 * module), as tab-separated values with every digit: one row per element, for a spreadsheet, a
 * script or grep. The file is named after the test that made the check, and written to a
 * temporary file that is then moved into place ({@link AtomicWrite}), so a rerun replaces it whole.
 */
final class GradCheckTableFile {

    /** The classes a check passes through on its way from the user's test to here. */
    private static final Set<String> CHECK_CLASSES = Set.of(GradCheck.class.getName(), GradCheckResult.class.getName(),
            GradCheckTableFile.class.getName(), "io.github.autograd4j.graph.GraphCheck",
            "io.github.autograd4j.graph.GraphCheck$Report");
    private static final StackWalker WALKER = StackWalker.getInstance();

    private GradCheckTableFile() {
    }

    /** Writes the table if it can, and says where the full table is, for the failure message. */
    static String write(GradCheckResult result) {
        String inMemory = "GradCheckResult.report() gives it as text";
        Path target = Path.of("target");
        if (!Files.isDirectory(target)) {
            return "full table of all " + result.entries().size() + " elements: " + inMemory
                    + " (no target directory here to write it to)";
        }
        Path file = target.resolve("gradcheck").resolve(caller() + ".tsv").toAbsolutePath();
        try {
            Files.createDirectories(file.getParent());
            AtomicWrite.write("GradCheckResult", file, out -> {
                Writer text = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                writeTable(result, text);
                text.flush();
            });
            return "full table of all " + result.entries().size() + " elements: " + file + "; " + inMemory;
        } catch (IOException | RuntimeException e) {
            return "full table of all " + result.entries().size() + " elements: " + inMemory
                    + " (writing " + file + " failed: " + e + ")";
        }
    }

    /** A header, one tab-separated row per element in input order, and the tolerances as a last comment line. */
    static void writeTable(GradCheckResult result, Writer out) throws IOException {
        boolean at = result.pointwise();
        out.write("element" + (at ? "\tat" : "") + "\tanalytic\t" + result.referenceName() + "\tabs err\trel err\tok\n");
        for (GradCheckResult.Entry e : result.entries()) {
            out.write(e.location());
            if (at) {
                out.write('\t');
                out.write(Double.toString(e.point()));
            }
            out.write('\t');
            out.write(Double.toString(e.analytic()));
            out.write('\t');
            out.write(Double.toString(e.reference()));
            out.write('\t');
            out.write(Double.toString(e.absError()));
            out.write('\t');
            out.write(Double.toString(e.relError()));
            out.write(e.passed() ? "\tyes\n" : "\tNO\n");
        }
        out.write("# " + result.tolerances() + "\n");
    }

    /** {@code MyTest.method-L42}: the first frame outside the check's own classes. */
    private static String caller() {
        return WALKER.walk(frames -> frames
                .filter(f -> !CHECK_CLASSES.contains(f.getClassName()))
                .findFirst()
                .map(f -> f.getClassName().substring(f.getClassName().lastIndexOf('.') + 1) + "." + f.getMethodName()
                        + "-L" + f.getLineNumber())
                .orElse("gradcheck"))
                .replaceAll("[^A-Za-z0-9._$-]", "_");
    }
}
