package io.github.autograd4j.ops;

import static io.github.autograd4j.BackwardRule.gradientOnly;

import io.github.autograd4j.BackwardRule;
import io.github.autograd4j.DType;
import io.github.autograd4j.Tensor;
import io.github.autograd4j.kernel.ElementLoops;
import io.github.autograd4j.kernel.ScalarFunctions;
import io.github.autograd4j.kernel.SpecialFunctions;
import java.util.Objects;
import java.util.function.DoubleUnaryOperator;

/**
 * Elementwise functions of one tensor, activations included: each takes a tensor of any shape
 * (a scalar too) and returns one of the same shape. Each forward sits beside its backward rule,
 * written with tensor operations so that it can be differentiated again. Values follow
 * {@code java.lang.Math} (NaN in, NaN out; {@code log(0) = -inf}; {@code sqrt(-1) = NaN}).
 * Derivatives at kinks follow PyTorch: {@code relu'(0) = abs'(0) = 0}, {@code leakyRelu'(0) = slope},
 * clamp passes the gradient on {@code [min, max]} inclusive, and the second derivative of a
 * piecewise-linear function is 0.
 */
public final class UnaryOps {

    private static final double INV_SQRT_2PI = 0.39894228040143267794;

    private UnaryOps() {
    }

    /** {@code -x}. Gradient {@code -g}. */
    public static Tensor neg(Tensor x) {
        return map("neg", x, v -> -v, gradientOnly((g, out) -> new Tensor[] {Derivatives.neg(g)}));
    }

    /** {@code e^x}. Gradient {@code g e^x} (reusing the output). */
    public static Tensor exp(Tensor x) {
        return map("exp", x, Math::exp, (g, out) -> new Tensor[] {Derivatives.exp(g, out)});
    }

    /** The natural logarithm. Gradient {@code g / x}. */
    public static Tensor log(Tensor x) {
        return map("log", x, Math::log, (g, out) -> new Tensor[] {Derivatives.log(g, x)});
    }

    /** {@code log(1 + x)}, accurate for small {@code x}. Gradient {@code g / (1 + x)}. */
    public static Tensor log1p(Tensor x) {
        return map("log1p", x, Math::log1p, (g, out) -> new Tensor[] {g.div(x.add(1))});
    }

    /** {@code e^x - 1}, accurate for small {@code x}. Gradient {@code g e^x = g (out + 1)}. */
    public static Tensor expm1(Tensor x) {
        return map("expm1", x, Math::expm1, (g, out) -> new Tensor[] {g.mul(out.add(1))});
    }

    /** The square root. Gradient {@code g / (2 sqrt(x))} (infinite at 0). */
    public static Tensor sqrt(Tensor x) {
        return map("sqrt", x, Math::sqrt, (g, out) -> new Tensor[] {Derivatives.sqrt(g, out)});
    }

    /** {@code 1 / sqrt(x)}. Gradient {@code -g x^(-3/2) / 2 = -g out^3 / 2}. */
    public static Tensor rsqrt(Tensor x) {
        return map("rsqrt", x, v -> 1.0 / Math.sqrt(v),
                (g, out) -> new Tensor[] {g.mul(out.mul(out).mul(out)).mul(-0.5)});
    }

    /** {@code |x|}. Gradient {@code g sign(x)}: 0 at 0, as PyTorch. */
    public static Tensor abs(Tensor x) {
        return map("abs", x, Math::abs, (g, out) -> new Tensor[] {Derivatives.abs(g, x)});
    }

    /** -1, 0 or 1 as {@link Math#signum} (-0.0 and NaN kept). Gradient zero everywhere, as PyTorch. */
    public static Tensor sign(Tensor x) {
        return map("sign", x, Math::signum, (g, out) -> new Tensor[] {Masks.zerosOf(x)});
    }

    /** The sine. Gradient {@code g cos(x)}. */
    public static Tensor sin(Tensor x) {
        return map("sin", x, Math::sin, (g, out) -> new Tensor[] {Derivatives.sin(g, x)});
    }

    /** The cosine. Gradient {@code -g sin(x)}. */
    public static Tensor cos(Tensor x) {
        return map("cos", x, Math::cos, (g, out) -> new Tensor[] {Derivatives.cos(g, x)});
    }

    /** The hyperbolic tangent. Gradient {@code g (1 - out^2)}. */
    public static Tensor tanh(Tensor x) {
        return map("tanh", x, Math::tanh, (g, out) -> new Tensor[] {Derivatives.tanh(g, out)});
    }

    /**
     * The logistic function {@code 1 / (1 + e^-x)}, computed without overflow for large
     * {@code |x|} (and relatively accurate for large negative {@code x}). Gradient
     * {@code g out (1 - out)}.
     */
    public static Tensor sigmoid(Tensor x) {
        return map("sigmoid", x, ScalarFunctions::sigmoid, (g, out) -> new Tensor[] {Derivatives.sigmoid(g, out)});
    }

    /** {@code max(x, 0)} (NaN stays NaN). Gradient {@code g} where {@code x > 0}, else 0. */
    public static Tensor relu(Tensor x) {
        return map("relu", x, ScalarFunctions.RELU, (g, out) -> new Tensor[] {Derivatives.relu(g, x)});
    }

    /**
     * {@code x} where {@code x > 0}, else {@code slope * x}. Gradient {@code g} where {@code x > 0},
     * else {@code slope * g}.
     *
     * @throws IllegalArgumentException when {@code slope} is not finite
     */
    public static Tensor leakyRelu(Tensor x, double slope) {
        checkFinite("leakyRelu", "slope", slope);
        return map("leakyRelu", x, v -> v > 0 ? v : slope * v,
                (g, out) -> new Tensor[] {g.mul(mask(x, v -> v > 0 ? 1 : slope))});
    }

    /**
     * {@code x} where {@code x > 0}, else {@code alpha (e^x - 1)}. Gradient {@code g} where
     * {@code x > 0}, else {@code g alpha e^x = g (out + alpha)}.
     *
     * @throws IllegalArgumentException when {@code alpha} is not finite
     */
    public static Tensor elu(Tensor x, double alpha) {
        checkFinite("elu", "alpha", alpha);
        return map("elu", x, v -> v > 0 ? v : alpha * Math.expm1(v), (g, out) -> new Tensor[] {
            g.mul(BinaryOps.where(mask(x, v -> v > 0 ? 1 : 0), Tensor.scalar(1, x.dtype()), out.add(alpha)))});
    }

    /**
     * The Gaussian error linear unit {@code x Phi(x)}, with {@code Phi} the standard normal
     * distribution function (the exact erf form, not the tanh approximation); 0 at {@code -inf}.
     * Gradient {@code g (Phi(x) + x phi(x))}, with {@code phi} the normal density.
     */
    public static Tensor gelu(Tensor x) {
        return map("gelu", x, v -> v == Double.NEGATIVE_INFINITY ? 0.0 : v * SpecialFunctions.normalCdf(v),
                (g, out) -> new Tensor[] {g.mul(normalCdf(x).add(x.mul(normalPdf(x))))});
    }

    /**
     * {@code log(1 + e^x)}, computed stably as {@code max(x, 0) + log1p(e^-|x|)} (no threshold:
     * exact for every {@code x}). Gradient {@code g sigmoid(x)}.
     */
    public static Tensor softplus(Tensor x) {
        return map("softplus", x, v -> Math.max(v, 0.0) + Math.log1p(Math.exp(-Math.abs(v))),
                (g, out) -> new Tensor[] {g.mul(sigmoid(x))});
    }

    /**
     * Each element limited to {@code [min, max]} (NaN stays NaN); infinite bounds clamp one side
     * only. Gradient {@code g} where {@code min <= x <= max}, else 0.
     *
     * @throws IllegalArgumentException when a bound is NaN or {@code min > max}
     */
    public static Tensor clamp(Tensor x, double min, double max) {
        if (Double.isNaN(min) || Double.isNaN(max) || min > max) {
            throw new IllegalArgumentException("clamp: min " + min + " and max " + max
                    + " do not make a range; expected min <= max, neither NaN");
        }
        return map("clamp", x, v -> Math.min(Math.max(v, min), max),
                (g, out) -> new Tensor[] {g.mul(mask(x, v -> v >= min && v <= max ? 1 : 0))});
    }

    /**
     * {@code x ^ exponent} as {@link Math#pow}. Gradient {@code g exponent x^(exponent - 1)}, and
     * zero for exponent 0, as PyTorch.
     */
    public static Tensor pow(Tensor x, double exponent) {
        return map("pow", x, v -> Math.pow(v, exponent), (g, out) -> new Tensor[] {Derivatives.powConstant(g, x, exponent)});
    }

    // ------------------------------------------------------------------ helpers

    /** {@code Phi(x)}, recorded so that its derivative {@code phi(x)} is differentiable too. */
    private static Tensor normalCdf(Tensor x) {
        return map("normalCdf", x, SpecialFunctions::normalCdf, (g, out) -> new Tensor[] {g.mul(normalPdf(x))});
    }

    /** The standard normal density {@code e^(-x^2/2) / sqrt(2 pi)}, from differentiable operations. */
    private static Tensor normalPdf(Tensor x) {
        return x.mul(x).mul(-0.5).exp().mul(INV_SQRT_2PI);
    }

    /** Applies {@code f} to each element of {@code x} and records {@code rule}. */
    private static Tensor map(String op, Tensor x, DoubleUnaryOperator f, BackwardRule rule) {
        Objects.requireNonNull(x, op + ": input is null");
        return x.dtype() == DType.FLOAT32
                ? Tensor.fromOp(op, x.shape(), applyFloat(x, f), rule, x)
                : Tensor.fromOp(op, x.shape(), apply(x, f), rule, x);
    }

    /**
     * {@code f} of each element of {@code x}, as a {@link Masks mask} of {@code x}: the 0/1 (or
     * slope, or sign) factors of rules. Gradient: zero (nothing flows to {@code x}); recorded as an
     * operation of {@code x}, so that a rule's product with it stays connected to {@code x}.
     */
    public static Tensor mask(Tensor x, DoubleUnaryOperator f) {
        Objects.requireNonNull(x, "map: input is null");
        Objects.requireNonNull(f, "map: f is null");
        return x.dtype() == DType.FLOAT32 ? Masks.of(x.shape(), applyFloat(x, f), x) : Masks.of(x.shape(), apply(x, f), x);
    }

    /** {@code f} of each element of {@code x}, in double; relu as a plain loop, which C2 vectorises, and its mask as {@link ElementLoops#positive}. */
    private static double[] apply(Tensor x, DoubleUnaryOperator f) {
        double[] in = x.doubles();
        double[] out = new double[in.length];
        if (f == ScalarFunctions.RELU) {
            for (int i = 0; i < in.length; i++) {
                out[i] = Math.max(in[i], 0.0);
            }
        } else if (f == ScalarFunctions.RELU_DERIVATIVE) {
            ElementLoops.positive(in, out);
        } else {
            for (int i = 0; i < in.length; i++) {
                out[i] = f.applyAsDouble(in[i]);
            }
        }
        return out;
    }

    /** {@code f} of each element of a float32 {@code x}, widened, computed in double and rounded once: float32's correctly rounded value. */
    private static float[] applyFloat(Tensor x, DoubleUnaryOperator f) {
        float[] in = x.floatStorage();
        float[] out = new float[in.length];
        if (f == ScalarFunctions.RELU) {
            for (int i = 0; i < in.length; i++) {
                out[i] = Math.max(in[i], 0.0f);
            }
        } else if (f == ScalarFunctions.RELU_DERIVATIVE) {
            ElementLoops.positive(in, out);
        } else {
            for (int i = 0; i < in.length; i++) {
                out[i] = (float) f.applyAsDouble(in[i]);
            }
        }
        return out;
    }

    private static void checkFinite(String op, String name, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(op + ": " + name + " must be finite, got " + value);
        }
    }
}
