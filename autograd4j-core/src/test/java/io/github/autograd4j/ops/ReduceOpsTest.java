package io.github.autograd4j.ops;

import static io.github.autograd4j.ops.OpAssertions.assertGradients;
import static io.github.autograd4j.ops.OpAssertions.assertTensor;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.autograd4j.Autograd;
import io.github.autograd4j.GradCheck;
import io.github.autograd4j.Shape;
import io.github.autograd4j.Tensor;
import io.github.autograd4j.TestInputs;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.Executable;

/** Reductions, softmax and log-softmax: values by hand, gradients of both orders over many dims, bad input. */
class ReduceOpsTest {

    private static final double INF = Double.POSITIVE_INFINITY;

    /** A reduction of {@code x} over {@code dims} (null: all), keeping them or not. */
    @FunctionalInterface
    private interface Reduce {
        Tensor apply(Tensor x, int[] dims, boolean keepDim);
    }

    /** The input shapes and dims every differentiable reduction is checked on. */
    private record Case(int[] shape, int[] dims, boolean keepDim) {
        int count() {
            int[] reduced = dims == null ? java.util.stream.IntStream.range(0, shape.length).toArray() : dims;
            int n = 1;
            for (int d : reduced) {
                n *= shape[d < 0 ? d + shape.length : d];
            }
            return n;
        }

        @Override
        public String toString() {
            return Shape.of(shape) + " dims " + (dims == null ? "all" : Arrays.toString(dims)) + (keepDim ? " keepDim" : "");
        }
    }

    private static final List<Case> CASES = List.of(
            new Case(new int[] {}, null, false),
            new Case(new int[] {}, null, true),
            new Case(new int[] {5}, null, false),
            new Case(new int[] {5}, new int[] {0}, true),
            new Case(new int[] {5}, new int[] {-1}, false),
            new Case(new int[] {2, 3, 2}, null, true),
            new Case(new int[] {2, 3, 2}, new int[] {1}, false),
            new Case(new int[] {2, 3, 2}, new int[] {-1}, true),
            new Case(new int[] {2, 3, 2}, new int[] {0, 2}, false),
            new Case(new int[] {2, 3, 2}, new int[] {2, -3}, true),
            new Case(new int[] {3, 1, 2}, new int[] {1}, false),
            new Case(new int[] {3, 1, 2}, new int[] {0, 1}, true),
            new Case(new int[] {1, 4}, new int[] {0}, false));


    /** Every differentiable reduction, by name, as a function of (x, dims, keepDim). */
    private static Map<String, Reduce> reductions() {
        Map<String, Reduce> ops = new LinkedHashMap<>();
        ops.put("sum", ReduceOps::sum);
        ops.put("mean", ReduceOps::mean);
        ops.put("prod", ReduceOps::prod);
        ops.put("max", ReduceOps::max);
        ops.put("min", ReduceOps::min);
        for (int correction : new int[] {0, 1}) {
            ops.put("var" + correction, (x, dims, keepDim) -> ReduceOps.var(x, dims, correctionFor(x, dims, correction), keepDim));
            ops.put("std" + correction, (x, dims, keepDim) -> ReduceOps.std(x, dims, correctionFor(x, dims, correction), keepDim));
        }
        for (double p : new double[] {0.5, 1, 1.5, 2, 3, INF}) {
            ops.put("norm" + p, (x, dims, keepDim) -> ReduceOps.norm(x, p, dims, keepDim));
        }
        ops.put("logSumExp", ReduceOps::logSumExp);
        return ops;
    }

    /** {@code correction}, or 0 where the slices hold one element only (the unbiased estimate is NaN there). */
    private static int correctionFor(Tensor x, int[] dims, int correction) {
        return new Case(x.shape().toArray(), dims, false).count() > 1 ? correction : 0;
    }

    /** One dynamic test per reduction and case: gradients of both orders at distinct non-zero random inputs. */
    @TestFactory
    Stream<DynamicTest> reductionGradients() {
        Random rng = new Random(11);
        return reductions().entrySet().stream().flatMap(op -> CASES.stream().map(c -> DynamicTest.dynamicTest(
                op.getKey() + " " + c, () -> assertGradients(t -> op.getValue().apply(t[0], c.dims(), c.keepDim()),
                        TestInputs.awayFromKinks(rng, c.shape())))));
    }

    private static void assertMessage(String expected, Executable bad) {
        assertEquals(expected, assertThrows(IllegalArgumentException.class, bad).getMessage());
    }

    private static Tensor m23() {
        return Tensor.of(new double[][] {{1, 2, 3}, {4, 5, 6}});
    }

    // ------------------------------------------------------------------ sum and mean

    @Test
    void sumAndMeanValues() {
        assertTensor(m23().sum(), new double[] {21});
        assertTensor(m23().sum(new int[] {0, 1}, true), new double[] {21}, 1, 1);
        assertTensor(m23().mean(), new double[] {3.5});
        assertTensor(m23().mean(0, false), new double[] {2.5, 3.5, 4.5}, 3);
        assertTensor(m23().mean(-1, true), new double[] {2, 5}, 2, 1);
        assertTensor(Tensor.scalar(7).mean(), new double[] {7});
        assertTrue(Double.isNaN(Tensor.zeros(0).mean().item()));
    }

    @Test
    void meanBackwardSpreadsEvenly() {
        Tensor x = m23().requiresGrad(true);
        x.mean(1, false).mul(Tensor.vector(3, 6)).sum().backward();
        assertTensor(x.grad(), new double[] {1, 1, 1, 2, 2, 2}, 2, 3);
    }

    // ------------------------------------------------------------------ prod

    @Test
    void prodValues() {
        assertTensor(m23().prod(), new double[] {720});
        assertTensor(m23().prod(0, false), new double[] {4, 10, 18}, 3);
        assertTensor(m23().prod(-1, true), new double[] {6, 120}, 2, 1);
        assertTensor(Tensor.zeros(2, 0).prod(1, false), new double[] {1, 1}, 2);
    }

    @Test
    void prodGradientIsTheProductOfTheOthersEvenWithZeros() {
        Tensor x = Tensor.of(new double[][] {{2, 0, 3}, {0, 5, 0}, {2, 3, 4}}).requiresGrad(true);
        x.prod(1, false).sum().backward();
        assertTensor(x.grad(), new double[] {0, 6, 0, 0, 0, 0, 12, 8, 6}, 3, 3);
        Tensor v = Tensor.vector(0, 0).requiresGrad(true);
        v.prod().backward();
        assertTensor(v.grad(), new double[] {0, 0}, 2);
    }

    @Test
    void prodGradientsAtZeros() {
        Tensor oneZero = Tensor.of(new double[][] {{1.5, 0, -0.7}, {0.4, 1.2, -2}});
        Tensor twoZeros = Tensor.of(new double[][] {{0, 0, -0.7}, {0.4, 0, -2}});
        for (int[] dims : new int[][] {null, {1}, {0}}) {
            GradCheck.of(t -> ReduceOps.prod(t[0], dims, false), oneZero).assertPassed();
            GradCheck.of(t -> ReduceOps.prod(t[0], dims, false), oneZero).gradGrad().assertPassed();
            GradCheck.of(t -> ReduceOps.prod(t[0], dims, false), twoZeros).assertPassed();
        }
        // x = (a, 0, b): the Hessian's entries through the zero are the third element
        assertTensor(Autograd.hessian(Tensor::prod, Tensor.vector(2, 0, 3)), new double[] {0, 3, 0, 3, 0, 2, 0, 2, 0}, 3, 3);
    }

    // ------------------------------------------------------------------ max and min

    @Test
    void maxAndMinValues() {
        Tensor t = Tensor.of(new double[][] {{1, 7, 3}, {-4, 5, 6}});
        assertTensor(t.max(), new double[] {7});
        assertTensor(t.min(), new double[] {-4});
        assertTensor(t.max(0, false), new double[] {1, 7, 6}, 3);
        assertTensor(t.min(-1, true), new double[] {1, -4}, 2, 1);
        assertTensor(ReduceOps.max(Tensor.arange(12).reshape(2, 3, 2), new int[] {0, 2}, false), new double[] {7, 9, 11}, 3);
        assertTensor(Tensor.scalar(-2).max(), new double[] {-2});
        assertTrue(Double.isNaN(Tensor.vector(1, Double.NaN, 3).max().item()));
        assertTrue(Double.isNaN(Tensor.vector(1, Double.NaN, 3).min().item()));
        assertTensor(Tensor.zeros(0, 3).max(1, false), new double[0], 0);
    }

    @Test
    void maxAndMinTiesSplitTheGradientEvenly() {
        Tensor x = Tensor.of(new double[][] {{3, 1, 3}, {2, 2, 2}}).requiresGrad(true);
        x.max(1, false).mul(Tensor.vector(1, 6)).sum().backward();
        assertTensor(x.grad(), new double[] {0.5, 0, 0.5, 2, 2, 2}, 2, 3);
        Tensor y = Tensor.vector(1, 4, 1, 1).requiresGrad(true);
        y.min().backward();
        assertTensor(y.grad(), new double[] {1.0 / 3, 0, 1.0 / 3, 1.0 / 3}, 4);
    }

    // ------------------------------------------------------------------ var and std

    @Test
    void varAndStdValues() {
        Tensor v = Tensor.vector(1, 2, 3, 4);
        assertEquals(5.0 / 3, v.var().item(), 1e-12);
        assertEquals(1.25, ReduceOps.var(v, null, 0, false).item(), 1e-12);
        assertEquals(Math.sqrt(5.0 / 3), v.std().item(), 1e-12);
        assertEquals(Math.sqrt(1.25), ReduceOps.std(v, null, 0, false).item(), 1e-12);
        assertTensor(m23().var(1, false), new double[] {1, 1}, 2);
        assertTensor(m23().var(0, true), new double[] {4.5, 4.5, 4.5}, 1, 3);
        assertTensor(ReduceOps.std(m23(), new int[] {0, 1}, 0, false), new double[] {Math.sqrt(35.0 / 12)});
        // correction >= n: divides by 0 as PyTorch (infinity, or NaN for a constant slice)
        assertTrue(Double.isNaN(Tensor.scalar(3).var().item()));
        assertEquals(INF, ReduceOps.var(Tensor.vector(1, 2), null, 2, false).item());
        assertEquals(INF, ReduceOps.std(Tensor.vector(1, 2), null, 3, false).item());
    }


    @Test
    void stdGradientOfAConstantSliceIsZero() {
        Tensor x = Tensor.of(new double[][] {{2, 2, 2}, {1, 2, 4}}).requiresGrad(true);
        x.std(1, false).sum().backward();
        double[] g = x.grad().toArray();
        assertArrayEquals(new double[] {0, 0, 0}, Arrays.copyOf(g, 3), 0.0);
        double s = Math.sqrt(7.0 / 3);
        assertArrayEquals(new double[] {-4.0 / 3 / (2 * s), -1.0 / 3 / (2 * s), 5.0 / 3 / (2 * s)},
                Arrays.copyOfRange(g, 3, 6), 1e-12);
    }

    // ------------------------------------------------------------------ norm

    @Test
    void normValues() {
        Tensor v = Tensor.vector(3, -4);
        assertEquals(5, v.norm().item(), 1e-12);
        assertEquals(7, v.norm(1).item(), 1e-12);
        assertEquals(4, v.norm(INF).item(), 1e-12);
        assertEquals(Math.cbrt(91), v.norm(3).item(), 1e-12);
        assertEquals(Math.pow(Math.sqrt(3) + 2, 2), v.norm(0.5).item(), 1e-12);
        assertTensor(Tensor.of(new double[][] {{3, 4}, {-6, 8}}).norm(2, 1, true), new double[] {5, 10}, 2, 1);
        assertTensor(Tensor.of(new double[][] {{3, 4}, {-6, 8}}).norm(INF, 0, false), new double[] {6, 8}, 2);
        assertEquals(0, Tensor.zeros(0).norm().item());
    }

    @Test
    void normGradientAtZeroIsZeroAndMaxNormSplitsTies() {
        for (double p : new double[] {0.5, 1, 2, 3, INF}) {
            Tensor zero = Tensor.zeros(3).requiresGrad(true);
            zero.norm(p).backward();
            assertTensor(zero.grad(), new double[] {0, 0, 0}, 3);
        }
        Tensor x = Tensor.vector(3, -3, 1).requiresGrad(true);
        x.norm(INF).backward();
        assertTensor(x.grad(), new double[] {0.5, -0.5, 0}, 3);
        Tensor y = Tensor.vector(3, 0, -4).requiresGrad(true);
        y.norm(1).backward();
        assertTensor(y.grad(), new double[] {1, 0, -1}, 3);
    }

    // ------------------------------------------------------------------ logSumExp

    @Test
    void logSumExpValuesAreStable() {
        assertEquals(Math.log(Math.exp(1) + Math.exp(2) + Math.exp(3)), Tensor.vector(1, 2, 3).logSumExp().item(), 1e-12);
        assertTensor(Tensor.of(new double[][] {{1000, 1000}, {-1000, -1000}}).logSumExp(1, false),
                new double[] {1000 + Math.log(2), -1000 + Math.log(2)}, 2);
        assertEquals(1000, Tensor.vector(1000, -1000).logSumExp().item(), 1e-12);
        assertEquals(Double.NEGATIVE_INFINITY, Tensor.zeros(0).logSumExp().item());
        assertEquals(Double.NEGATIVE_INFINITY, Tensor.vector(Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY).logSumExp().item());
        assertEquals(INF, Tensor.vector(1, INF).logSumExp().item());
        assertEquals(5, Tensor.scalar(5).logSumExp().item());
    }

    @Test
    void logSumExpGradientIsFiniteAtLargeInputs() {
        Tensor x = Tensor.vector(1000, -1000, 1000).requiresGrad(true);
        x.logSumExp().backward();
        assertTensor(x.grad(), new double[] {0.5, 0, 0.5}, 3);
        GradCheck.of(t -> t[0].logSumExp(0, false), Tensor.vector(1000, 999.5, -1000)).gradGrad().assertPassed();
    }

    // ------------------------------------------------------------------ argmax and argmin

    @Test
    void argmaxAndArgminIndices() {
        Tensor t = Tensor.of(new double[][] {{1, 7, 3}, {9, 5, 9}});
        assertTensor(t.argmax(), new double[] {3});
        assertTensor(t.argmin(), new double[] {0});
        assertTensor(t.argmax(1, false), new double[] {1, 0}, 2);
        assertTensor(t.argmax(0, true), new double[] {1, 0, 1}, 1, 3);
        assertTensor(t.argmin(-2, false), new double[] {0, 1, 0}, 3);
        assertTensor(Tensor.vector(2, 2, 1, 1).argmax(), new double[] {0});
        assertTensor(Tensor.vector(2, 2, 1, 1).argmin(), new double[] {2});
        assertTensor(Tensor.vector(1, Double.NaN, 5).argmax(), new double[] {1});
        assertTensor(Tensor.vector(1, Double.NaN, -5).argmin(), new double[] {1});
        assertTensor(Tensor.scalar(4).argmax(), new double[] {0});
        assertTensor(Tensor.arange(12).reshape(2, 3, 2).argmax(1, false), new double[] {2, 2, 2, 2}, 2, 2);
        assertTensor(ReduceOps.argmin(Tensor.arange(6).reshape(3, 1, 2).neg(), 1, true), new double[] {0, 0, 0, 0, 0, 0}, 3, 1, 2);
    }

    @Test
    void argmaxNeverRequiresGrad() {
        Tensor x = Tensor.vector(1, 3, 2).requiresGrad(true);
        assertFalse(x.argmax().requiresGrad());
        assertFalse(x.argmin(0, true).requiresGrad());
        assertTrue(x.max().requiresGrad());
    }

    // ------------------------------------------------------------------ softmax and logSoftmax

    @Test
    void softmaxValues() {
        Tensor s = Tensor.vector(1, 2, 3).softmax(0);
        double z = Math.exp(1) + Math.exp(2) + Math.exp(3);
        assertTensor(s, new double[] {Math.exp(1) / z, Math.exp(2) / z, Math.exp(3) / z}, 3);
        assertTensor(Tensor.vector(1, 2, 3).logSoftmax(-1),
                new double[] {1 - Math.log(z), 2 - Math.log(z), 3 - Math.log(z)}, 3);
        Tensor cols = Tensor.of(new double[][] {{0, 1}, {0, 1}}).softmax(0);
        assertTensor(cols, new double[] {0.5, 0.5, 0.5, 0.5}, 2, 2);
        assertTensor(Tensor.zeros(3, 1).softmax(1), new double[] {1, 1, 1}, 3, 1);
        assertTensor(Tensor.zeros(3, 1).logSoftmax(1), new double[] {0, 0, 0}, 3, 1);
    }

    @Test
    void softmaxRowsSumToOne() {
        Tensor x = Tensor.randn(new Random(3), 4, 5, 3).mul(10);
        for (int dim = -3; dim < 3; dim++) {
            Tensor sums = x.softmax(dim).sum(dim, false);
            for (double s : sums.toArray()) {
                assertEquals(1.0, s, 1e-12);
            }
        }
    }

    @Test
    void softmaxIsFiniteAtLargeInputs() {
        Tensor x = Tensor.of(new double[][] {{1000, -1000, 1000}, {-1000, -1000, -999}}).requiresGrad(true);
        assertTensor(x.softmax(1), new double[] {0.5, 0, 0.5, 1 / (2 + Math.E), 1 / (2 + Math.E), Math.E / (2 + Math.E)}, 2, 3);
        double lse = Math.log(2 + Math.E);
        assertTensor(x.logSoftmax(1), new double[] {-Math.log(2), -2000 - Math.log(2), -Math.log(2), -lse, -lse, 1 - lse}, 2, 3);
        Tensor w = Tensor.vector(1, 2, 3);
        Tensor g = Autograd.grad(x.softmax(1).select(0, 0).mul(w).sum().add(x.logSoftmax(1).select(1, 2).sum()), List.of(x), false).get(0);
        for (double v : g.toArray()) {
            assertTrue(Double.isFinite(v), () -> "gradient " + g);
        }
        GradCheck.of(t -> t[0].softmax(1), x.detach()).gradGrad().assertPassed();
        GradCheck.of(t -> t[0].logSoftmax(1), x.detach()).gradGrad().assertPassed();
    }

    @TestFactory
    Stream<DynamicTest> softmaxGradients() {
        return softmaxCases().flatMap(c -> Stream.of(
                DynamicTest.dynamicTest("softmax " + c, () -> assertGradients(t -> t[0].softmax(c.dims()[0]), input(c))),
                DynamicTest.dynamicTest("logSoftmax " + c, () -> assertGradients(t -> t[0].logSoftmax(c.dims()[0]), input(c)))));
    }

    private static Stream<Case> softmaxCases() {
        return Stream.of(new Case(new int[] {5}, new int[] {0}, true), new Case(new int[] {5}, new int[] {-1}, true),
                new Case(new int[] {2, 3, 2}, new int[] {0}, true), new Case(new int[] {2, 3, 2}, new int[] {1}, true),
                new Case(new int[] {2, 3, 2}, new int[] {-1}, true), new Case(new int[] {3, 1, 2}, new int[] {1}, true),
                new Case(new int[] {1, 4}, new int[] {-2}, true));
    }

    private static Tensor input(Case c) {
        return TestInputs.awayFromKinks(new Random(Arrays.hashCode(c.shape()) + c.dims()[0]), c.shape());
    }

    // ------------------------------------------------------------------ bad input

    @Test
    void badDimsAreRejectedWithTheOpsName() {
        assertMessage("mean: dim 3 out of range for a 2-d tensor (expected -2 to 1)", () -> m23().mean(3, false));
        assertMessage("prod: dim -3 out of range for a 2-d tensor (expected -2 to 1)", () -> m23().prod(-3, true));
        assertMessage("max: dim 2 out of range for a 2-d tensor (expected -2 to 1)", () -> m23().max(2, false));
        assertMessage("min: dim 0 out of range for a 0-d tensor", () -> Tensor.scalar(1).min(0, false));
        assertMessage("var: dim 5 out of range for a 2-d tensor (expected -2 to 1)", () -> m23().var(5, false));
        assertMessage("std: dim 5 out of range for a 2-d tensor (expected -2 to 1)", () -> m23().std(5, false));
        assertMessage("norm: dim 2 out of range for a 2-d tensor (expected -2 to 1)", () -> m23().norm(2, 2, false));
        assertMessage("logSumExp: dim -3 out of range for a 2-d tensor (expected -2 to 1)", () -> m23().logSumExp(-3, false));
        assertMessage("argmax: dim 2 out of range for a 2-d tensor (expected -2 to 1)", () -> m23().argmax(2, false));
        assertMessage("argmin: dim 2 out of range for a 2-d tensor (expected -2 to 1)", () -> m23().argmin(2, false));
        assertMessage("softmax: dim 2 out of range for a 2-d tensor (expected -2 to 1)", () -> m23().softmax(2));
        assertMessage("logSoftmax: dim 0 out of range for a 0-d tensor", () -> Tensor.scalar(1).logSoftmax(0));
    }

    @Test
    void repeatedDimsAreRejected() {
        assertMessage("mean: dims [1, -1] name dim 1 twice; each dim may be reduced once", () -> m23().mean(new int[] {1, -1}, false));
        assertMessage("sum: dims [0, 0] name dim 0 twice; each dim may be reduced once", () -> m23().sum(new int[] {0, 0}, true));
        assertMessage("var: dims [0, 1, -2] name dim 0 twice; each dim may be reduced once",
                () -> m23().var(new int[] {0, 1, -2}, 1, false));
    }

    @Test
    void normRejectsNonPositiveP() {
        assertMessage("norm: p must be positive or infinity, got 0.0", () -> m23().norm(0));
        assertMessage("norm: p must be positive or infinity, got -1.0", () -> m23().norm(-1));
        assertMessage("norm: p must be positive or infinity, got -Infinity", () -> m23().norm(Double.NEGATIVE_INFINITY));
        assertMessage("norm: p must be positive or infinity, got NaN", () -> m23().norm(Double.NaN));
    }

    @Test
    void maxMinAndArgsRejectEmptyReductions() {
        Tensor empty = Tensor.zeros(0, 3);
        assertMessage("max: dims [0] of shape (0, 3) hold no elements; expected at least one to reduce", () -> empty.max(0, false));
        assertMessage("min: all dims of shape (0, 3) hold no elements; expected at least one to reduce", empty::min);
        assertMessage("argmax: all dims of shape (0, 3) hold no elements; expected at least one to reduce", empty::argmax);
        assertMessage("argmin: dims [-2] of shape (0, 3) hold no elements; expected at least one to reduce", () -> empty.argmin(-2, true));
    }
}
