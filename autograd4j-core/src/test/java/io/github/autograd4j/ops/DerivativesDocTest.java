package io.github.autograd4j.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.autograd4j.ProjectFiles;
import io.github.autograd4j.Tensor;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/derivatives.md is the table {@link DerivativesDoc} makes from the ops' javadoc, every op has
 * a gradient sentence, and the table misses no op. With {@code -Dautograd4j.regenerate=true} the
 * first test writes the file instead of comparing it.
 */
class DerivativesDocTest {

    private static final String SOURCES = "autograd4j-core/src/main/java/io/github/autograd4j/";
    private static final String DOC = "docs/derivatives.md";

    @Test
    void docsDerivativesMdIsTheTableOfTheOpsJavadoc() throws IOException {
        List<DerivativesDoc.Op> ops = ops();
        assertEquals(List.of(), DerivativesDoc.missingGradients(ops), "these ops have no sentence starting with"
                + " \"Gradient\", \"Gradients\" or \"Backward\" in their javadoc (e.g. \"Gradient: none (a constant).\");"
                + " write one, then regenerate " + DOC + " with: " + DerivativesDoc.REGENERATE);
        Map<String, List<DerivativesDoc.Call>> calls = DerivativesDoc.tensorCalls(read(SOURCES + "Tensor.java"));
        Set<String> valueMethods = DerivativesDoc.valueMethods(read(SOURCES + "Value.java"));
        List<DerivativesDoc.Row> rows = ops.stream()
                .map(op -> DerivativesDoc.row(op, calls.getOrDefault(op.family() + "." + op.name(), List.of()), valueMethods))
                .toList();
        String expected = DerivativesDoc.markdown(rows);
        Path file = ProjectFiles.find("docs").resolve("derivatives.md");
        if (Boolean.getBoolean("autograd4j.regenerate")) {
            Path temp = file.resolveSibling("derivatives.md.tmp");
            Files.writeString(temp, expected);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return;
        }
        if (!Files.exists(file)) {
            fail(DOC + " does not exist; generate it with: " + DerivativesDoc.REGENERATE);
        }
        String actual = Files.readString(file);
        if (!actual.equals(expected)) {
            fail(DOC + " is not the table the ops' javadoc gives (" + firstDifference(expected, actual)
                    + "); regenerate it with: " + DerivativesDoc.REGENERATE);
        }
    }

    @Test
    void theTableHasEveryPublicStaticMethodOfTheOpsThatReturnsATensor() throws Exception {
        List<String> parsed = ops().stream().map(op -> op.family() + "." + op.name()).sorted().toList();
        List<String> declared = new ArrayList<>();
        for (String family : families()) {
            for (Method m : Class.forName(getClass().getPackageName() + "." + family).getDeclaredMethods()) {
                if (Modifier.isPublic(m.getModifiers()) && Modifier.isStatic(m.getModifiers()) && m.getReturnType() == Tensor.class) {
                    declared.add(family + "." + m.getName());
                }
            }
        }
        assertEquals(declared.stream().sorted().toList(), parsed);
    }

    @Test
    void anOpWithoutAGradientSentenceIsNamed() {
        String source = """
                /** {@code x + 1}. Gradient: {@code g}. */
                public static Tensor inc(Tensor x) { return x; }

                /** {@code x}, rounded; a constant. */
                public static Tensor round(Tensor x) { return x; }
                """;
        assertEquals(List.of("FakeOps.round"), DerivativesDoc.missingGradients(DerivativesDoc.ops("FakeOps", source)));
    }

    @Test
    void aRowReadsTheForwardTheGradientTheSecondOrderAndTheSharedRule() {
        String source = """
                /**
                 * {@code |x|} of a matrix, e.g. {@code [[1, -2]]} gives {@code [[1, 2]]}. Gradient:
                 * {@code g sign(x)}, see {@link Derivatives#abs}. Second order: only where {@code x != 0}.
                 *
                 * @param x any shape
                 */
                public static Tensor abs(Tensor x) {
                    // the rule's don't-care: x's "}" in a comment
                    return map("abs", x, Math::abs, (g, out) -> new Tensor[] {Derivatives.abs(g, x)});
                }

                /** 1 where {@code a < b}, else 0. Gradient: none (a constant). */
                public static Tensor lt(Tensor a, Tensor b) { return a; }
                """;
        List<DerivativesDoc.Op> ops = DerivativesDoc.ops("FakeOps", source);
        DerivativesDoc.Row abs = DerivativesDoc.row(ops.get(0),
                List.of(new DerivativesDoc.Call("abs", "x.abs()")), Set.of("abs"));
        assertEquals(new DerivativesDoc.Row("`abs`", "`x.abs()`", "FakeOps",
                "`|x|` of a matrix, e.g. `[[1, -2]]` gives `[[1, 2]]`", "Gradient: `g sign(x)`, see `Derivatives.abs`",
                "yes, shared: `Derivatives.abs`", "only where `x != 0`"), abs);
        DerivativesDoc.Row lt = DerivativesDoc.row(ops.get(1), List.of(), Set.of("abs"));
        assertEquals("-", lt.calls());
        assertEquals("no", lt.scalar());
        assertEquals("none", lt.secondOrder());
        assertTrue(DerivativesDoc.markdown(List.of(abs)).contains("| `\\|x\\|` of a matrix"), "pipes are escaped in cells");
    }

    private static List<DerivativesDoc.Op> ops() throws IOException {
        List<DerivativesDoc.Op> ops = new ArrayList<>();
        for (String family : families()) {
            ops.addAll(DerivativesDoc.ops(family, read(SOURCES + "ops/" + family + ".java")));
        }
        return ops;
    }

    /** The ops classes, by the names of the package's source files, sorted. */
    private static List<String> families() throws IOException {
        try (Stream<Path> files = Files.list(ProjectFiles.find(SOURCES + "ops"))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".java"))
                    .map(n -> n.substring(0, n.length() - ".java".length())).sorted().toList();
        }
    }

    private static String read(String relative) throws IOException {
        return Files.readString(ProjectFiles.find(relative));
    }

    private static String firstDifference(String expected, String actual) {
        List<String> want = Arrays.asList(expected.split("\n", -1));
        List<String> have = Arrays.asList(actual.split("\n", -1));
        for (int i = 0; i < Math.max(want.size(), have.size()); i++) {
            String w = i < want.size() ? want.get(i) : "(end of file)";
            String h = i < have.size() ? have.get(i) : "(end of file)";
            if (!w.equals(h)) {
                return "line " + (i + 1) + " should be '" + w + "' but is '" + h + "'";
            }
        }
        return "they differ";
    }
}
