package io.github.autograd4j.ops;

import static io.github.autograd4j.BackwardRule.gradientOnly;

import io.github.autograd4j.BackwardRule;
import io.github.autograd4j.DType;
import io.github.autograd4j.Shape;
import io.github.autograd4j.Tensor;
import io.github.autograd4j.kernel.Strided;
import java.util.Objects;
import java.util.function.DoubleBinaryOperator;

/**
 * Elementwise operations of two tensors (three for {@code where}) with NumPy broadcasting: the
 * operands' shapes are aligned from the right, and each pair of sizes must be equal or one of
 * them 1; the result has the broadcast shape. Each forward sits beside its backward rule. Rules
 * return gradients of the broadcast shape; the engine sums them back to each operand's shape.
 * Values follow {@code java.lang.Math} and IEEE arithmetic (NaN in, NaN out).
 */
public final class BinaryOps {

    private BinaryOps() {
    }

    /** {@code a + b}. Gradients: {@code g} to both. */
    public static Tensor add(Tensor a, Tensor b) {
        return elementwise("add", a, b, Strided.ADD, gradientOnly((g, out) -> new Tensor[] {g, g}));
    }

    /** {@code a - b}. Gradients: {@code g} and {@code -g}. */
    public static Tensor sub(Tensor a, Tensor b) {
        return elementwise("sub", a, b, Strided.SUB, gradientOnly((g, out) -> new Tensor[] {g, g.neg()}));
    }

    /** {@code a * b}. Gradients: {@code g b} and {@code g a}. */
    public static Tensor mul(Tensor a, Tensor b) {
        return elementwise("mul", a, b, Strided.MUL, (g, out) -> new Tensor[] {Derivatives.mul(g, b), Derivatives.mul(g, a)});
    }

    /** {@code a / b}. Gradients: {@code g / b} and {@code -g a / b^2}. */
    public static Tensor div(Tensor a, Tensor b) {
        return elementwise("div", a, b, Strided.DIV,
                (g, out) -> new Tensor[] {Derivatives.divNumerator(g, b), Derivatives.divDenominator(g, a, b)});
    }

    /**
     * {@code a ^ b} as {@link Math#pow}. Gradients, as PyTorch's: {@code g b a^(b-1)} to
     * {@code a}, 0 where {@code b == 0}; {@code g a^b log(a)} to {@code b}, 0 where {@code a == 0}
     * and {@code b >= 0} (NaN for negative {@code a}). Where {@code b == 0} and {@code a^(b-1)} is
     * finite, the 0 is computed as {@code g b a^(b-1)} rather than masked, so that its derivative
     * with respect to {@code b} (second order) is {@code g a^-1}, not 0. The masks apply to the
     * local derivatives, which are then multiplied by {@code g}, as PyTorch: an infinite or NaN
     * {@code g} gives NaN there, never a silent 0.
     */
    public static Tensor pow(Tensor a, Tensor b) {
        return elementwise("pow", a, b, Math::pow, (g, out) -> new Tensor[] {
            a.requiresGrad() ? Derivatives.powBase(g, a, b) : null,
            b.requiresGrad() ? Derivatives.powExponent(g, a, b, out) : null});
    }

    /**
     * The elementwise larger, as {@link Math#max} (NaN if either is NaN). Gradient {@code g} to
     * the larger operand; ties split it evenly, {@code g / 2} to each.
     */
    public static Tensor maximum(Tensor a, Tensor b) {
        return elementwise("maximum", a, b, Math::max,
                (g, out) -> new Tensor[] {g.mul(share(a, b)), g.mul(share(b, a))});
    }

    /**
     * The elementwise smaller, as {@link Math#min} (NaN if either is NaN). Gradient {@code g} to
     * the smaller operand; ties split it evenly, {@code g / 2} to each.
     */
    public static Tensor minimum(Tensor a, Tensor b) {
        return elementwise("minimum", a, b, Math::min,
                (g, out) -> new Tensor[] {g.mul(share(b, a)), g.mul(share(a, b))});
    }

    /** 1 where {@code a == b}, else 0 (0 where either is NaN). Gradient: none (a constant). */
    public static Tensor eq(Tensor a, Tensor b) {
        return compare("eq", a, b, (x, y) -> x == y ? 1 : 0);
    }

    /** 1 where {@code a != b}, else 0 (1 where either is NaN). Gradient: none (a constant). */
    public static Tensor ne(Tensor a, Tensor b) {
        return compare("ne", a, b, (x, y) -> x != y ? 1 : 0);
    }

    /** 1 where {@code a < b}, else 0 (0 where either is NaN). Gradient: none (a constant). */
    public static Tensor lt(Tensor a, Tensor b) {
        return compare("lt", a, b, (x, y) -> x < y ? 1 : 0);
    }

    /** 1 where {@code a <= b}, else 0 (0 where either is NaN). Gradient: none (a constant). */
    public static Tensor le(Tensor a, Tensor b) {
        return compare("le", a, b, (x, y) -> x <= y ? 1 : 0);
    }

    /** 1 where {@code a > b}, else 0 (0 where either is NaN). Gradient: none (a constant). */
    public static Tensor gt(Tensor a, Tensor b) {
        return compare("gt", a, b, (x, y) -> x > y ? 1 : 0);
    }

    /** 1 where {@code a >= b}, else 0 (0 where either is NaN). Gradient: none (a constant). */
    public static Tensor ge(Tensor a, Tensor b) {
        return compare("ge", a, b, (x, y) -> x >= y ? 1 : 0);
    }

    /**
     * {@code a} where {@code condition} is non-zero (NaN counts as non-zero), else {@code b}; the
     * three broadcast together. Gradients: {@code g} to {@code a} where the condition holds, to
     * {@code b} elsewhere, zero in the other places (selected, not multiplied, so an infinite or NaN
     * gradient stays where it belongs); none to {@code condition}.
     *
     * @throws IllegalArgumentException when the three shapes do not broadcast together, or the
     *                                  result would hold more than 2^31-1 elements
     */
    public static Tensor where(Tensor condition, Tensor a, Tensor b) {
        Objects.requireNonNull(condition, "where: condition is null");
        Objects.requireNonNull(a, "where: a is null");
        Objects.requireNonNull(b, "where: b is null");
        // three shapes broadcast together when every two of them do
        if (!condition.shape().broadcastsWith(a.shape()) || !condition.shape().broadcastsWith(b.shape())
                || !a.shape().broadcastsWith(b.shape())) {
            throw new IllegalArgumentException("where: condition " + condition.shape() + ", a " + a.shape()
                    + " and b " + b.shape() + " do not broadcast together (sizes aligned from the right must be"
                    + " equal or 1)");
        }
        Shape shape = Shape.broadcast("where", condition.shape(), Shape.broadcast("where", a.shape(), b.shape()));
        double[] c = expanded(condition, shape);
        double[] x = expanded(a, shape);
        double[] y = expanded(b, shape);
        double[] data = new double[shape.numel()];
        for (int i = 0; i < data.length; i++) {
            data[i] = c[i] != 0 ? x[i] : y[i];
        }
        return Tensor.fromOp("where", Tensor.resultType(a, b), shape, data, (g, out) -> new Tensor[] {
            null,
            a.requiresGrad() ? where(condition, g, zeroOf(a)) : null,
            b.requiresGrad() ? where(condition, zeroOf(b), g) : null}, condition, a, b);
    }

    /**
     * A tensor over {@code data} (taken, not copied) that records nothing and never requires grad:
     * comparison results and other constants (the masks of backward rules are {@link Masks}).
     */
    static Tensor constant(DType dtype, Shape shape, double[] data) {
        return Tensor.fromOp("constant", dtype, shape, data, (g, out) -> new Tensor[0]);
    }

    /** Broadcasts {@code a} and {@code b}, applies {@code f} to each pair, and records {@code rule}. */
    static Tensor elementwise(String op, Tensor a, Tensor b, DoubleBinaryOperator f, BackwardRule rule) {
        Shape out = broadcast(op, a, b);
        if (a.dtype() == DType.FLOAT32 && b.dtype() == DType.FLOAT32) {
            float[] data = Strided.map(a.floatStorage(), a.shape().toArray(), b.floatStorage(), b.shape().toArray(),
                    out.toArray(), f);
            return Tensor.fromOp(op, out, data, rule, a, b);
        }
        return Tensor.fromOp(op, out, map(a, b, out, f), rule, a, b);
    }

    /** {@link #elementwise} without a gradient: a constant of the broadcast shape. */
    private static Tensor compare(String op, Tensor a, Tensor b, DoubleBinaryOperator f) {
        Shape out = broadcast(op, a, b);
        return constant(Tensor.resultType(a, b), out, map(a, b, out, f));
    }

    /** A zero (a scalar) that depends on {@code t}, for where's rule: where the other operand was taken, {@code t} gets a flat 0. */
    private static Tensor zeroOf(Tensor t) {
        return Masks.of(Shape.scalar(), new double[1], t);
    }

    /**
     * The share of {@code max(x, y)}'s gradient that goes to {@code x}, elementwise, as a
     * {@link Masks mask} of both: 1 where {@code x > y}, 1/2 on ties, else 0 (min swaps the operands).
     */
    private static Tensor share(Tensor x, Tensor y) {
        Shape out = broadcast("share", x, y);
        return Masks.of(out, map(x, y, out, (p, q) -> p > q ? 1 : p == q ? 0.5 : 0), x, y);
    }

    private static Shape broadcast(String op, Tensor a, Tensor b) {
        requireOperands(op, a, b);
        return Shape.broadcast(op, a.shape(), b.shape());
    }

    /** Checks that neither operand of {@code op} is null: the message names the op and which operand. */
    static void requireOperands(String op, Tensor a, Tensor b) {
        Objects.requireNonNull(a, op + ": first operand is null");
        Objects.requireNonNull(b, op + ": second operand is null");
    }

    private static double[] map(Tensor a, Tensor b, Shape out, DoubleBinaryOperator f) {
        return Strided.map(a.doubles(), a.shape().toArray(), b.doubles(), b.shape().toArray(), out.toArray(), f);
    }

    /** {@code t}'s elements repeated over {@code shape}, which it broadcasts to (its own array when equal). */
    private static double[] expanded(Tensor t, Shape shape) {
        return t.shape().equals(shape) ? t.doubles() : Strided.expand(t.doubles(), t.shape().toArray(), shape.toArray());
    }
}
