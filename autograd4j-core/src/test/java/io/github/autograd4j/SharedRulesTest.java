package io.github.autograd4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The scalar and tensor engines share one forward and one derivative rule per operation: the
 * scalar engine's first-order fast path ({@code ScalarOp.partial}) gives the numbers of the shared
 * differentiable rules ({@code ops.Derivatives}), both engines give bit-identical forward values,
 * and the scalar engine takes second derivatives.
 */
class SharedRulesTest {

    private static final double[] POINTS = {-3.5, -1.0, -0.25, 0.0, 0.3, 1.0, 2.0, 7.5};

    private static boolean close(double expected, double actual) {
        if (Double.isNaN(expected) || Double.isNaN(actual)) {
            return Double.isNaN(expected) && Double.isNaN(actual);
        }
        return expected == actual || Math.abs(expected - actual) <= 4 * Math.ulp(Math.max(Math.abs(expected), Math.abs(actual)));
    }

    @Test
    void theFastPartialsAgreeWithTheSharedRulesForEveryOperation() {
        double g = 1.7;
        int checked = 0;
        for (ScalarOp op : ScalarOp.values()) {
            if (op == ScalarOp.CONSTANT) {
                continue;
            }
            for (double a : POINTS) {
                for (double b : op.arity == 2 ? POINTS : new double[] {0.0}) {
                    double out = op.apply(a, b);
                    for (int input = 0; input < op.arity; input++) {
                        double fast = g * op.partial(input, a, b, out);
                        double shared;
                        try (var off = Grad.disabled()) {
                            shared = op.contribution(input, Value.constant(g), Value.constant(a), Value.constant(b),
                                    Value.constant(out)).data();
                        }
                        assertTrue(close(fast, shared), op + " input " + input + " at a=" + a + ", b=" + b
                                + ": fast " + fast + ", shared " + shared);
                        checked++;
                    }
                }
            }
        }
        assertEquals(8 * 10 + 6 * 64 * 2, checked, "10 unary ops at 8 points, 5 binary ops and the mask at 64 pairs");
    }

    @Test
    void bothEnginesGiveTheSameForwardValues() {
        for (double x = -800; x <= 800; x += 0.37) {
            Tensor t = Tensor.scalar(x);
            Value v = Value.of(x);
            assertEquals(t.sigmoid().item(), v.sigmoid().data(), 0.0, "sigmoid at " + x);
            assertEquals(t.tanh().item(), v.tanh().data(), 0.0, "tanh at " + x);
            assertEquals(t.relu().item(), v.relu().data(), 0.0, "relu at " + x);
            assertEquals(t.pow(0.0).item(), v.pow(0.0).data(), 0.0, "pow 0 at " + x);
        }
    }

    @Test
    void bothEnginesGiveTheSameGradientsAtTheEdges() {
        double[] edges = {0.0, -0.0, -2.0, 3.0, Double.NaN, 1e-300};
        for (double x : edges) {
            for (double c : new double[] {0.0, 1.0, -1.0, 0.5, 2.0}) {
                Value v = Value.of(x);
                v.pow(c).backward();
                Tensor t = Tensor.scalar(x).requiresGrad(true);
                t.pow(c).backward();
                assertEquals(t.grad().item(), v.grad(), 0.0, "d(x^" + c + ")/dx at " + x);
                Value base = Value.of(x);
                Value exponent = Value.of(c);
                base.pow(exponent).backward();
                Tensor tb = Tensor.scalar(x).requiresGrad(true);
                Tensor te = Tensor.scalar(c).requiresGrad(true);
                tb.pow(te).backward();
                assertEquals(tb.grad().item(), base.grad(), 0.0, "d(x^b)/dx at " + x + ", " + c);
                assertEquals(te.grad().item(), exponent.grad(), 0.0, "d(x^b)/db at " + x + ", " + c);
            }
        }
    }

    @Test
    void valuesTakeSecondDerivatives() {
        Function<Value[], Value> f = v -> v[0].pow(2.0).mul(v[1]).add(v[1].sin());   // x^2 y + sin y
        double x = 1.5;
        double y = -0.5;
        double[][] h = Autograd.hessian(f, x, y);
        assertArrayEquals(new double[] {2 * y, 2 * x}, h[0], 1e-15);
        assertArrayEquals(new double[] {2 * x, -Math.sin(y)}, h[1], 1e-15);
        assertArrayEquals(new double[] {2 * x * y, x * x + Math.cos(y)}, Autograd.gradient(f, x, y), 1e-15);
    }

    @Test
    void secondDerivativesOfEveryScalarOperationMatchFiniteDifferences() {
        List<Function<Value[], Value>> functions = List.of(
                v -> v[0].mul(v[1]).div(v[0].add(3.0)),
                v -> v[0].pow(v[1]),
                v -> v[0].pow(3.0).sub(v[1].neg()),
                v -> v[0].exp().mul(v[1].log()),
                v -> v[0].sqrt().add(v[1].tanh()),
                v -> v[0].sigmoid().mul(v[1].sin()).add(v[0].cos()),
                v -> v[0].mul(v[1]).relu().add(v[0].sub(v[1]).abs()));
        double[] at = {1.3, 0.7};
        for (Function<Value[], Value> f : functions) {
            double[][] h = Autograd.hessian(f, at);
            for (int i = 0; i < at.length; i++) {
                int row = i;
                GradCheck.ofGradient(p -> Autograd.gradient(f, p)[row], p -> Autograd.hessian(f, p)[row], at)
                        .assertPassed();
                assertEquals(h[i][1 - i], h[1 - i][i], 1e-12, "the Hessian is symmetric");
            }
        }
    }

    @Test
    void aGradientThroughAKinkStaysConnectedAndItsDerivativeIsZero() {
        for (java.util.function.UnaryOperator<Value> kink : List.<java.util.function.UnaryOperator<Value>>of(
                Value::abs, Value::relu, v -> v.pow(0.0))) {
            Value x = Value.of(2.0);
            Value first = Autograd.grad(kink.apply(x), List.of(x), true).get(0);
            assertTrue(first.requiresGrad(), "the first derivative depends on x");
            assertEquals(0.0, Autograd.grad(first, List.of(x), false).get(0).data(), 0.0);
        }
    }

    @Test
    void theFunctionalApiOfValuesLeavesGradAlone() {
        Value x = Value.of(2.0);
        Value y = x.mul(x).mul(x);
        List<Value> first = Autograd.grad(y, List.of(x), true);
        assertEquals(12.0, first.get(0).data());
        assertEquals(12.0, Autograd.grad(first.get(0), List.of(x), false).get(0).data(), "d(3x^2)/dx = 6x");
        assertEquals(0.0, x.grad(), "no grad() was touched");
        assertEquals(0.0, Autograd.grad(y, List.of(x, Value.of(5.0)), false).get(1).data(), "an unused input gets 0");
    }
}
