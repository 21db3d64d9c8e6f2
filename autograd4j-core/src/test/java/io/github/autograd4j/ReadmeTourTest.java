package io.github.autograd4j;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The README's tour, compiled and run: keep the two in sync. */
class ReadmeTourTest {

    @Test
    void theTourRunsAsWritten() {
        // A model: y = tanh(w * x + b), its squared error, and one gradient-descent step.
        Value w = Value.of(0.5, "w");
        Value b = Value.of(-0.1, "b");
        double x = 2.0, target = 0.8;
        Value y = w.mul(x).add(b).tanh().label("y");
        Value loss = y.sub(target).pow(2.0).label("loss");
        loss.backward();                                   // dloss/dw and dloss/db
        try (var off = Grad.disabled()) {                  // an optimiser step records nothing
            w.setData(w.data() - 0.1 * w.grad());
            b.setData(b.data() - 0.1 * b.grad());
        }

        // A gradient check of a hand-written derivative, as a JUnit assertion:
        GradCheck.ofGradient(
                p -> p[0] * p[0] * p[1] + Math.sin(p[1]),                         // f(x, y)
                p -> new double[] {2 * p[0] * p[1], p[0] * p[0] + Math.cos(p[1])}, // our gradient
                1.5, -0.5).assertPassed();

        // Autograd's gradient of any composition of Value operations, checked numerically:
        GradCheck.ofValues(v -> v[0].mul(v[1]).sin().div(v[0].exp()), 0.3, -1.2).assertPassed();

        double t = Math.tanh(0.9);
        double dy = 2 * (t - target) * (1 - t * t);
        assertEquals(0.5 - 0.1 * dy * x, w.data(), 1e-15);
        assertEquals(-0.1 - 0.1 * dy, b.data(), 1e-15);
    }
}
