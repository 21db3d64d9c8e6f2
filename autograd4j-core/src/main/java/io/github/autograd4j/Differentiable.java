package io.github.autograd4j;

import java.util.function.DoubleUnaryOperator;

/**
 * The arithmetic that {@link Value} and {@link Tensor} share: what a derivative rule needs, so
 * that each rule is written once for both engines (scalar and tensor), and so that user code can
 * be written once for either.
 *
 * <pre>{@code
 * static <T extends Differentiable<T>> T softsign(T x) {
 *     return x.div(x.abs().add(1.0));
 * }
 * }</pre>
 *
 * @param <T> {@link Value} or {@link Tensor}
 */
public interface Differentiable<T extends Differentiable<T>> {

    /**
     * {@code this + other} (broadcasting, for tensors).
     *
     * @param other the right operand (for tensors, any shape that broadcasts with this one)
     * @return a new node of the broadcast shape
     */
    T add(T other);

    /**
     * {@code this + c}.
     *
     * @param c the constant added
     * @return a new node of this one's shape
     */
    T add(double c);

    /**
     * {@code this - other}.
     *
     * @param other the right operand (for tensors, any shape that broadcasts with this one)
     * @return a new node of the broadcast shape
     */
    T sub(T other);

    /**
     * {@code this - c}.
     *
     * @param c the constant subtracted
     * @return a new node of this one's shape
     */
    T sub(double c);

    /**
     * {@code this * other}.
     *
     * @param other the right operand (for tensors, any shape that broadcasts with this one)
     * @return a new node of the broadcast shape
     */
    T mul(T other);

    /**
     * {@code this * c}.
     *
     * @param c the constant factor
     * @return a new node of this one's shape
     */
    T mul(double c);

    /**
     * {@code this / other}.
     *
     * @param other the divisor (for tensors, any shape that broadcasts with this one)
     * @return a new node of the broadcast shape
     */
    T div(T other);

    /**
     * {@code -this}.
     *
     * @return a new node of this one's shape
     */
    T neg();

    /**
     * {@code this ^ exponent}.
     *
     * @param exponent the exponent (for tensors, any shape that broadcasts with this one);
     *                 differentiable too
     * @return a new node of the broadcast shape
     */
    T pow(T exponent);

    /**
     * {@code this ^ exponent} for a constant exponent.
     *
     * @param exponent the exponent, a constant
     * @return a new node of this one's shape
     */
    T pow(double exponent);

    /**
     * {@code e ^ this}.
     *
     * @return a new node of this one's shape
     */
    T exp();

    /**
     * The natural logarithm.
     *
     * @return a new node of this one's shape ({@code -inf} at 0, NaN below)
     */
    T log();

    /**
     * The square root.
     *
     * @return a new node of this one's shape (NaN below 0)
     */
    T sqrt();

    /**
     * The sine.
     *
     * @return a new node of this one's shape
     */
    T sin();

    /**
     * The cosine.
     *
     * @return a new node of this one's shape
     */
    T cos();

    /**
     * The absolute value.
     *
     * @return a new node of this one's shape
     */
    T abs();

    /**
     * {@code f} of each element, as a value that no gradient flows through: the masks and
     * constants of derivative rules (1 where positive, the sign, ...).
     *
     * @param f the function of one element
     * @return a new node of this one's shape, whose derivative is zero
     */
    T map(DoubleUnaryOperator f);

    /**
     * {@code this} where {@code condition} is non-zero, else {@code other} (PyTorch's
     * {@code x.where(condition, y)}).
     *
     * @param condition non-zero (NaN included) where this is taken; no gradient flows to it
     * @param other     the values taken elsewhere
     * @return the selection, of the broadcast shape of the three (for {@link Value}, this value or
     *         {@code other} itself)
     */
    T where(T condition, T other);
}
