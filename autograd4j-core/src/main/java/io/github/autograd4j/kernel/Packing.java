package io.github.autograd4j.kernel;

import java.util.Arrays;

/**
 * Copies shared by the GEMM kernels: scaling {@code C} by {@code beta}, and packing a panel of
 * {@code op(A)} so that a kernel reads it with unit stride whatever {@code A}'s transpose flag
 * and leading dimension. Panels are zero-padded to the kernel's full tile, so a kernel never
 * branches on edges; the padded results are computed and then dropped.
 */
final class Packing {

    private Packing() {
    }

    /** {@code C *= beta}; {@code C = 0} when {@code beta == 0}, without reading {@code C}. */
    static void scale(int m, int n, double beta, double[] c, int offC, int ldc) {
        if (beta == 1.0) {
            return;
        }
        for (int i = 0; i < m; i++) {
            int ci = offC + i * ldc;
            if (beta == 0.0) {
                Arrays.fill(c, ci, ci + n, 0.0);
            } else {
                for (int j = 0; j < n; j++) {
                    c[ci + j] *= beta;
                }
            }
        }
    }

    /** {@code C *= beta} in {@code float}, as {@link #scale(int, int, double, double[], int, int)}. */
    static void scale(int m, int n, float beta, float[] c, int offC, int ldc) {
        if (beta == 1.0f) {
            return;
        }
        for (int i = 0; i < m; i++) {
            int ci = offC + i * ldc;
            if (beta == 0.0f) {
                Arrays.fill(c, ci, ci + n, 0.0f);
            } else {
                for (int j = 0; j < n; j++) {
                    c[ci + j] *= beta;
                }
            }
        }
    }

    /**
     * Packs rows {@code i0 .. i0 + rows - 1} and columns {@code p0 .. p0 + kc - 1} of {@code op(A)}
     * into {@code out[at + p * mr + i]}: for each column, {@code mr} consecutive values, the rows past
     * {@code rows} set to zero.
     */
    static void packA(boolean transA, double[] a, int offA, int lda, int i0, int rows, int mr, int p0, int kc,
                      double[] out, int at) {
        if (rows < mr) {
            Arrays.fill(out, at, at + kc * mr, 0.0);
        }
        if (transA) {
            // op(A)(i, p) = a[p * lda + i]: the panel's rows of each column are side by side
            for (int p = 0; p < kc; p++) {
                int src = offA + (p0 + p) * lda + i0;
                for (int i = 0; i < rows; i++) {
                    out[at + p * mr + i] = a[src + i];
                }
            }
        } else {
            for (int i = 0; i < rows; i++) {
                int src = offA + (i0 + i) * lda + p0;
                for (int p = 0; p < kc; p++) {
                    out[at + p * mr + i] = a[src + p];
                }
            }
        }
    }

    /** As {@link #packA(boolean, double[], int, int, int, int, int, int, int, double[], int)}, for {@code float}. */
    static void packA(boolean transA, float[] a, int offA, int lda, int i0, int rows, int mr, int p0, int kc,
                      float[] out, int at) {
        if (rows < mr) {
            Arrays.fill(out, at, at + kc * mr, 0.0f);
        }
        if (transA) {
            // op(A)(i, p) = a[p * lda + i]: the panel's rows of each column are side by side
            for (int p = 0; p < kc; p++) {
                int src = offA + (p0 + p) * lda + i0;
                for (int i = 0; i < rows; i++) {
                    out[at + p * mr + i] = a[src + i];
                }
            }
        } else {
            for (int i = 0; i < rows; i++) {
                int src = offA + (i0 + i) * lda + p0;
                for (int p = 0; p < kc; p++) {
                    out[at + p * mr + i] = a[src + p];
                }
            }
        }
    }
}
