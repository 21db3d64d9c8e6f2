package io.github.autograd4j.kernel;

import static io.github.autograd4j.kernel.JavaGemm.KC;
import static io.github.autograd4j.kernel.JavaGemm.KU;
import static io.github.autograd4j.kernel.JavaGemm.MR;
import static io.github.autograd4j.kernel.JavaGemm.NC;

import java.util.Arrays;

/**
 * {@link JavaGemm}'s product in {@code float}: the same blocks, packing and 3 x 3 kernel that C2
 * auto-vectorises (see {@link JavaGemm} for the conditions), accumulating in {@code float} as
 * {@code sgemm} does. One instance per thread, with its buffers.
 */
final class JavaFloatProduct {

    private final float[][] packed = new float[KC][NC];
    private final float[] panel = new float[KC * MR];
    private final float[][] acc = new float[MR][NC];

    /** {@code C += alpha op(A) op(B)} for checked arguments. */
    void multiply(boolean transA, boolean transB, int m, int n, int k,
                  float alpha, float[] a, int offA, int lda, float[] b, int offB, int ldb,
                  float[] c, int offC, int ldc) {
        for (int j0 = 0; j0 < n; j0 += NC) {
            int nc = Math.min(NC, n - j0);
            for (int p0 = 0; p0 < k; p0 += KC) {
                int kc = Math.min(KC, k - p0);
                int kp = (kc + KU - 1) / KU * KU;
                packB(transB, b, offB, ldb, p0, kc, kp, j0, nc);
                panels(transA, a, offA, lda, m, p0, kc, kp, nc, alpha, c, offC + j0, ldc);
            }
        }
    }

    /** {@code C[:, 0:nc] += alpha op(A)[:, p0:p0+kc] B} for the packed block {@code B}, {@code MR} rows at a time. */
    private void panels(boolean transA, float[] a, int offA, int lda, int m, int p0, int kc, int kp, int nc, float alpha, float[] c, int offC, int ldc) {
        for (int i0 = 0; i0 < m; i0 += MR) {
            int rows = Math.min(MR, m - i0);
            Packing.packA(transA, a, offA, lda, i0, rows, MR, p0, kc, panel, 0);
            Arrays.fill(panel, kc * MR, kp * MR, 0.0f);
            int c0 = offC + i0 * ldc;
            int c1 = rows > 1 ? c0 + ldc : -1;
            int c2 = rows > 2 ? c1 + ldc : -1;
            kernel(acc[0], acc[1], acc[2], packed, panel, kp, nc, alpha, c, c0, c1, c2);
        }
    }

    /**
     * {@code C[i] += alpha sum_p a[p * MR + i] * b[p]} over the rows {@code b[p]} of the packed
     * block, for the {@code MR} rows of {@code C} that start at {@code c0, c1, c2} (-1: a padding
     * row, not written), using {@code r0, r1, r2} as accumulators; {@code kp} is a multiple of
     * {@code KU}. The accumulators are zero on entry and are left zero.
     */
    private static void kernel(float[] r0, float[] r1, float[] r2, float[][] b, float[] a, int kp, int nc,
                               float alpha, float[] c, int c0, int c1, int c2) {
        // "p + 2 < kp", not "p < kp", and no loop before this one: see JavaGemm
        for (int p = 0, at = 0; p + 2 < kp; p += KU, at += KU * MR) {
            float[] x0 = b[p];
            float[] x1 = b[p + 1];
            float[] x2 = b[p + 2];
            float a00 = a[at];
            float a10 = a[at + 1];
            float a20 = a[at + 2];
            float a01 = a[at + 3];
            float a11 = a[at + 4];
            float a21 = a[at + 5];
            float a02 = a[at + 6];
            float a12 = a[at + 7];
            float a22 = a[at + 8];
            for (int j = 0; j < nc; j++) {
                float b0 = x0[j];
                float b1 = x1[j];
                float b2 = x2[j];
                r0[j] = Math.fma(a02, b2, Math.fma(a01, b1, Math.fma(a00, b0, r0[j])));
                r1[j] = Math.fma(a12, b2, Math.fma(a11, b1, Math.fma(a10, b0, r1[j])));
                r2[j] = Math.fma(a22, b2, Math.fma(a21, b1, Math.fma(a20, b0, r2[j])));
            }
        }
        drain(alpha, r0, c, c0, nc);
        drain(alpha, r1, c, c1, nc);
        drain(alpha, r2, c, c2, nc);
    }

    /** {@code c[at + j] += alpha * acc[j]} (unless {@code at} is -1) and {@code acc[j] = 0}, for {@code j < n}. */
    private static void drain(float alpha, float[] acc, float[] c, int at, int n) {
        if (at < 0) {
            Arrays.fill(acc, 0, n, 0.0f);
            return;
        }
        for (int j = 0; j < n; j++) {
            c[at + j] = Math.fma(alpha, acc[j], c[at + j]);
            acc[j] = 0.0f;
        }
    }

    /**
     * Rows {@code p0 .. p0 + kc - 1}, columns {@code j0 .. j0 + nc - 1} of {@code op(B)} into
     * {@code packed[p][j]}, and zeros into rows {@code kc .. kp - 1}.
     */
    private void packB(boolean transB, float[] src, int offB, int ldb, int p0, int kc, int kp, int j0, int nc) {
        if (transB) {
            for (int j = 0; j < nc; j++) {
                int from = offB + (j0 + j) * ldb + p0;
                for (int p = 0; p < kc; p++) {
                    packed[p][j] = src[from + p];
                }
            }
        } else {
            for (int p = 0; p < kc; p++) {
                System.arraycopy(src, offB + (p0 + p) * ldb + j0, packed[p], 0, nc);
            }
        }
        for (int p = kc; p < kp; p++) {
            Arrays.fill(packed[p], 0, nc, 0.0f);
        }
    }
}
