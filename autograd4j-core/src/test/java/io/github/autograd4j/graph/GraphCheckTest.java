package io.github.autograd4j.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.autograd4j.CustomOp;
import io.github.autograd4j.GradCheck;
import io.github.autograd4j.Tensor;
import io.github.autograd4j.TestInputs;
import io.github.autograd4j.Value;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Locating the node with a wrong rule in a larger graph. */
class GraphCheckTest {

    /** c * x^3 with a backward off by {@code factor}. */
    private static CustomOp scaledCube(double factor) {
        return new CustomOp("scaledCube") {
            @Override
            protected Tensor forward(Context ctx, Tensor... in) {
                ctx.save(in[0]);
                return in[0].mul(in[0]).mul(in[0]).mul(0.5);
            }

            @Override
            protected Tensor[] backward(Context ctx, Tensor g) {
                Tensor x = ctx.saved(0);
                return new Tensor[] {g.mul(x.mul(x).mul(1.5 * factor))};
            }
        };
    }

    /** A 50-odd node graph with {@code middle} in the middle. */
    private static Tensor fiftyNodes(Tensor x, CustomOp middle) {
        Tensor h = x;
        for (int i = 0; i < 12; i++) {
            h = h.mul(0.9).add(x).div(2.0);
        }
        h = middle.apply(h).label("middle");
        for (int i = 0; i < 12; i++) {
            h = h.mul(1.1).sub(x.mul(0.1));
        }
        return h.sum().label("loss");
    }

    @Test
    void theWrongRuleIsNamedInTheMiddleOfFiftyNodes() {
        Tensor x = TestInputs.uniform(new Random(3), 0.5, 1.0, 2, 2).requiresGrad(true);
        assertFalse(GradCheck.of(t -> fiftyNodes(t[0], scaledCube(1.2)), x).check().passed(), "end to end it fails");
        Tensor loss = fiftyNodes(x, scaledCube(1.2));
        GraphCheck.Report report = GraphCheck.locate(loss);
        assertTrue(report.graph().size() >= 50, "graph of " + report.graph().size());
        GraphNode failing = report.firstFailure().orElseThrow().node();
        assertEquals("middle", failing.name());
        assertEquals("scaledCube", failing.op());
        assertEquals(1, report.results().stream().filter(r -> !r.passed()).count());
        AssertionError e = assertThrows(AssertionError.class, report::assertPassed);
        assertTrue(e.getMessage().startsWith("node " + failing.id() + " 'middle' (op scaledCube) has a backward rule that disagrees"),
                e.getMessage());
        assertTrue(e.getMessage().contains("\nid  name"), "the message shows the node and its inputs as a table: " + e.getMessage());
        assertTrue(e.getMessage().contains(failing.id() + "  middle"), e.getMessage());
    }

    @Test
    void aCorrectGraphPasses() {
        Tensor x = TestInputs.uniform(new Random(4), 0.5, 1.0, 3).requiresGrad(true);
        GraphCheck.Report report = GraphCheck.locate(fiftyNodes(x, scaledCube(1.0))).assertPassed();
        assertTrue(report.firstFailure().isEmpty());
        Value v = Value.of(0.7);
        GraphCheck.locate(v.mul(v).sin().add(v.exp().div(v.add(2.0))).pow(Value.of(1.5))).assertPassed();
    }
}
