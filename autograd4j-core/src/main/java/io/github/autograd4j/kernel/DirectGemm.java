package io.github.autograd4j.kernel;

/**
 * {@link Gemm} by plain loops over the operands in place, with no packing: for products too
 * small or too thin for packing to pay off (see {@link #suits}), which the packed kernels hand
 * over to it. Without {@code transB} it runs row by row of {@code C} in i-k-j order, so the
 * innermost loop walks a row of {@code C} and a row of {@code B} with unit stride; with
 * {@code transB} each element of {@code C} is a dot product of two rows read with unit stride.
 */
final class DirectGemm implements Gemm {

    /** Products of at most this many multiply-adds ({@code m n k}) are not worth packing. */
    static final long MAX_WORK = 4096;

    @Override
    public String name() {
        return "direct";
    }

    @Override
    public String toString() {
        return name();
    }

    /** Whether a product of this shape runs faster here than through a packed kernel. */
    static boolean suits(int m, int n, int k) {
        return m < 3 || n < 4 || k < 3 || (long) m * n * k <= MAX_WORK;
    }

    @Override
    public void gemm(boolean transA, boolean transB, int m, int n, int k,
                     double alpha, double[] a, int offA, int lda,
                     double[] b, int offB, int ldb,
                     double beta, double[] c, int offC, int ldc) {
        GemmArguments.check(transA, transB, m, n, k, a, offA, lda, b, offB, ldb, c, offC, ldc);
        Packing.scale(m, n, beta, c, offC, ldc);
        if (m == 0 || n == 0 || k == 0 || alpha == 0.0) {
            return;
        }
        // op(A)(i, p) = a[offA + i * ais + p * aps]
        int ais = transA ? 1 : lda;
        int aps = transA ? lda : 1;
        for (int i = 0; i < m; i++) {
            int ai = offA + i * ais;
            int ci = offC + i * ldc;
            if (transB) {
                for (int j = 0; j < n; j++) {
                    int bj = offB + j * ldb;
                    double s = 0.0;
                    for (int p = 0; p < k; p++) {
                        s += a[ai + p * aps] * b[bj + p];
                    }
                    c[ci + j] += alpha * s;
                }
            } else {
                for (int p = 0; p < k; p++) {
                    double ap = alpha * a[ai + p * aps];
                    int bp = offB + p * ldb;
                    for (int j = 0; j < n; j++) {
                        c[ci + j] += ap * b[bp + j];
                    }
                }
            }
        }
    }

    /** The {@code float} product by the same loops as the {@code double} one, accumulating in {@code float}. */
    @Override
    public void gemm(boolean transA, boolean transB, int m, int n, int k,
                     float alpha, float[] a, int offA, int lda,
                     float[] b, int offB, int ldb,
                     float beta, float[] c, int offC, int ldc) {
        GemmArguments.check(transA, transB, m, n, k, a, offA, lda, b, offB, ldb, c, offC, ldc);
        Packing.scale(m, n, beta, c, offC, ldc);
        if (m == 0 || n == 0 || k == 0 || alpha == 0.0f) {
            return;
        }
        int ais = transA ? 1 : lda;
        int aps = transA ? lda : 1;
        for (int i = 0; i < m; i++) {
            int ai = offA + i * ais;
            int ci = offC + i * ldc;
            if (transB) {
                for (int j = 0; j < n; j++) {
                    int bj = offB + j * ldb;
                    float s = 0.0f;
                    for (int p = 0; p < k; p++) {
                        s += a[ai + p * aps] * b[bj + p];
                    }
                    c[ci + j] += alpha * s;
                }
            } else {
                for (int p = 0; p < k; p++) {
                    float ap = alpha * a[ai + p * aps];
                    int bp = offB + p * ldb;
                    for (int j = 0; j < n; j++) {
                        c[ci + j] += ap * b[bp + j];
                    }
                }
            }
        }
    }
}
