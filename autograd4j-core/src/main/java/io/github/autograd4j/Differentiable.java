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

    /** {@code this + other} (broadcasting, for tensors). */
    T add(T other);

    /** {@code this + c}. */
    T add(double c);

    /** {@code this - other}. */
    T sub(T other);

    /** {@code this - c}. */
    T sub(double c);

    /** {@code this * other}. */
    T mul(T other);

    /** {@code this * c}. */
    T mul(double c);

    /** {@code this / other}. */
    T div(T other);

    /** {@code -this}. */
    T neg();

    /** {@code this ^ exponent}. */
    T pow(T exponent);

    /** {@code this ^ exponent} for a constant exponent. */
    T pow(double exponent);

    /** {@code e ^ this}. */
    T exp();

    /** The natural logarithm. */
    T log();

    /** The square root. */
    T sqrt();

    /** The sine. */
    T sin();

    /** The cosine. */
    T cos();

    /** The absolute value. */
    T abs();

    /**
     * {@code f} of each element, as a value that no gradient flows through: the masks and
     * constants of derivative rules (1 where positive, the sign, ...).
     */
    T map(DoubleUnaryOperator f);

    /** {@code this} where {@code condition} is non-zero, else {@code other} (PyTorch's {@code x.where(condition, y)}). */
    T where(T condition, T other);
}
