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
            transpose(a, offA + i0 * lda + p0, lda, rows, kc, mr, out, at);
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
            transpose(a, offA + i0 * lda + p0, lda, rows, kc, mr, out, at);
        }
    }

    /**
     * Copies {@code rows} runs of {@code len} consecutive values, the first at {@code src[from]} and
     * each {@code ld} after the one before, into {@code out[at + p * width + r]}: value {@code p} of
     * run {@code r}. It is the transposing pack of an operand stored along the inner dimension,
     * {@code A} not transposed and {@code B} transposed.
     */
    static void transpose(double[] src, int from, int ld, int rows, int len, int width, double[] out, int at) {
        int r = 0;
        for (; r + 4 <= rows; r += 4) {
            transpose4(src, from + r * ld, ld, len, width, out, at + r);
        }
        for (; r < rows; r++) {
            int run = from + r * ld;
            for (int p = 0; p < len; p++) {
                out[at + p * width + r] = src[run + p];
            }
        }
    }

    /**
     * {@link #transpose(double[], int, int, int, int, int, double[], int)} of four runs, in blocks
     * of 4 x 4 values: read along the runs, written four to a row of the panel. Run by run, every
     * value went to its own cache line; for a 256 x 784 operand in panels of 8 this takes 86 instead
     * of 113 us (a plain copy of as many values from L3, 64 us).
     */
    private static void transpose4(double[] src, int from, int ld, int len, int width, double[] out, int at) {
        int r1 = from + ld;
        int r2 = r1 + ld;
        int r3 = r2 + ld;
        int p = 0;
        for (; p + 4 <= len; p += 4) {
            double a00 = src[from + p], a01 = src[from + p + 1], a02 = src[from + p + 2], a03 = src[from + p + 3];
            double a10 = src[r1 + p], a11 = src[r1 + p + 1], a12 = src[r1 + p + 2], a13 = src[r1 + p + 3];
            double a20 = src[r2 + p], a21 = src[r2 + p + 1], a22 = src[r2 + p + 2], a23 = src[r2 + p + 3];
            double a30 = src[r3 + p], a31 = src[r3 + p + 1], a32 = src[r3 + p + 2], a33 = src[r3 + p + 3];
            int o = at + p * width;
            out[o] = a00; out[o + 1] = a10; out[o + 2] = a20; out[o + 3] = a30;
            o += width;
            out[o] = a01; out[o + 1] = a11; out[o + 2] = a21; out[o + 3] = a31;
            o += width;
            out[o] = a02; out[o + 1] = a12; out[o + 2] = a22; out[o + 3] = a32;
            o += width;
            out[o] = a03; out[o + 1] = a13; out[o + 2] = a23; out[o + 3] = a33;
        }
        for (; p < len; p++) {
            int o = at + p * width;
            out[o] = src[from + p]; out[o + 1] = src[r1 + p]; out[o + 2] = src[r2 + p]; out[o + 3] = src[r3 + p];
        }
    }

    /** As {@link #transpose(double[], int, int, int, int, int, double[], int)}, for {@code float}. */
    static void transpose(float[] src, int from, int ld, int rows, int len, int width, float[] out, int at) {
        int r = 0;
        for (; r + 4 <= rows; r += 4) {
            transpose4(src, from + r * ld, ld, len, width, out, at + r);
        }
        for (; r < rows; r++) {
            int run = from + r * ld;
            for (int p = 0; p < len; p++) {
                out[at + p * width + r] = src[run + p];
            }
        }
    }

    /** As {@link #transpose4(double[], int, int, int, int, double[], int)}, for {@code float}. */
    private static void transpose4(float[] src, int from, int ld, int len, int width, float[] out, int at) {
        int r1 = from + ld;
        int r2 = r1 + ld;
        int r3 = r2 + ld;
        int p = 0;
        for (; p + 4 <= len; p += 4) {
            float a00 = src[from + p], a01 = src[from + p + 1], a02 = src[from + p + 2], a03 = src[from + p + 3];
            float a10 = src[r1 + p], a11 = src[r1 + p + 1], a12 = src[r1 + p + 2], a13 = src[r1 + p + 3];
            float a20 = src[r2 + p], a21 = src[r2 + p + 1], a22 = src[r2 + p + 2], a23 = src[r2 + p + 3];
            float a30 = src[r3 + p], a31 = src[r3 + p + 1], a32 = src[r3 + p + 2], a33 = src[r3 + p + 3];
            int o = at + p * width;
            out[o] = a00; out[o + 1] = a10; out[o + 2] = a20; out[o + 3] = a30;
            o += width;
            out[o] = a01; out[o + 1] = a11; out[o + 2] = a21; out[o + 3] = a31;
            o += width;
            out[o] = a02; out[o + 1] = a12; out[o + 2] = a22; out[o + 3] = a32;
            o += width;
            out[o] = a03; out[o + 1] = a13; out[o + 2] = a23; out[o + 3] = a33;
        }
        for (; p < len; p++) {
            int o = at + p * width;
            out[o] = src[from + p]; out[o + 1] = src[r1 + p]; out[o + 2] = src[r2 + p]; out[o + 3] = src[r3 + p];
        }
    }
}
