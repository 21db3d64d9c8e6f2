package io.github.autograd4j.kernel;

import java.util.function.DoubleUnaryOperator;

/**
 * The forward values and local derivatives, on doubles, of the elementwise operations that both
 * engines have and {@code java.lang.Math} does not give directly: the scalar engine's
 * {@code ScalarOp} and the tensor engine's unary operations call these, so one edit changes
 * both. The differentiable form of each derivative is in {@code ops.Derivatives}.
 */
public final class ScalarFunctions {

    private ScalarFunctions() {
    }

    /**
     * {@link #relu} as an operator, which the tensor engine's elementwise loops recognise and run
     * as a plain loop: a loop that calls an operator per element is compiled once for all the
     * operators that reach it, so the call is not inlined (4 ns an element for relu's mask).
     */
    public static final DoubleUnaryOperator RELU = ScalarFunctions::relu;
    /** {@link #reluDerivative} as an operator, recognised as {@link #RELU} is. */
    public static final DoubleUnaryOperator RELU_DERIVATIVE = ScalarFunctions::reluDerivative;

    /**
     * The logistic function {@code 1 / (1 + e^-x)}, without overflow for large {@code |x|} and
     * relatively accurate for large negative {@code x}.
     */
    public static double sigmoid(double x) {
        if (x >= 0) {
            return 1.0 / (1.0 + Math.exp(-x));
        }
        double e = Math.exp(x);
        return e / (1.0 + e);
    }

    /** {@code max(x, 0)}; NaN stays NaN. */
    public static double relu(double x) {
        return Math.max(x, 0.0);
    }

    /** {@code d(relu x)/dx}: 1 where {@code x > 0}, else 0 (at 0 too, as PyTorch). */
    public static double reluDerivative(double x) {
        return x > 0.0 ? 1.0 : 0.0;
    }

    /** {@code d(x^b)/dx}: {@code b x^(b-1)}, and 0 for {@code b == 0}, as PyTorch. */
    public static double powBaseDerivative(double x, double b) {
        return b == 0.0 ? 0.0 : b * Math.pow(x, b - 1.0);
    }

    /** {@code d(a^x)/dx} given {@code out = a^x}: {@code out log(a)}, and 0 where {@code a == 0} and {@code x >= 0}. */
    public static double powExponentDerivative(double a, double x, double out) {
        return a == 0.0 && x >= 0.0 ? 0.0 : out * Math.log(a);
    }

    /** {@code d(tanh x)/dx} from {@code out = tanh x}: {@code 1 - out^2}. */
    public static double tanhDerivative(double out) {
        return 1.0 - out * out;
    }

    /** {@code d(sigmoid x)/dx} from {@code out = sigmoid x}: {@code out (1 - out)}. */
    public static double sigmoidDerivative(double out) {
        return out * (1.0 - out);
    }

    /** {@code d(sqrt x)/dx} from {@code out = sqrt x}: {@code 1 / (2 out)}. */
    public static double sqrtDerivative(double out) {
        return 0.5 / out;
    }
}
