package io.github.autograd4j.ops;

import io.github.autograd4j.Differentiable;
import io.github.autograd4j.kernel.ScalarFunctions;

/**
 * The derivative rules of the operations both engines have, written once over
 * {@link Differentiable} so that the scalar engine ({@code Value}) and the tensor engine run the
 * same rule: each method returns what flows to one operand given the upstream gradient {@code g}.
 * The rules are made of differentiable operations, so their results can be differentiated again.
 * The scalar engine's first-order fast path computes the same numbers from {@code ScalarOp}'s
 * partial derivatives; a test holds the two together.
 *
 * <p>Masks and zeros are made with {@code map} of an operand, not of {@code g}: a tensor mask is a
 * zero-derivative operation of what it was computed from, so a gradient through a kink stays
 * connected to the inputs and its own derivative is 0, as in PyTorch.
 *
 * <p>At kinks and outside domains they follow PyTorch: relu'(0) = |x|'(0) = 0, d(x^0)/dx = 0,
 * and the exponent's derivative of {@code 0^b} for {@code b >= 0} is 0.
 */
public final class Derivatives {

    private Derivatives() {
    }

    /** {@code d(a * b)}: {@code g * other}, the other operand. */
    public static <T extends Differentiable<T>> T mul(T g, T other) {
        return g.mul(other);
    }

    /** {@code d(a / b)/da}: {@code g / b}. */
    public static <T extends Differentiable<T>> T divNumerator(T g, T b) {
        return g.div(b);
    }

    /** {@code d(a / b)/db}: {@code -g a / b^2}. */
    public static <T extends Differentiable<T>> T divDenominator(T g, T a, T b) {
        return g.mul(a).div(b.mul(b)).neg();
    }

    /**
     * {@code d(a^b)/da}: {@code g b a^(b-1)}, and 0 where {@code b == 0} and {@code a^(b-1)} is not
     * finite (0 * inf). Where {@code b == 0} and {@code a^(b-1)} is finite, the 0 is computed as
     * {@code g b a^(b-1)} rather than masked, so that its derivative in {@code b} (second order) is
     * {@code g a^-1}, not 0.
     */
    public static <T extends Differentiable<T>> T powBase(T g, T a, T b) {
        T powered = a.pow(b.sub(1.0));
        T defined = b.map(v -> v != 0 ? 1 : 0).add(powered.map(v -> Math.abs(v) < Double.POSITIVE_INFINITY ? 1 : 0));
        return g.mul(b.mul(powered).where(defined, a.map(v -> 0.0)));
    }

    /** {@code d(a^b)/db}: {@code g a^b log(a)}, and 0 where {@code a == 0} and {@code b >= 0}. */
    public static <T extends Differentiable<T>> T powExponent(T g, T a, T b, T out) {
        T zeroBase = a.map(v -> v == 0 ? 1 : 0).mul(b.map(v -> v >= 0 ? 1 : 0));
        return g.mul(a.map(v -> 0.0).where(zeroBase, out.mul(a.log())));
    }

    /** {@code d(x^c)/dx} for a constant {@code c}: {@code g c x^(c-1)}, and zero for {@code c == 0}. */
    public static <T extends Differentiable<T>> T powConstant(T g, T x, double c) {
        return c == 0 ? x.map(v -> 0.0) : g.mul(x.pow(c - 1)).mul(c);
    }

    /** {@code d(-x)}: {@code -g}. */
    public static <T extends Differentiable<T>> T neg(T g) {
        return g.neg();
    }

    /** {@code d(e^x)}: {@code g e^x}, reusing the output. */
    public static <T extends Differentiable<T>> T exp(T g, T out) {
        return g.mul(out);
    }

    /** {@code d(log x)}: {@code g / x}. */
    public static <T extends Differentiable<T>> T log(T g, T x) {
        return g.div(x);
    }

    /** {@code d(sqrt x)}: {@code g / (2 sqrt x)}, reusing the output (infinite at 0). */
    public static <T extends Differentiable<T>> T sqrt(T g, T out) {
        return g.div(out.mul(2.0));
    }

    /** {@code d(tanh x)}: {@code g (1 - tanh^2 x)}, reusing the output. */
    public static <T extends Differentiable<T>> T tanh(T g, T out) {
        return g.mul(out.mul(out).neg().add(1.0));
    }

    /** {@code d(sigmoid x)}: {@code g s (1 - s)}, reusing the output {@code s}. */
    public static <T extends Differentiable<T>> T sigmoid(T g, T out) {
        return g.mul(out.mul(out.neg().add(1.0)));
    }

    /** {@code d(relu x)}: {@code g} where {@code x > 0}, else 0. */
    public static <T extends Differentiable<T>> T relu(T g, T x) {
        return g.mul(x.map(ScalarFunctions.RELU_DERIVATIVE));
    }

    /** {@code d|x|}: {@code g sign(x)}, 0 at 0. */
    public static <T extends Differentiable<T>> T abs(T g, T x) {
        return g.mul(x.map(Math::signum));
    }

    /** {@code d(sin x)}: {@code g cos x}. */
    public static <T extends Differentiable<T>> T sin(T g, T x) {
        return g.mul(x.cos());
    }

    /** {@code d(cos x)}: {@code -g sin x}. */
    public static <T extends Differentiable<T>> T cos(T g, T x) {
        return g.mul(x.sin()).neg();
    }
}
