package io.github.autograd4j.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.autograd4j.GradCheck;
import io.github.autograd4j.Shape;
import io.github.autograd4j.Tensor;
import io.github.autograd4j.TestInputs;
import java.util.Random;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Elementwise operations of two or three tensors: broadcasting, values, gradients of both orders, ties, masks, bad input. */
class BinaryOpsTest {

    private static final double INF = Double.POSITIVE_INFINITY;
    private static final double NAN = Double.NaN;

    /** Pairs of shapes: equal (scalar, vector, 3-d), broadcast both ways, against a scalar, and with size-1 dims. */
    private static final int[][][] PAIRS = {
        {{}, {}}, {{5}, {5}}, {{2, 3, 2}, {2, 3, 2}}, {{3, 1}, {1, 4}}, {{2, 3, 4}, {4}}, {{4}, {2, 3, 4}},
        {{}, {2, 3}}, {{2, 3}, {}}, {{1, 3, 1}, {2, 1, 1}},
    };

    private final Random rng = new Random(5);

    // ------------------------------------------------------------------ helpers

    private interface Inputs {
        Tensor make(Random rng, int... shape);
    }

    /**
     * First- and second-order checks of {@code op} and of {@code op(a, b)^2} for every pair of
     * shapes, with {@code a} from {@code first} and {@code b} from {@code second}.
     */
    private void assertGradients(BiFunction<Tensor, Tensor, Tensor> op, Inputs first, Inputs second) {
        for (int[][] pair : PAIRS) {
            Tensor a = first.make(rng, pair[0]).requiresGrad(true);
            Tensor b = second.make(rng, pair[1]).requiresGrad(true);
            Function<Tensor[], Tensor> f = t -> op.apply(t[0], t[1]);
            GradCheck.of(f, a, b).assertPassed();
            GradCheck.of(f, a, b).gradGrad().assertPassed();
            // squaring feeds the rule a gradient that depends on the inputs, so its own recording is checked too
            GradCheck.of(t -> f.apply(t).mul(f.apply(t)), a, b).gradGrad().assertPassed();
        }
    }

    private static void assertTensor(Tensor actual, double[] values, int... shape) {
        assertEquals(Shape.of(shape), actual.shape());
        assertArrayEquals(values, actual.toArray(), 1e-15);
    }

    private static void assertMessage(String expected, Executable bad) {
        assertEquals(expected, assertThrows(IllegalArgumentException.class, bad).getMessage());
    }

    /** Backward of {@code sum(out)} through {@code op}, returning the gradients of {@code a} and {@code b}. */
    private static Tensor[] gradients(BiFunction<Tensor, Tensor, Tensor> op, Tensor a, Tensor b) {
        a.requiresGrad(true);
        b.requiresGrad(true);
        op.apply(a, b).sum().backward();
        return new Tensor[] {a.grad(), b.grad()};
    }

    private static Tensor general(Random rng, int... shape) {
        return TestInputs.awayFromKinks(rng, shape);
    }

    // ------------------------------------------------------------------ add, sub, mul, div

    @Test
    void arithmeticBroadcastsAsNumPy() {
        Tensor column = Tensor.of(new double[] {1, 2, 3}, 3, 1);
        Tensor row = Tensor.of(new double[] {10, 20, 30, 40}, 1, 4);
        assertTensor(column.add(row), new double[] {11, 21, 31, 41, 12, 22, 32, 42, 13, 23, 33, 43}, 3, 4);
        assertTensor(column.sub(row), new double[] {-9, -19, -29, -39, -8, -18, -28, -38, -7, -17, -27, -37}, 3, 4);
        assertTensor(column.mul(row), new double[] {10, 20, 30, 40, 20, 40, 60, 80, 30, 60, 90, 120}, 3, 4);
        assertTensor(row.div(column), new double[] {10, 20, 30, 40, 5, 10, 15, 20, 10 / 3.0, 20 / 3.0, 10, 40 / 3.0}, 3, 4);
        assertTensor(Tensor.vector(1, 2).add(3), new double[] {4, 5}, 2);
        assertTensor(Tensor.scalar(2).mul(Tensor.scalar(4)), new double[] {8});
        assertTensor(Tensor.arange(6).reshape(2, 1, 3).add(Tensor.vector(100, 200, 300)),
                new double[] {100, 201, 302, 103, 204, 305}, 2, 1, 3);
    }

    @Test
    void arithmeticFollowsIeee() {
        Tensor x = Tensor.vector(1, -1, 0, INF, NAN);
        assertTensor(x.div(0), new double[] {INF, -INF, NAN, INF, NAN}, 5);
        assertTensor(x.sub(x), new double[] {0, 0, 0, NAN, NAN}, 5);
        assertTensor(x.mul(0), new double[] {0, -0.0, 0, NAN, NAN}, 5);
    }

    @Test
    void arithmeticGradients() {
        assertGradients(Tensor::add, BinaryOpsTest::general, BinaryOpsTest::general);
        assertGradients(Tensor::sub, BinaryOpsTest::general, BinaryOpsTest::general);
        assertGradients(Tensor::mul, BinaryOpsTest::general, BinaryOpsTest::general);
        assertGradients(Tensor::div, BinaryOpsTest::general, BinaryOpsTest::general);
    }

    @Test
    void broadcastGradientsAreSummedBackToEachShape() {
        Tensor[] g = gradients(Tensor::add, Tensor.zeros(3, 1), Tensor.zeros(1, 4));
        assertTensor(g[0], new double[] {4, 4, 4}, 3, 1);
        assertTensor(g[1], new double[] {3, 3, 3, 3}, 1, 4);
        g = gradients(Tensor::mul, Tensor.of(new double[] {1, 2}, 2, 1), Tensor.vector(10, 20, 30));
        assertTensor(g[0], new double[] {60, 60}, 2, 1);
        assertTensor(g[1], new double[] {3, 3, 3}, 3);
        g = gradients(Tensor::div, Tensor.vector(1, 2), Tensor.scalar(4));
        assertTensor(g[0], new double[] {0.25, 0.25}, 2);
        assertTensor(g[1], new double[] {-3 / 16.0});
        g = gradients(Tensor::sub, Tensor.scalar(1), Tensor.zeros(2, 3));
        assertTensor(g[0], new double[] {6});
        assertTensor(g[1], new double[] {-1, -1, -1, -1, -1, -1}, 2, 3);
    }

    @Test
    void shapesThatDoNotBroadcastAreRejected() {
        assertMessage("add: shapes (2, 3) and (4,) do not broadcast: sizes 3 and 4 at dim 1 differ and neither is 1",
                () -> Tensor.zeros(2, 3).add(Tensor.zeros(4)));
        assertMessage("mul: shapes (2, 3) and (3, 3) do not broadcast: sizes 2 and 3 at dim 0 differ and neither is 1",
                () -> Tensor.zeros(2, 3).mul(Tensor.zeros(3, 3)));
        assertMessage("maximum: shapes (2,) and (3,) do not broadcast: sizes 2 and 3 at dim 0 differ and neither is 1",
                () -> Tensor.zeros(2).maximum(Tensor.zeros(3)));
        assertMessage("lt: shapes (2,) and (3,) do not broadcast: sizes 2 and 3 at dim 0 differ and neither is 1",
                () -> Tensor.zeros(2).lt(Tensor.zeros(3)));
        assertMessage("pow: shapes (2,) and (3,) do not broadcast: sizes 2 and 3 at dim 0 differ and neither is 1",
                () -> Tensor.zeros(2).pow(Tensor.zeros(3)));
    }

    // ------------------------------------------------------------------ pow

    @Test
    void powFollowsMathPow() {
        Tensor a = Tensor.vector(2, 4, -8, 0, 0, -1, NAN, 1);
        Tensor b = Tensor.vector(3, 0.5, 1 / 3.0, -1, 0, INF, 0, NAN);
        double[] expected = new double[8];
        for (int i = 0; i < 8; i++) {
            expected[i] = Math.pow(a.get(i), b.get(i));
        }
        assertTensor(a.pow(b), expected, 8);
        assertTensor(Tensor.of(new double[] {1, 2, 3}, 3, 1).pow(Tensor.vector(0, 1, 2)),
                new double[] {1, 1, 1, 1, 2, 4, 1, 3, 9}, 3, 3);
    }

    @Test
    void powGradients() {
        Inputs exponents = (r, shape) -> TestInputs.uniform(r, -2, 2, shape);
        assertGradients(Tensor::pow, TestInputs::positive, exponents);
        // the base alone, for negative bases and whole exponents
        for (int[][] pair : PAIRS) {
            Tensor a = general(rng, pair[0]).requiresGrad(true);
            Tensor b = Tensor.full(3, pair[1]);
            GradCheck.of(t -> t[0].pow(t[1]), a, b).assertPassed();
            GradCheck.of(t -> t[0].pow(t[1]), a, b).gradGrad().assertPassed();
        }
    }

    @Test
    void powGradientsAreMaskedAsPyTorchAtZero() {
        // d/da = b a^(b-1) is 0 where b == 0 (not 0 * inf); d/db = a^b log a is 0 where a == 0 and b >= 0
        Tensor[] g = gradients(Tensor::pow, Tensor.vector(0, 0, 0, 2, 4), Tensor.vector(0, 2, -1, 0, 0.5));
        assertTensor(g[0], new double[] {0, 0, -INF, 0, 0.25}, 5);
        assertTensor(g[1], new double[] {0, 0, -INF, Math.log(2), 2 * Math.log(4)}, 5);
        // a negative base has no real logarithm: NaN for the exponent's gradient, as PyTorch
        g = gradients(Tensor::pow, Tensor.vector(-2), Tensor.vector(2));
        assertTensor(g[0], new double[] {-4}, 1);
        assertTrue(Double.isNaN(g[1].item()));
    }

    @Test
    void powSecondDerivativesHoldAtAnExponentOfZero() {
        // d/da = b a^(b-1) is 0 at b == 0, but its derivative with respect to b there is a^-1, not 0
        // (found by CompositionPropertyTest: sigmoid(2x)^x at x = 0)
        Tensor a = Tensor.vector(0.5, 2, 3).requiresGrad(true);
        Tensor b = Tensor.vector(0, 0, 0).requiresGrad(true);
        GradCheck.of(t -> t[0].pow(t[1]), a, b).gradGrad().assertPassed();
        Tensor[] g = gradients(Tensor::pow, Tensor.vector(0.5, 2), Tensor.vector(0, 0));
        assertTensor(g[0], new double[] {0, 0}, 2);
    }

    @Test
    void powOnlyComputesTheGradientsThatAreNeeded() {
        Tensor a = Tensor.vector(-2, 3).requiresGrad(true);
        a.pow(Tensor.vector(2, 2)).sum().backward();
        assertTensor(a.grad(), new double[] {-4, 6}, 2);
        Tensor b = Tensor.vector(1, 2).requiresGrad(true);
        Tensor.vector(2, 3).pow(b).sum().backward();
        assertTensor(b.grad(), new double[] {2 * Math.log(2), 9 * Math.log(3)}, 2);
    }

    // ------------------------------------------------------------------ maximum, minimum

    @Test
    void maximumAndMinimumFollowMath() {
        Tensor a = Tensor.vector(1, 5, -0.0, NAN, 2, -INF);
        Tensor b = Tensor.vector(3, 4, 0.0, 1, NAN, 7);
        assertTensor(a.maximum(b), new double[] {3, 5, 0.0, NAN, NAN, 7}, 6);
        assertTensor(a.minimum(b), new double[] {1, 4, -0.0, NAN, NAN, -INF}, 6);
        assertTensor(Tensor.of(new double[] {1, 5}, 2, 1).maximum(Tensor.vector(2, 3, 4)), new double[] {2, 3, 4, 5, 5, 5}, 2, 3);
    }

    @Test
    void maximumAndMinimumGradients() {
        assertGradients(Tensor::maximum, BinaryOpsTest::general, BinaryOpsTest::general);
        assertGradients(Tensor::minimum, BinaryOpsTest::general, BinaryOpsTest::general);
    }

    @Test
    void tiesSplitTheGradientEvenly() {
        Tensor[] g = gradients(Tensor::maximum, Tensor.vector(1, 2, 3), Tensor.vector(1, 5, 0));
        assertTensor(g[0], new double[] {0.5, 0, 1}, 3);
        assertTensor(g[1], new double[] {0.5, 1, 0}, 3);
        g = gradients(Tensor::minimum, Tensor.vector(1, 2, 3), Tensor.vector(1, 5, 0));
        assertTensor(g[0], new double[] {0.5, 1, 0}, 3);
        assertTensor(g[1], new double[] {0.5, 0, 1}, 3);
        // x against itself: the halves add up to the whole
        Tensor x = Tensor.vector(1, 2).requiresGrad(true);
        x.maximum(x).sum().backward();
        assertTensor(x.grad(), new double[] {1, 1}, 2);
        // a broadcast scalar collects its share from every position
        g = gradients(Tensor::maximum, Tensor.vector(0, 1, 2, 1), Tensor.scalar(1));
        assertTensor(g[0], new double[] {0, 0.5, 1, 0.5}, 4);
        assertTensor(g[1], new double[] {2});
    }

    // ------------------------------------------------------------------ comparisons

    @Test
    void comparisonsGiveZerosAndOnes() {
        Tensor a = Tensor.vector(1, 2, 3, NAN);
        Tensor b = Tensor.vector(2, 2, 2, NAN);
        assertTensor(a.eq(b), new double[] {0, 1, 0, 0}, 4);
        assertTensor(a.ne(b), new double[] {1, 0, 1, 1}, 4);
        assertTensor(a.lt(b), new double[] {1, 0, 0, 0}, 4);
        assertTensor(a.le(b), new double[] {1, 1, 0, 0}, 4);
        assertTensor(a.gt(b), new double[] {0, 0, 1, 0}, 4);
        assertTensor(a.ge(b), new double[] {0, 1, 1, 0}, 4);
        assertTensor(a.gt(2), new double[] {0, 0, 1, 0}, 4);
        assertTensor(Tensor.vector(-0.0, INF).eq(Tensor.vector(0.0, INF)), new double[] {1, 1}, 2);
        assertTensor(Tensor.of(new double[] {1, 2}, 2, 1).le(Tensor.vector(1, 2, 3)), new double[] {1, 1, 1, 0, 1, 1}, 2, 3);
    }

    @Test
    void comparisonsAreConstantsEvenOfTensorsThatRequireGrad() {
        Tensor a = Tensor.vector(1, 2).requiresGrad(true);
        Tensor b = Tensor.vector(2, 1).requiresGrad(true);
        for (Tensor c : new Tensor[] {a.eq(b), a.ne(b), a.lt(b), a.le(b), a.gt(b), a.ge(b), a.gt(0)}) {
            assertFalse(c.requiresGrad());
            assertTrue(c.isLeaf());
        }
        // a mask used in a product passes no gradient through itself
        a.mul(a.gt(b)).sum().backward();
        assertTensor(a.grad(), new double[] {0, 1}, 2);
        assertNull(b.grad());
    }

    // ------------------------------------------------------------------ where

    @Test
    void whereSelectsAndBroadcastsAllThree() {
        Tensor condition = Tensor.of(new double[] {1, 0, NAN}, 3, 1);
        Tensor a = Tensor.vector(1, 2);
        Tensor b = Tensor.scalar(-1);
        assertTensor(Tensor.where(condition, a, b), new double[] {1, 2, -1, -1, 1, 2}, 3, 2);
        assertTensor(Tensor.where(Tensor.vector(0, 2), Tensor.vector(INF, 5), Tensor.of(new double[] {7, NAN, 8, 9}, 2, 2)),
                new double[] {7, 5, 8, 5}, 2, 2);
        assertTensor(Tensor.where(Tensor.scalar(0), Tensor.scalar(1), Tensor.scalar(2)), new double[] {2});
    }

    @Test
    void whereGradients() {
        int[][][] triples = {{{}, {}, {}}, {{5}, {5}, {5}}, {{2, 3, 2}, {2, 3, 2}, {2, 3, 2}},
            {{3, 1}, {1, 4}, {}}, {{4}, {2, 3, 4}, {3, 1}}, {{1, 3, 1}, {2, 1, 1}, {1}}};
        for (int[][] t : triples) {
            Tensor condition = TestInputs.uniform(rng, -1, 1, t[0]).gt(0);
            Tensor a = general(rng, t[1]).requiresGrad(true);
            Tensor b = general(rng, t[2]).requiresGrad(true);
            Function<Tensor[], Tensor> f = x -> Tensor.where(condition, x[0], x[1]);
            GradCheck.of(f, a, b).assertPassed();
            GradCheck.of(f, a, b).gradGrad().assertPassed();
            GradCheck.of(x -> f.apply(x).mul(f.apply(x)), a, b).gradGrad().assertPassed();
        }
    }

    @Test
    void whereSendsTheGradientToTheSelectedSideOnlyAndNoneToTheCondition() {
        Tensor condition = Tensor.vector(1, 0, 1).requiresGrad(true);
        Tensor a = Tensor.vector(1, 2, 3).requiresGrad(true);
        Tensor b = Tensor.scalar(0).requiresGrad(true);
        Tensor.where(condition, a, b).mul(Tensor.vector(10, 20, 30)).sum().backward();
        assertTensor(a.grad(), new double[] {10, 0, 30}, 3);
        assertTensor(b.grad(), new double[] {20});
        assertNull(condition.grad());
        // selected, not multiplied: an infinite gradient meant for one side does not reach the other as NaN (0 * inf)
        Tensor p = Tensor.vector(1, 2).requiresGrad(true);
        Tensor q = Tensor.vector(3, 4).requiresGrad(true);
        Tensor.where(Tensor.vector(0, 1), p, q).mul(Tensor.vector(INF, 20)).sum().backward();
        assertTensor(p.grad(), new double[] {0, 20}, 2);
        assertTensor(q.grad(), new double[] {INF, 0}, 2);
    }

    @Test
    void whereRejectsShapesThatDoNotBroadcastTogether() {
        assertMessage("where: condition (2,), a (3, 4) and b (4,) do not broadcast together (sizes aligned from the right"
                + " must be equal or 1)", () -> Tensor.where(Tensor.zeros(2), Tensor.zeros(3, 4), Tensor.zeros(4)));
        assertMessage("where: condition (4,), a (3,) and b (4,) do not broadcast together (sizes aligned from the right"
                + " must be equal or 1)", () -> Tensor.where(Tensor.zeros(4), Tensor.zeros(3), Tensor.zeros(4)));
    }
}
