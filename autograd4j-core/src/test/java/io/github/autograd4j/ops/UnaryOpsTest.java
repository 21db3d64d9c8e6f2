package io.github.autograd4j.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.autograd4j.Autograd;
import io.github.autograd4j.GradCheck;
import io.github.autograd4j.Shape;
import io.github.autograd4j.Tensor;
import io.github.autograd4j.TestInputs;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Elementwise functions of one tensor: values (special values included), gradients of both orders, kinks, bad input. */
class UnaryOpsTest {

    private static final double INF = Double.POSITIVE_INFINITY;
    private static final double NAN = Double.NaN;

    /** Where the edge cases of java.lang.Math live: signed zeros, infinities, NaN, overflow. */
    private static final double[] SPECIAL = {0.0, -0.0, 0.5, -0.5, 1, -1, 2.5, -3, 30, -30, 800, -800, INF, -INF, NAN};

    /** A scalar, a vector, a 3-d tensor and one with size-1 dims. */
    private static final int[][] SHAPES = {{}, {5}, {2, 3, 2}, {1, 3, 1}};

    private final Random rng = new Random(11);

    // ------------------------------------------------------------------ helpers

    /** Each element within {@code tolerance} of the expected one, relative to it (NaN equals NaN; 0 means bit for bit up to the sign of zero). */
    private static void assertValues(double[] expected, Tensor actual, double tolerance) {
        double[] values = actual.toArray();
        assertEquals(expected.length, values.length);
        for (int i = 0; i < values.length; i++) {
            double delta = Double.isFinite(expected[i]) ? tolerance * Math.abs(expected[i]) : 0;
            assertEquals(expected[i], values[i], delta, "element " + i + " of " + Arrays.toString(values));
        }
    }

    /** {@code op} applied to SPECIAL equals {@code reference} applied to each, bit for bit (NaN equals NaN). */
    private static void assertMatchesMath(Function<Tensor, Tensor> op, DoubleUnaryOperator reference) {
        double[] expected = Arrays.stream(SPECIAL).map(reference).toArray();
        assertValues(expected, op.apply(Tensor.vector(SPECIAL)), 0.0);
    }

    /** First- and second-order checks of {@code op} and of {@code op(x)^2} on every shape of SHAPES. */
    private static void assertGradients(Function<Tensor, Tensor> op, Function<int[], Tensor> inputs) {
        for (int[] shape : SHAPES) {
            Tensor x = inputs.apply(shape).requiresGrad(true);
            Function<Tensor[], Tensor> f = t -> op.apply(t[0]);
            GradCheck.of(f, x).assertPassed();
            GradCheck.of(f, x).gradGrad().assertPassed();
            // squaring feeds the rule a gradient that depends on x, so its own recording is checked too
            GradCheck.of(t -> f.apply(t).mul(f.apply(t)), x).gradGrad().assertPassed();
        }
    }

    /** f'(x), elementwise. */
    private static Tensor firstDerivative(Function<Tensor, Tensor> op, double... x) {
        Tensor in = Tensor.vector(x).requiresGrad(true);
        return Autograd.vjp(op, in, Tensor.onesLike(in));
    }

    /** f''(x), elementwise: the Hessian of sum(f(x)) is diagonal, so H 1 is its diagonal. */
    private static Tensor secondDerivative(Function<Tensor, Tensor> op, double... x) {
        Tensor in = Tensor.vector(x).requiresGrad(true);
        return Autograd.hvp(t -> op.apply(t).sum(), in, Tensor.onesLike(in));
    }

    private static void assertMessage(String expected, Executable bad) {
        assertEquals(expected, assertThrows(IllegalArgumentException.class, bad).getMessage());
    }

    private Tensor general(int[] shape) {
        return TestInputs.awayFromKinks(rng, shape);
    }

    private Tensor positive(int[] shape) {
        return TestInputs.positive(rng, shape);
    }

    // ------------------------------------------------------------------ values

    @Test
    void functionsOfOneMathCallMatchJavaLangMath() {
        assertMatchesMath(Tensor::neg, v -> -v);
        assertMatchesMath(Tensor::exp, Math::exp);
        assertMatchesMath(Tensor::log, Math::log);
        assertMatchesMath(Tensor::log1p, Math::log1p);
        assertMatchesMath(Tensor::expm1, Math::expm1);
        assertMatchesMath(Tensor::sqrt, Math::sqrt);
        assertMatchesMath(Tensor::rsqrt, v -> 1 / Math.sqrt(v));
        assertMatchesMath(Tensor::abs, Math::abs);
        assertMatchesMath(Tensor::sign, Math::signum);
        assertMatchesMath(Tensor::sin, Math::sin);
        assertMatchesMath(Tensor::cos, Math::cos);
        assertMatchesMath(Tensor::tanh, Math::tanh);
        assertMatchesMath(t -> t.pow(2.5), v -> Math.pow(v, 2.5));
        assertMatchesMath(t -> t.pow(-1), v -> Math.pow(v, -1));
        assertMatchesMath(t -> t.pow(0), v -> Math.pow(v, 0));
        assertMatchesMath(t -> t.pow(NAN), v -> Math.pow(v, NAN));
    }

    @Test
    void piecewiseFunctionsAtSpecialValues() {
        assertMatchesMath(Tensor::relu, v -> Math.max(v, 0));
        assertMatchesMath(t -> t.leakyRelu(0.1), v -> v > 0 ? v : 0.1 * v);
        assertMatchesMath(t -> t.elu(1.5), v -> v > 0 ? v : 1.5 * Math.expm1(v));
        assertMatchesMath(Tensor::elu, v -> v > 0 ? v : Math.expm1(v));
        assertMatchesMath(t -> t.clamp(-1, 2), v -> Math.min(Math.max(v, -1), 2));
        assertMatchesMath(t -> t.clamp(-INF, 0.5), v -> Math.min(v, 0.5));
        assertMatchesMath(t -> t.clamp(3, 3), v -> Double.isNaN(v) ? v : 3);
    }

    @Test
    void reluAndFriendsByHand() {
        Tensor x = Tensor.vector(-2, -0.5, 0, 0.5, 2);
        assertValues(new double[] {0, 0, 0, 0.5, 2}, x.relu(), 0);
        assertValues(new double[] {-0.02, -0.005, 0, 0.5, 2}, x.leakyRelu(0.01), 1e-16);
        assertValues(new double[] {Math.exp(-2) - 1, Math.exp(-0.5) - 1, 0, 0.5, 2}, x.elu(), 1e-16);
        assertValues(new double[] {-1, -0.5, 0, 0.5, 1}, x.clamp(-1, 1), 0);
    }

    @Test
    void sigmoidAndSoftplusAreStableAndAccurateInBothTails() {
        Tensor x = Tensor.vector(-1000, -40, -1, 0, 1, 40, 1000);
        assertValues(new double[] {0, 4.2483542552915889773e-18, 0.26894142136999512075, 0.5,
            0.73105857863000487925, 0.99999999999999999575, 1}, x.sigmoid(), 1e-15);
        assertValues(new double[] {0, 4.2483542552915889863e-18, 0.31326168751822283405, 0.69314718055994530942,
            1.313261687518222834, 40, 1000}, x.softplus(), 1e-15);
        Tensor special = Tensor.vector(-INF, INF, NAN);
        assertValues(new double[] {0, 1, NAN}, special.sigmoid(), 0);
        assertValues(new double[] {0, INF, NAN}, special.softplus(), 0);
    }

    @Test
    void geluIsTheExactErfForm() {
        Tensor x = Tensor.vector(-3, -1, -0.5, 0, 0.5, 1, 2);
        assertValues(new double[] {-0.00404969409489028358, -0.15865525393145705141, -0.15426876936299344818, 0,
            0.34573123063700655182, 0.84134474606854294859, 1.9544997361036415856}, x.gelu(), 1e-14);
        assertValues(new double[] {0, INF, NAN, -0.0}, Tensor.vector(-INF, INF, NAN, -40).gelu(), 0);
    }

    @Test
    void shapesArePreservedAndConstantsStayConstant() {
        Tensor x = TestInputs.positive(rng, 2, 1, 3);
        for (Tensor y : new Tensor[] {x.exp(), x.gelu(), x.clamp(0, 1), x.pow(3), x.sign(), x.relu()}) {
            assertEquals(Shape.of(2, 1, 3), y.shape());
            assertFalse(y.requiresGrad(), "an op of constants is a constant");
        }
        assertEquals(Shape.scalar(), Tensor.scalar(2).sqrt().shape());
        assertTrue(x.requiresGrad(true).tanh().requiresGrad());
    }

    // ------------------------------------------------------------------ gradients, first and second order

    @Test
    void smoothFunctionGradients() {
        assertGradients(Tensor::neg, this::general);
        assertGradients(Tensor::exp, this::general);
        assertGradients(Tensor::expm1, this::general);
        assertGradients(Tensor::sin, this::general);
        assertGradients(Tensor::cos, this::general);
        assertGradients(Tensor::tanh, this::general);
        assertGradients(Tensor::sigmoid, this::general);
        assertGradients(Tensor::gelu, this::general);
        assertGradients(Tensor::softplus, this::general);
    }

    @Test
    void functionsOfPositiveInputsGradients() {
        assertGradients(Tensor::log, this::positive);
        assertGradients(Tensor::sqrt, this::positive);
        assertGradients(Tensor::rsqrt, this::positive);
        assertGradients(Tensor::log1p, shape -> TestInputs.uniform(rng, -0.5, 2, shape));
    }

    @Test
    void powGradients() {
        assertGradients(t -> t.pow(2.5), this::positive);
        assertGradients(t -> t.pow(-1.5), this::positive);
        assertGradients(t -> t.pow(0.5), this::positive);
        assertGradients(t -> t.pow(3), this::general);
        assertGradients(t -> t.pow(2), this::general);
        assertGradients(t -> t.pow(1), this::general);
        assertGradients(t -> t.pow(0), this::general);
    }

    @Test
    void piecewiseFunctionGradients() {
        assertGradients(Tensor::abs, this::general);
        assertGradients(Tensor::sign, this::general);
        assertGradients(Tensor::relu, this::general);
        assertGradients(t -> t.leakyRelu(0.1), this::general);
        assertGradients(t -> t.leakyRelu(-2), this::general);
        assertGradients(t -> t.elu(1.5), this::general);
        assertGradients(t -> t.clamp(-1, 1), this::general);
    }

    // ------------------------------------------------------------------ derivatives at kinks and in the tails, as PyTorch

    @Test
    void derivativesAtKinksFollowPyTorch() {
        assertValues(new double[] {0, 0, 1}, firstDerivative(Tensor::relu, -1, 0, 1), 0);
        assertValues(new double[] {-1, 0, 1}, firstDerivative(Tensor::abs, -1, 0, 1), 0);
        assertValues(new double[] {0.1, 0.1, 1}, firstDerivative(t -> t.leakyRelu(0.1), -1, 0, 1), 0);
        assertValues(new double[] {Math.exp(-1), 1, 1}, firstDerivative(Tensor::elu, -1, 0, 1), 1e-16);
        // clamp passes the gradient on [min, max] inclusive
        assertValues(new double[] {0, 1, 1, 1, 0}, firstDerivative(t -> t.clamp(-1, 2), -1.5, -1, 0, 2, 2.5), 0);
        assertValues(new double[] {0, 0, 0}, firstDerivative(Tensor::sign, -1, 0, 1), 0);
        assertValues(new double[] {INF, 0.5}, firstDerivative(Tensor::sqrt, 0, 1), 0);
    }

    @Test
    void piecewiseLinearFunctionsHaveZeroSecondDerivative() {
        double[] x = {-1, 0, 1};
        for (Function<Tensor, Tensor> op : List.<Function<Tensor, Tensor>>of(
                Tensor::relu, Tensor::abs, t -> t.leakyRelu(0.1), t -> t.clamp(-0.5, 0.5), Tensor::sign)) {
            assertValues(new double[] {0, 0, 0}, secondDerivative(op, x), 0);
        }
        // elu: alpha e^x on the left, 0 on the right
        assertValues(new double[] {1.5 * Math.exp(-1), 0}, secondDerivative(t -> t.elu(1.5), -1, 1), 1e-15);
    }

    @Test
    void geluDerivativesMatchTheirClosedForms() {
        double[] x = {-3, -1, -0.5, 0, 0.5, 1, 2};
        assertValues(new double[] {-0.011945647204183927, -0.083315470587686298383, 0.13250487534383715747, 0.5,
            0.86749512465616284253, 1.0833154705876862984, 1.0852318010781968967}, firstDerivative(Tensor::gelu, x), 1e-14);
        assertValues(new double[] {-0.031022938883566050229, 0.2419707245191433498, 0.61611432183752408611,
            0.79788456080286535588, 0.61611432183752408611, 0.2419707245191433498, -0.1079819330263761039},
                secondDerivative(Tensor::gelu, x), 1e-14);
    }

    @Test
    void saturatingFunctionsHaveFiniteGradientsInTheTails() {
        assertValues(new double[] {0, 0, 0, 0}, firstDerivative(Tensor::sigmoid, -800, 800, -INF, INF), 0);
        assertValues(new double[] {0, 0}, firstDerivative(Tensor::tanh, -800, 800), 0);
        assertValues(new double[] {0, 1}, firstDerivative(Tensor::softplus, -800, 800), 0);
        assertValues(new double[] {0, 1}, firstDerivative(Tensor::gelu, -800, 800), 0);
        assertValues(new double[] {0, 1}, firstDerivative(Tensor::elu, -800, 800), 0);
        assertValues(new double[] {0, 0}, secondDerivative(Tensor::elu, -800, 800), 0);
    }

    @Test
    void powWithExponentZeroHasZeroGradientEvenAtZero() {
        assertValues(new double[] {0, 0, 0}, firstDerivative(t -> t.pow(0), -1, 0, 2), 0);
        assertValues(new double[] {-2, 0, 4}, firstDerivative(t -> t.pow(2), -1, 0, 2), 0);
        assertValues(new double[] {2, 2, 2}, secondDerivative(t -> t.pow(2), -1, 0, 2), 0);
        assertValues(new double[] {1, 1, 1}, firstDerivative(t -> t.pow(1), -1, 0, 2), 0);
    }

    @Test
    void signGivesAZeroGradientRatherThanNone() {
        Tensor x = Tensor.vector(-2, 3).requiresGrad(true);
        x.sign().sum().backward();
        assertNotNull(x.grad());
        assertArrayEquals(new double[] {0, 0}, x.grad().toArray());
    }

    // ------------------------------------------------------------------ bad input

    @Test
    void badParametersAreRejectedBeforeAnyNodeIsMade() {
        Tensor x = Tensor.vector(1, 2).requiresGrad(true);
        assertMessage("clamp: min 2.0 and max 1.0 do not make a range; expected min <= max, neither NaN", () -> x.clamp(2, 1));
        assertMessage("clamp: min NaN and max 1.0 do not make a range; expected min <= max, neither NaN", () -> x.clamp(NAN, 1));
        assertMessage("clamp: min 0.0 and max NaN do not make a range; expected min <= max, neither NaN", () -> x.clamp(0, NAN));
        assertMessage("leakyRelu: slope must be finite, got NaN", () -> x.leakyRelu(NAN));
        assertMessage("elu: alpha must be finite, got Infinity", () -> x.elu(INF));
    }
}
