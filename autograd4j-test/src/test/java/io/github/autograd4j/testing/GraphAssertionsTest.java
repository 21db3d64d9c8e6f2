package io.github.autograd4j.testing;

import static io.github.autograd4j.testing.AutogradAssertions.assertThatGraph;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.autograd4j.Tensor;
import io.github.autograd4j.Value;
import io.github.autograd4j.graph.Graph;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;
import org.opentest4j.AssertionFailedError;

/** assertThatGraph: nodes, NaNs, counts and golden files. */
class GraphAssertionsTest {

    /** micrograd's neuron, after backward. */
    static Value neuron() {
        return neuron(2.0);
    }

    private static Value neuron(double x0) {
        Value x = Value.of(x0, "x");
        Value w = Value.of(-3.0, "w");
        Value b = Value.of(6.8813735870195432, "b");
        Value o = x.mul(w).add(b).label("n").tanh().label("o");
        o.backward();
        return o;
    }

    @Test
    void aNodesGradientAndValue() {
        assertThatGraph(neuron()).hasNodeCount(6).hasNoNaN().hasNode("n").withGradientCloseTo(0.5).withValueCloseTo(0.8813736)
                .withTolerance(1e-6, 0.0).withValueCloseTo(0.8813736);
        AssertionFailedError e = assertThrows(AssertionFailedError.class,
                () -> assertThatGraph(neuron()).hasNode("x").withGradientCloseTo(1.5));
        assertTrue(e.getMessage().startsWith("the gradient of node 'x' (leaf, shape ()) differs at 1 of 1 elements; worst 'x'[]:"
                + " expected 1.5 but was -1.49999"), e.getMessage());
        assertTrue(e.getMessage().endsWith("(abs error 3.00; allowed atol 1e-08 + rtol 1e-05 * |expected|)"), e.getMessage());
    }

    @Test
    void aTensorNodesGradientStaysShortAndAMissingOneSaysWhy() {
        Tensor w = Tensor.ones(30, 40).requiresGrad(true).label("w");
        Tensor h = w.mul(2.0).label("h");
        Tensor loss = h.sum().label("loss");
        loss.backward(null, true, false);
        Tensor expected = Tensor.full(2.0, 30, 40);
        assertThatGraph(loss).hasNode("w").withGradientCloseTo(expected);
        AssertionFailedError wrong = assertThrows(AssertionFailedError.class,
                () -> assertThatGraph(loss).hasNode("w").withGradientCloseTo(Tensor.full(2.5, 30, 40)));
        assertTrue(wrong.getMessage().startsWith("the gradient of node 'w' (leaf, shape (30, 40)) differs at 1200 of 1200 elements;"
                + " worst 'w'[0, 0]: expected 2.5 but was 2.0"), wrong.getMessage());
        assertTrue(wrong.getMessage().lines().count() <= 6, wrong.getMessage());
        AssertionFailedError missing = assertThrows(AssertionFailedError.class,
                () -> assertThatGraph(loss).hasNode("h").withGradientCloseTo(expected));
        assertEquals("the gradient of node 'h' (mul, shape (30, 40)) is missing: no gradient reached it (did backward() run?"
                + " an intermediate tensor keeps its gradient only after retainGrad())", missing.getMessage());
    }

    @Test
    void anAbsentLabelNaNsAndACountFailWithWhatTheGraphHas() {
        AssertionFailedError absent = assertThrows(AssertionFailedError.class, () -> assertThatGraph(neuron()).hasNode("h"));
        assertEquals("hasNode: no node labelled 'h'; labels in this graph: x, w, b, n, o", absent.getMessage());

        Value bad = Value.of(-1.0, "x").sqrt().label("r").add(1.0).label("out");
        AssertionFailedError nan = assertThrows(AssertionFailedError.class, () -> assertThatGraph(bad).hasNoNaN());
        assertEquals("hasNoNaN: 2 of 3 nodes of the graph below 'out' hold NaN or infinity: 'r' (sqrt) value holds NaN;"
                + " 'out' (add) value holds NaN", nan.getMessage());

        AssertionFailedError count = assertThrows(AssertionFailedError.class, () -> assertThatGraph(neuron()).hasNodeCount(7));
        assertEquals("hasNodeCount: expected 7 nodes but the graph below 'o' has 6", count.getMessage());
        assertEquals(7, count.getExpected().getValue());
        assertEquals(6, count.getActual().getValue());
    }

    @Test
    void matchesTheGoldenFileUnderTestResources() {
        assertThatGraph(neuron()).matchesGolden("graphs/neuron.dot").matchesGolden("graphs/neuron.txt");
        Value other = neuron(2.5);
        AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> assertThatGraph(other).matchesGolden("graphs/neuron.dot"));
        assertTrue(e.getMessage().startsWith("matchesGolden: the graph below 'o' differs from "), e.getMessage());
        assertTrue(e.getMessage().contains("graphs/neuron.dot from line 4: expected '  n0 [shape=record, label=\"{ x | data 2 | grad -1.5 }\"];'"
                + " but was '  n0 [shape=record, label=\"{ x | data 2.5 | grad "), e.getMessage());
        assertTrue(e.getMessage().endsWith("if the change is intended, re-record with -Dautograd4j.golden.update=true"));
        assertEquals(Graph.of(other).toDot(), e.getActual().getValue());

        AssertionFailedError none = assertThrows(AssertionFailedError.class, () -> assertThatGraph(other).matchesGolden("graphs/none.dot"));
        assertTrue(none.getMessage().endsWith("graphs/none.dot; record it with -Dautograd4j.golden.update=true, and review it before"
                + " committing"), none.getMessage());
        IllegalArgumentException format = assertThrows(IllegalArgumentException.class,
                () -> assertThatGraph(other).matchesGolden("graphs/neuron.png"));
        assertEquals("matchesGolden: 'graphs/neuron.png' has no known extension; use .dot (Graphviz), .mmd (Mermaid) or .txt"
                + " (the table)", format.getMessage());
        assertThrows(IllegalArgumentException.class, () -> assertThatGraph(other).matchesGolden("../../pom.xml.dot"));
    }

    @Test
    @ResourceLock(value = Resources.SYSTEM_PROPERTIES, mode = ResourceAccessMode.READ_WRITE)
    void theUpdatePropertyRecordsTheGoldenFiles(@TempDir Path dir) throws Exception {
        System.setProperty(Golden.DIR, dir.toString());
        System.setProperty(Golden.UPDATE, "true");
        try {
            assertThatGraph(neuron()).matchesGolden("graphs/neuron.mmd");
        } finally {
            System.clearProperty(Golden.UPDATE);
        }
        try {
            assertEquals(Graph.of(neuron()).toMermaid(), Files.readString(dir.resolve("graphs/neuron.mmd")));
            assertThatGraph(neuron()).matchesGolden("graphs/neuron.mmd");
            try (var files = Files.list(dir.resolve("graphs"))) {
                assertFalse(files.anyMatch(f -> f.getFileName().toString().endsWith(".tmp")), "no temporary file is left");
            }
        } finally {
            System.clearProperty(Golden.DIR);
        }
    }
}
