package io.github.autograd4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** What a failing GradCheck reports: short whatever the size, the full table elsewhere, inputs by their labels. */
class GradCheckReportTest {

    private final Random rng = new Random(3);

    /** A matrix product whose backward to the first operand is 1 % off. */
    private static final CustomOp WRONG_PRODUCT = new CustomOp("wrongProduct") {
        @Override
        protected Tensor forward(Context ctx, Tensor... in) {
            ctx.save(in);
            return in[0].matmul(in[1]);
        }

        @Override
        protected Tensor[] backward(Context ctx, Tensor g) {
            return new Tensor[] {g.matmul(ctx.saved(1).mT()).mul(1.01), ctx.saved(0).mT().matmul(g)};
        }
    };

    @Test
    void aFailingCheckOfA40x30By30x20ProductHasAShortMessageAndItsFullTableInAFile() throws IOException {
        Tensor a = Tensor.randn(rng, 40, 30);
        Tensor b = Tensor.randn(rng, 30, 20);
        AssertionError e = assertThrows(AssertionError.class,
                () -> GradCheck.of(t -> WRONG_PRODUCT.apply(t[0], t[1]), a, b).assertPassed());
        String message = e.getMessage();
        assertTrue(message.length() < 4096, "a message of " + message.length() + " characters:\n" + message);
        assertTrue(message.startsWith("gradcheck failed: "), message);
        assertTrue(message.contains(" of 1440000 elements differ; worst dout["), message);
        assertTrue(message.contains("the 10 worst of 1440000 elements:\n"), message);
        assertEquals(1 + 1 + 1 + 10 + 1 + 1, message.lines().count(),
                "headline, what follows, header, 10 rows, tolerances, where the table is:\n" + message);
        assertTrue(message.contains("eps 1e-06, atol 1e-05, rtol 0.001"), message);
        String where = message.lines().reduce((first, last) -> last).orElseThrow();
        String prefix = "full table of all 1440000 elements: ";
        assertTrue(where.startsWith(prefix) && where.endsWith(".tsv; GradCheckResult.report() gives it as text"), where);
        Path file = Path.of(where.substring(prefix.length(), where.indexOf(".tsv;") + ".tsv".length()));
        assertEquals(Path.of("target", "gradcheck").toAbsolutePath(), file.getParent());
        assertTrue(file.getFileName().toString().startsWith("GradCheckReportTest."), file.toString());
        List<String> kept = new ArrayList<>();
        long count = 0;
        try (BufferedReader in = Files.newBufferedReader(file)) {
            for (String line = in.readLine(); line != null; line = in.readLine(), count++) {
                if (line.startsWith("element") || line.startsWith("dout[39, 19]/dx1[29, 19]\t") || line.startsWith("#")) {
                    kept.add(line);
                }
            }
        }
        assertEquals(1 + 1440000 + 1, count, "a header, a row per element, the tolerances");
        assertEquals("element\tat\tanalytic\tnumeric\tabs err\trel err\tok", kept.get(0));
        assertTrue(kept.get(1).endsWith("\tyes"), "the last element, of the right operand's gradient, passes: " + kept.get(1));
        assertEquals("# eps 1e-06, atol 1e-05, rtol 0.001", kept.get(2));
    }

    @Test
    void theSummaryOfALargeResultShowsItsWorstElementsWorstFirst() {
        Tensor a = Tensor.randn(rng, 3, 4);
        Tensor b = Tensor.randn(rng, 4, 2);
        GradCheckResult result = GradCheck.of(t -> WRONG_PRODUCT.apply(t[0], t[1]), a, b).check();
        assertEquals(6 * 12 + 6 * 8, result.entries().size());
        List<String> rows = result.summary().lines().skip(3).limit(10).toList();
        assertTrue(rows.get(0).startsWith(result.worst().location() + " "), rows.get(0));
        assertTrue(rows.stream().allMatch(r -> r.endsWith("NO")), String.join("\n", rows));
        assertEquals(result.entries().size() + 2, result.report().lines().count(), "the full table: header, rows, tolerances");
        assertEquals(result.summary(), result.toString());
    }

    @Test
    void fastModeHasNoAtColumnRatherThanNaN() {
        Tensor a = Tensor.randn(rng, 3, 4);
        GradCheckResult fast = GradCheck.of(t -> WRONG_PRODUCT.apply(t[0], t[0].mT()).sum(), a).fast().check();
        assertFalse(fast.passed());
        assertFalse(fast.report().contains("NaN"), fast.report());
        assertEquals(List.of("element", "analytic", "numeric", "abs", "err", "rel", "err", "ok"), header(fast.report()));
        assertFalse(fast.summary().contains("NaN"), fast.summary());
        assertEquals(List.of("element", "at", "analytic", "numeric", "abs", "err", "rel", "err", "ok"),
                header(GradCheck.of(t -> t[0].sum(), a).check().report()), "a full check says where each element was taken");
    }

    private static List<String> header(String table) {
        return List.of(table.lines().findFirst().orElseThrow().split(" +"));
    }

    @Test
    void inputsAreNamedByTheirLabelsAndOtherwiseByPosition() {
        Tensor w = Tensor.randn(rng, 2, 3).label("w");
        Tensor x = Tensor.randn(rng, 3, 1);
        GradCheckResult result = GradCheck.of(t -> WRONG_PRODUCT.apply(t[0], t[1]), w, x).check();
        assertEquals("dout[0, 0]/dw[0, 0]", result.entries().get(0).location());
        assertEquals("dout[1, 0]/dx1[2, 0]", result.entries().get(result.entries().size() - 1).location());
        assertTrue(result.summary().contains("worst dout["), result.summary());
        Tensor second = Tensor.randn(rng, 3, 2).label("w");
        assertEquals("dout[0, 0]/dx0[0, 0]", GradCheck.of(t -> t[0].matmul(t[1]), w, second).check().entries().get(0).location(),
                "two inputs with one label are told apart by position");
        GradCheckResult gradGrad = GradCheck.of(t -> WRONG_PRODUCT.apply(t[0], t[1]), w, x).gradGrad().check();
        assertTrue(gradGrad.entries().stream().anyMatch(e -> e.location().endsWith("/dw[1, 2]")), gradGrad.report());
    }
}
