package io.github.autograd4j;

/**
 * The type of a tensor's elements, as PyTorch's {@code torch.float64} and {@code torch.float32}:
 * {@code FLOAT64} by default (gradient checks need it), {@code FLOAT32} for models that train in
 * half the memory and twice the SIMD width.
 *
 * <p>Mixed operands follow PyTorch's promotion: two tensors of the same kind of dimensionality
 * (both with dims, or both 0-d) give the wider type; a 0-d tensor with a tensor that has dims
 * takes the latter's type, so {@code x.mul(2.0)} and {@code x.mul(Tensor.scalar(2))} keep a
 * float32 {@code x} float32. A gradient has its tensor's type.
 */
public enum DType {
    /** IEEE 754 double precision, 8 bytes an element: PyTorch's {@code torch.float64}. */
    FLOAT64(8),
    /** IEEE 754 single precision, 4 bytes an element: PyTorch's {@code torch.float32}. */
    FLOAT32(4);

    private final int byteSize;

    DType(int byteSize) {
        this.byteSize = byteSize;
    }

    /**
     * The bytes one element takes.
     *
     * @return 8 or 4
     */
    public int byteSize() {
        return byteSize;
    }

    /**
     * The type of the result of an operation on two operands, by PyTorch's rule.
     *
     * @param a      the first operand's type
     * @param aIsDim whether the first operand has dims (is not 0-d)
     * @param b      the second operand's type
     * @param bIsDim whether the second operand has dims
     * @return the wider of the two, unless exactly one operand is 0-d: then the other's
     */
    public static DType promote(DType a, boolean aIsDim, DType b, boolean bIsDim) {
        if (aIsDim != bIsDim) {
            return aIsDim ? a : b;
        }
        return a == FLOAT64 || b == FLOAT64 ? FLOAT64 : FLOAT32;
    }
}
