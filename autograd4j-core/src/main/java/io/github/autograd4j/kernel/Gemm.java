package io.github.autograd4j.kernel;

/**
 * General matrix multiply over row-major {@code double[]} or {@code float[]} storage, as BLAS's
 * {@code dgemm} and {@code sgemm}:
 * {@code C = alpha * op(A) * op(B) + beta * C}, where {@code op(X)} is {@code X} or its transpose.
 * Transpose flags let callers multiply by a transpose without copying it.
 *
 * <p>Shapes: {@code op(A)} is {@code m x k}, {@code op(B)} is {@code k x n}, {@code C} is
 * {@code m x n}. Element {@code (r, c)} of a stored matrix {@code X} is
 * {@code x[offX + r * ldX + c]}; so {@code A} is stored {@code m x k} (or {@code k x m} when
 * transposed) with row stride {@code lda}, and likewise {@code B}. When {@code beta == 0},
 * {@code C} is overwritten without being read (NaN in {@code C} does not survive), as in BLAS.
 * {@code C} must not overlap {@code A} or {@code B}. The {@code float} product accumulates in
 * {@code float}, as {@code sgemm} does.
 *
 * <p>The implementation in use is chosen once at start-up: see {@link #get()}.
 */
public interface Gemm {

    /**
     * {@code C = alpha * op(A) * op(B) + beta * C}.
     *
     * @param transA use {@code A^T} ({@code A} stored {@code k x m})
     * @param transB use {@code B^T} ({@code B} stored {@code n x k})
     * @param m      rows of {@code op(A)} and {@code C}
     * @param n      columns of {@code op(B)} and {@code C}
     * @param k      columns of {@code op(A)}, rows of {@code op(B)}
     */
    void gemm(boolean transA, boolean transB, int m, int n, int k,
              double alpha, double[] a, int offA, int lda,
              double[] b, int offB, int ldb,
              double beta, double[] c, int offC, int ldc);

    /**
     * {@code C = alpha * op(A) * op(B) + beta * C} in {@code float}, with the contract of the
     * {@code double} overload.
     *
     * @param transA use {@code A^T} ({@code A} stored {@code k x m})
     * @param transB use {@code B^T} ({@code B} stored {@code n x k})
     * @param m      rows of {@code op(A)} and {@code C}
     * @param n      columns of {@code op(B)} and {@code C}
     * @param k      columns of {@code op(A)}, rows of {@code op(B)}
     */
    void gemm(boolean transA, boolean transB, int m, int n, int k,
              float alpha, float[] a, int offA, int lda,
              float[] b, int offB, int ldb,
              float beta, float[] c, int offC, int ldc);

    /** A short name for logs and the {@code autograd4j.gemm} system property, e.g. {@code "java"}. */
    String name();

    /** The implementation selected at start-up (see {@link Kernels}). */
    static Gemm get() {
        return Kernels.gemm();
    }
}
