package io.github.autograd4j.ops;

import io.github.autograd4j.BackwardRule;
import io.github.autograd4j.DType;
import io.github.autograd4j.Shape;
import io.github.autograd4j.Tensor;

/**
 * A tensor's elements as they are stored, {@code double[]} or {@code float[]}, for the loops that
 * only move elements (copies, gathers, im2col) and so run on either type without widening it.
 */
final class TypedArrays {

    private TypedArrays() {
    }

    /** The storage of {@code t}: its {@code double[]} or {@code float[]}, not a copy. */
    static Object of(Tensor t) {
        return t.dtype() == DType.FLOAT32 ? t.floatStorage() : t.storage();
    }

    /** An op's result from {@code data}, a {@code double[]} or a {@code float[]}, in that type. */
    static Tensor result(String name, Shape shape, Object data, BackwardRule rule, Tensor... inputs) {
        return data instanceof float[] f ? Tensor.fromOp(name, shape, f, rule, inputs)
                : Tensor.fromOp(name, shape, (double[]) data, rule, inputs);
    }
}
