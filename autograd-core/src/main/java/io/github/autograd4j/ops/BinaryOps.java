package io.github.autograd4j.ops;

import io.github.autograd4j.BackwardRule;
import io.github.autograd4j.Shape;
import io.github.autograd4j.Tensor;
import io.github.autograd4j.kernel.Strided;
import java.util.function.DoubleBinaryOperator;

/**
 * Elementwise operations of two tensors with NumPy broadcasting: each forward and its backward
 * rule side by side. Rules return gradients of the broadcast shape; the engine sums them back
 * to each operand's shape.
 */
public final class BinaryOps {

    private BinaryOps() {
    }

    /** {@code a + b}. */
    public static Tensor add(Tensor a, Tensor b) {
        return elementwise("add", a, b, Double::sum, (g, out) -> new Tensor[] {g, g});
    }

    /** {@code a - b}. */
    public static Tensor sub(Tensor a, Tensor b) {
        return elementwise("sub", a, b, (x, y) -> x - y, (g, out) -> new Tensor[] {g, g.neg()});
    }

    /** {@code a * b}. */
    public static Tensor mul(Tensor a, Tensor b) {
        return elementwise("mul", a, b, (x, y) -> x * y, (g, out) -> new Tensor[] {g.mul(b), g.mul(a)});
    }

    /** {@code a / b}. */
    public static Tensor div(Tensor a, Tensor b) {
        return elementwise("div", a, b, (x, y) -> x / y,
                (g, out) -> new Tensor[] {g.div(b), g.mul(a).div(b.mul(b)).neg()});
    }

    /** {@code a ^ b}. */
    public static Tensor pow(Tensor a, Tensor b) {
        throw new UnsupportedOperationException("pow: not implemented yet");
    }

    /** The elementwise larger. */
    public static Tensor maximum(Tensor a, Tensor b) {
        throw new UnsupportedOperationException("maximum: not implemented yet");
    }

    /** The elementwise smaller. */
    public static Tensor minimum(Tensor a, Tensor b) {
        throw new UnsupportedOperationException("minimum: not implemented yet");
    }

    /** 1 where equal. */
    public static Tensor eq(Tensor a, Tensor b) {
        throw new UnsupportedOperationException("eq: not implemented yet");
    }

    /** 1 where not equal. */
    public static Tensor ne(Tensor a, Tensor b) {
        throw new UnsupportedOperationException("ne: not implemented yet");
    }

    /** 1 where a < b. */
    public static Tensor lt(Tensor a, Tensor b) {
        throw new UnsupportedOperationException("lt: not implemented yet");
    }

    /** 1 where a <= b. */
    public static Tensor le(Tensor a, Tensor b) {
        throw new UnsupportedOperationException("le: not implemented yet");
    }

    /** 1 where a > b. */
    public static Tensor gt(Tensor a, Tensor b) {
        throw new UnsupportedOperationException("gt: not implemented yet");
    }

    /** 1 where a >= b. */
    public static Tensor ge(Tensor a, Tensor b) {
        throw new UnsupportedOperationException("ge: not implemented yet");
    }

    /** a where condition != 0, else b. */
    public static Tensor where(Tensor condition, Tensor a, Tensor b) {
        throw new UnsupportedOperationException("where: not implemented yet");
    }

    /** Broadcasts {@code a} and {@code b}, applies {@code f} to each pair, and records {@code rule}. */
    static Tensor elementwise(String op, Tensor a, Tensor b, DoubleBinaryOperator f, BackwardRule rule) {
        Shape out = Shape.broadcast(op, a.shape(), b.shape());
        double[] data = Strided.map(a.storage(), a.shape().toArray(), b.storage(), b.shape().toArray(), out.toArray(), f);
        return Tensor.fromOp(op, out, data, rule, a, b);
    }
}
