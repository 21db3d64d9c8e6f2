package io.github.autograd4j.kernel;

/**
 * The pure-Java {@link Gemm}, always available. Loops run row by row of {@code C} in i-k-j
 * order, so the innermost loop walks a row of {@code C} and a row of {@code op(B)} with unit
 * stride and C2 turns it into SIMD code; four rows of {@code op(B)} are folded into each pass
 * over a row of {@code C}. Blocks of {@link #KC} rows by {@link #NC} columns of {@code op(B)}
 * stay in cache while every row of {@code C} uses them. A transposed {@code B} is first copied
 * (one block at a time) into row-major order; a transposed {@code A} needs no copy, as its
 * elements are read one at a time.
 */
public final class JavaGemm implements Gemm {

    /** Rows of {@code op(B)} per cache block. */
    static final int KC = 128;
    /** Columns of {@code op(B)} per cache block. */
    static final int NC = 512;

    @Override
    public String name() {
        return "java";
    }

    @Override
    public void gemm(boolean transA, boolean transB, int m, int n, int k,
                     double alpha, double[] a, int offA, int lda,
                     double[] b, int offB, int ldb,
                     double beta, double[] c, int offC, int ldc) {
        scale(m, n, beta, c, offC, ldc);
        if (m == 0 || n == 0 || k == 0 || alpha == 0.0) {
            return;
        }
        // op(A)(i, p) = a[offA + i * ais + p * aps]
        int ais = transA ? 1 : lda;
        int aps = transA ? lda : 1;
        double[] packed = transB ? new double[Math.min(KC, k) * Math.min(NC, n)] : null;
        for (int j0 = 0; j0 < n; j0 += NC) {
            int nc = Math.min(NC, n - j0);
            for (int p0 = 0; p0 < k; p0 += KC) {
                int kc = Math.min(KC, k - p0);
                double[] bb = b;
                int bOff = offB + p0 * ldb + j0;
                int bLd = ldb;
                if (transB) {
                    packTransposed(b, offB + j0 * ldb + p0, ldb, kc, nc, packed);
                    bb = packed;
                    bOff = 0;
                    bLd = nc;
                }
                block(m, nc, kc, alpha, a, offA + p0 * aps, ais, aps, bb, bOff, bLd, c, offC + j0, ldc);
            }
        }
    }

    /** {@code C[:, 0:nc] += alpha * op(A)[:, 0:kc] * B[0:kc, 0:nc]} for a row-major block of {@code B}. */
    private static void block(int m, int nc, int kc, double alpha, double[] a, int offA, int ais, int aps,
                              double[] b, int offB, int ldb, double[] c, int offC, int ldc) {
        for (int i = 0; i < m; i++) {
            int ai = offA + i * ais;
            int ci = offC + i * ldc;
            int p = 0;
            for (; p + 3 < kc; p += 4) {
                double a0 = alpha * a[ai + p * aps];
                double a1 = alpha * a[ai + (p + 1) * aps];
                double a2 = alpha * a[ai + (p + 2) * aps];
                double a3 = alpha * a[ai + (p + 3) * aps];
                int b0 = offB + p * ldb;
                int b1 = b0 + ldb;
                int b2 = b1 + ldb;
                int b3 = b2 + ldb;
                for (int j = 0; j < nc; j++) {
                    c[ci + j] += a0 * b[b0 + j] + a1 * b[b1 + j] + a2 * b[b2 + j] + a3 * b[b3 + j];
                }
            }
            for (; p < kc; p++) {
                double a0 = alpha * a[ai + p * aps];
                int b0 = offB + p * ldb;
                for (int j = 0; j < nc; j++) {
                    c[ci + j] += a0 * b[b0 + j];
                }
            }
        }
    }

    /** Copies the {@code nc x kc} block of {@code B} at {@code off} into {@code out} as its {@code kc x nc} transpose. */
    private static void packTransposed(double[] b, int off, int ldb, int kc, int nc, double[] out) {
        for (int j = 0; j < nc; j++) {
            int bj = off + j * ldb;
            for (int p = 0; p < kc; p++) {
                out[p * nc + j] = b[bj + p];
            }
        }
    }

    /** {@code C *= beta}; {@code C = 0} when {@code beta == 0}, without reading {@code C}. */
    private static void scale(int m, int n, double beta, double[] c, int offC, int ldc) {
        if (beta == 1.0) {
            return;
        }
        for (int i = 0; i < m; i++) {
            int ci = offC + i * ldc;
            if (beta == 0.0) {
                java.util.Arrays.fill(c, ci, ci + n, 0.0);
            } else {
                for (int j = 0; j < n; j++) {
                    c[ci + j] *= beta;
                }
            }
        }
    }
}
