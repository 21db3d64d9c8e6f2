package io.github.autograd4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

/** Stepping through a backward pass one rule at a time. */
class BackwardStepsTest {

    @Test
    void steppingThroughSeedExample000ReproducesTheHandGradientsAtEachStep() {
        Value x0 = Value.constant(1);
        Value x1 = Value.constant(-2);
        Value[][] w1 = {{Value.of(1, "W1[0,0]"), Value.of(-1, "W1[0,1]")}, {Value.of(2, "W1[1,0]"), Value.of(1, "W1[1,1]")}};
        Value[] w2 = {Value.of(2, "W2[0]"), Value.of(-1, "W2[1]")};
        Value[] a1 = new Value[2];
        for (int i = 0; i < 2; i++) {
            a1[i] = w1[i][0].mul(x0).add(w1[i][1].mul(x1)).label("z1[" + i + "]").sigmoid().label("a1[" + i + "]");
        }
        Value z2 = w2[0].mul(a1[0]).add(w2[1].mul(a1[1])).label("z2");
        Value yhat = z2.sigmoid().label("yhat");
        Value diff = yhat.sub(1.0).label("diff");
        Value loss = diff.pow(2.0).mul(0.5).label("J");

        // by hand
        double yh = yhat.data();
        double dDiff = yh - 1.0;                       // dJ/d diff = diff
        double dz2 = dDiff * yh * (1 - yh);
        double[] da1 = {dz2 * 2, dz2 * -1};
        double[] dz1 = {da1[0] * a1[0].data() * (1 - a1[0].data()), da1[1] * a1[1].data() * (1 - a1[1].data())};

        BackwardSteps<Value, Double> steps = loss.backwardSteps();
        BackwardStep<Value, Double> first = steps.next();
        assertSame(loss, first.node());
        assertEquals(1.0, first.upstream());
        assertEquals(0.5, first.contribution(0), 0.0, "J = 0.5 * p sends 0.5 to p = diff^2");
        BackwardStep<Value, Double> square = steps.next();
        assertEquals("pow", square.node().opName());
        assertEquals(dDiff, square.contribution(0), 1e-15);
        BackwardStep<Value, Double> sub = steps.next();
        assertSame(diff, sub.node());
        assertEquals(dDiff, sub.contribution(0), 1e-15);
        BackwardStep<Value, Double> sig = steps.next();
        assertSame(yhat, sig.node());
        assertEquals(dz2, sig.contribution(0), 1e-15);
        assertEquals(dz2, z2.grad(), 1e-15, "after yhat's step, z2 holds its whole gradient");
        assertEquals(0.0, w2[0].grad(), "the weights have received nothing yet");

        List<BackwardStep<Value, Double>> rest = new ArrayList<>();
        steps.forEachRemaining(rest::add);
        assertFalse(steps.hasNext());
        assertThrows(NoSuchElementException.class, steps::next);
        for (BackwardStep<Value, Double> step : rest) {
            if (step.node().label() != null && step.node().label().startsWith("a1[")) {
                int i = step.node().label().charAt(3) - '0';
                assertEquals(da1[i], step.upstream(), 1e-15);
                assertEquals(dz1[i], step.contribution(0), 1e-15);
            }
        }
        assertEquals(dz2 * a1[0].data(), w2[0].grad(), 1e-15);
        assertEquals(dz1[1] * -2, w1[1][1].grad(), 1e-15);
        assertEquals(-0.02968578, w2[0].grad(), 1e-8);
    }

    @Test
    void exhaustingTheStepsLeavesTheStateBackwardWould() {
        Value[] a = build();
        Value[] b = build();
        a[3].backward();
        assertEquals(6, b[3].backwardSteps().toList().size());
        for (int i = 0; i < 4; i++) {
            assertEquals(a[i].grad(), b[i].grad(), 0.0, "node " + i);
        }
        Tensor w = Tensor.vector(1, 2).requiresGrad(true);
        Tensor y = w.mul(w).mul(3).sum();
        List<BackwardStep<Tensor, Tensor>> steps = y.backwardSteps().stream().toList();
        assertEquals(List.of("sum", "mul", "mul"), steps.stream().map(s -> s.node().opName()).toList());
        assertArrayEquals(new double[] {3, 3}, steps.get(1).contribution(0).toArray());
        assertNull(steps.get(1).contribution(1), "the constant 3 takes no gradient");
        assertArrayEquals(new double[] {6, 12}, w.grad().toArray());
        assertThrows(IllegalStateException.class, y::backward, "the stepped pass freed the graph, as backward() does");
    }

    private static Value[] build() {
        Value x = Value.of(0.3, "x");
        Value y = Value.of(-1.2, "y");
        Value m = x.mul(y).sin();
        Value out = m.mul(x).add(y.exp()).tanh();
        return new Value[] {x, y, m, out};
    }
}
