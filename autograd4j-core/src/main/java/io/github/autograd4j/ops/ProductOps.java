package io.github.autograd4j.ops;

import static io.github.autograd4j.ops.Batches.append;
import static io.github.autograd4j.ops.Batches.batchBroadcast;
import static io.github.autograd4j.ops.Batches.batchIndex;
import static io.github.autograd4j.ops.Batches.batchOf;
import static io.github.autograd4j.ops.Batches.resultShape;

import io.github.autograd4j.BackwardRule;
import io.github.autograd4j.DType;
import io.github.autograd4j.Shape;
import io.github.autograd4j.Tensor;
import io.github.autograd4j.kernel.Gemm;
import java.util.List;

/**
 * Matrix products, each forward beside its backward rule, on the {@link Gemm} kernel. Every
 * product takes a single matrix or a batch of them: a tensor of shape {@code (..., rows, cols)}
 * whose leading dims are batch dims, broadcast between operands as NumPy does. Backward rules
 * return gradients of the broadcast batch shape; the engine sums them back to each operand's shape.
 */
public final class ProductOps {

    private ProductOps() {
    }

    /**
     * The matrix product with PyTorch's rules: 1-d by 1-d is the dot product (a scalar); 2-d by
     * 2-d is {@code (m, k) x (k, n) -> (m, n)}; a 1-d first operand is treated as a row
     * {@code (1, k)} and a 1-d second operand as a column {@code (k, 1)}, the added dim being
     * removed from the result; operands of more dims are batches of matrices whose batch dims
     * broadcast, e.g. {@code (2, 1, 3, 4) x (5, 4, 2) -> (2, 5, 3, 2)}.
     *
     * <p>Backward: {@code dA = g B^T}, {@code dB = A^T g}, with the transposes passed to the
     * kernel as flags rather than copied.
     *
     * @throws IllegalArgumentException when an operand is a scalar, the inner dims differ, or the
     *                                  batch dims do not broadcast
     */
    public static Tensor matmul(Tensor a, Tensor b) {
        BinaryOps.requireOperands("matmul", a, b);
        if (a.dim() == 0 || b.dim() == 0) {
            throw new IllegalArgumentException("matmul: both operands need at least 1 dim, got shapes "
                    + a.shape() + " and " + b.shape());
        }
        int k = a.size(-1);
        int kb = b.dim() == 1 ? b.size(0) : b.size(-2);
        if (k != kb) {
            throw new IllegalArgumentException("matmul: cannot multiply " + a.shape() + " by " + b.shape()
                    + ": inner dimensions " + k + " and " + kb + " differ");
        }
        if (a.dim() == 1 && b.dim() == 1) {
            return dot(a, b);
        }
        Shape batch = batchBroadcast("matmul", a, b);
        if (a.dim() > 1 && b.dim() > 1) {
            return product(a, false, b, false);
        }
        Tensor c = product(a.dim() == 1 ? a.reshape(1, k) : a, false, b.dim() == 1 ? b.reshape(k, 1) : b, false);
        return c.reshape(a.dim() == 1 ? append(batch, b.size(-1)) : append(batch, a.size(-2)));
    }

    /**
     * {@code matmul(a, b.mT())} without copying the transpose: the kernel reads {@code b}
     * transposed in place, forward and backward. This is {@code F.linear}'s {@code x W^T}, for
     * {@code a} of shape {@code (..., k)} or {@code (k,)} and {@code b} of shape {@code (..., n, k)}
     * (batch dims broadcast as in {@link #matmul}); a 1-d {@code a} gives shape {@code (..., n)}.
     * Backward: {@code da = g b}, {@code db = g^T a}, again with the transposes passed as flags.
     *
     * @throws IllegalArgumentException when {@code a} is a scalar, {@code b} has fewer than 2 dims,
     *                                  their last dims differ, or the batch dims do not broadcast
     */
    public static Tensor matmulTransposed(Tensor a, Tensor b) {
        BinaryOps.requireOperands("matmulTransposed", a, b);
        if (a.dim() == 0 || b.dim() < 2) {
            throw new IllegalArgumentException("matmulTransposed: needs operands of at least 1 and 2 dims, got shapes "
                    + a.shape() + " and " + b.shape());
        }
        int k = a.size(-1);
        if (k != b.size(-1)) {
            throw new IllegalArgumentException("matmulTransposed: cannot multiply " + a.shape() + " by the transpose of "
                    + b.shape() + ": last dimensions " + k + " and " + b.size(-1) + " differ");
        }
        if (a.dim() > 1) {
            return product(a, false, b, true);
        }
        Shape batch = batchBroadcast("matmulTransposed", a.reshape(1, k), b);
        return product(a.reshape(1, k), false, b, true).reshape(append(batch, b.size(-2)));
    }

    /**
     * The dot product {@code sum_i a_i b_i} of two 1-d tensors of equal length, a scalar.
     * Backward: {@code da = g b}, {@code db = g a}.
     *
     * @throws IllegalArgumentException when an operand is not 1-d or the lengths differ
     */
    public static Tensor dot(Tensor a, Tensor b) {
        requireVectors("dot", a, b);
        if (a.size(0) != b.size(0)) {
            throw new IllegalArgumentException("dot: cannot multiply " + a.shape() + " by " + b.shape()
                    + ": lengths " + a.size(0) + " and " + b.size(0) + " differ");
        }
        double[] x = a.doubles();
        double[] y = b.doubles();
        double s = 0.0;
        for (int i = 0; i < x.length; i++) {
            s += x[i] * y[i];
        }
        return Tensor.fromOp("dot", Shape.scalar(), new double[] {s},
                (g, out) -> new Tensor[] {g.mul(b), g.mul(a)}, a, b);
    }

    /**
     * The outer product {@code out[i][j] = a_i b_j} of two 1-d tensors, shape {@code (m, n)}.
     * Backward: {@code da = g b}, {@code db = a g} (matrix-vector products).
     *
     * @throws IllegalArgumentException when an operand is not 1-d
     */
    public static Tensor outer(Tensor a, Tensor b) {
        requireVectors("outer", a, b);
        double[] x = a.doubles();
        double[] y = b.doubles();
        int n = y.length;
        Shape shape = Shape.ofResult("outer", List.of(a.shape(), b.shape()), x.length, n);
        double[] data = new double[shape.numel()];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < n; j++) {
                data[i * n + j] = x[i] * y[j];
            }
        }
        return Tensor.fromOp("outer", shape, data,
                (g, out) -> new Tensor[] {matmul(g, b), matmul(a, g)}, a, b);
    }

    /**
     * {@code op(A) op(B)} for operands of 2 or more dims (batch dims broadcast), where {@code op}
     * transposes the last two dims when its flag is set; shapes are assumed checked. The
     * transposes are kernel flags, so the backward rule, written with this same operation, makes
     * no transposed copies and is itself differentiable.
     */
    static Tensor product(Tensor a, boolean ta, Tensor b, boolean tb) {
        DType type = Tensor.resultType(a, b);
        if (a.dtype() != type || b.dtype() != type) {
            return product(a.to(type), ta, b.to(type), tb);
        }
        Shape batch = batchBroadcast("matmul", a, b);
        int m = ta ? a.size(-1) : a.size(-2);
        int k = ta ? a.size(-2) : a.size(-1);
        int n = tb ? b.size(-2) : b.size(-1);
        Shape shape = resultShape("matmul", batch, a, b, m, n);
        int[] ia = batchIndex(batchOf(a), batch);
        int[] ib = batchIndex(batchOf(b), batch);
        int sizeA = a.size(-2) * a.size(-1);
        int sizeB = b.size(-2) * b.size(-1);
        Gemm gemm = Gemm.get();
        BackwardRule rule = (g, out) -> new Tensor[] {
            !a.requiresGrad() ? null : ta ? product(b, tb, g, true) : product(g, false, b, !tb),
            !b.requiresGrad() ? null : tb ? product(g, true, a, ta) : product(a, !ta, g, false)};
        if (type == DType.FLOAT32) {
            float[] c = new float[shape.numel()];
            float[] x = a.floatStorage();
            float[] y = b.floatStorage();
            for (int t = 0; t < ia.length; t++) {
                gemm.gemm(ta, tb, m, n, k, 1f, x, ia[t] * sizeA, a.size(-1), y, ib[t] * sizeB, b.size(-1), 0f, c, t * m * n, n);
            }
            return Tensor.fromOp("matmul", shape, c, rule, a, b);
        }
        double[] c = new double[shape.numel()];
        double[] x = a.storage();
        double[] y = b.storage();
        for (int t = 0; t < ia.length; t++) {
            gemm.gemm(ta, tb, m, n, k, 1.0, x, ia[t] * sizeA, a.size(-1), y, ib[t] * sizeB, b.size(-1), 0.0, c, t * m * n, n);
        }
        return Tensor.fromOp("matmul", shape, c, rule, a, b);
    }

    // ------------------------------------------------------------------ helpers

    private static void requireVectors(String op, Tensor a, Tensor b) {
        BinaryOps.requireOperands(op, a, b);
        if (a.dim() != 1 || b.dim() != 1) {
            throw new IllegalArgumentException(op + ": expected two 1-d tensors, got shapes " + a.shape() + " and " + b.shape());
        }
    }
}
