package io.github.autograd4j.kernel;

import java.util.Arrays;

/**
 * The pure-Java {@link Gemm}, always available; GotoBLAS's structure, shaped for what C2's
 * auto-vectoriser handles. For each block of {@link #KC} rows by {@link #NC} columns of
 * {@code op(B)}, the block is packed into one array per row; then, {@link #MR} rows of {@code C}
 * at a time, the matching panel of {@code op(A)} is packed and the kernel accumulates the panel's
 * product into {@code MR} accumulator rows, {@link #KU} rows of the block per pass:
 * {@code acc_i[j] += sum_u a(i, p + u) * b_{p + u}[j]}. The inner loop reads three rows of the
 * block and reads and writes three accumulator rows, all with unit stride, and C2 compiles it to
 * SIMD fused multiply-adds. Transposed operands are read in place while packing, never copied
 * whole. {@link PackedGemm} hands products too small for packing to {@link DirectGemm}; the
 * {@code float} product is {@link JavaFloatProduct}, the same in {@code float}.
 *
 * <p>C2 in JDK 17 vectorises that loop only under conditions found by measurement (outside them
 * it runs scalar, about 2.5 times slower): every row an array of its own (rows at different
 * offsets of one array are not vectorised), no more than about six rows in the loop (hence
 * 3 x 3), the outer loop written {@code p + 2 < kp}, and no other loop before it in the same
 * method (hence the accumulators are cleared as they are drained into {@code C}, not before use).
 */
final class JavaGemm extends PackedGemm<JavaGemm.Workspace> {

    /** Rows of {@code C} per kernel pass. */
    static final int MR = 3;
    /** Rows of {@code op(B)} per step of the kernel's loop. */
    static final int KU = 3;
    /** Rows of {@code op(B)} per packed block (a multiple of {@link #KU}). */
    static final int KC = 240;
    /** Columns of {@code op(B)} per packed block. */
    static final int NC = 256;

    JavaGemm() {
        super(Workspace::new);
    }

    @Override
    public String name() {
        return "java";
    }

    /** No: the kernel adds its accumulators into {@code C}, which is zeroed first. */
    @Override
    boolean overwritesC() {
        return false;
    }

    @Override
    void multiply(Workspace w, boolean transA, boolean transB, int m, int n, int k,
                  float alpha, float[] a, int offA, int lda, float[] b, int offB, int ldb,
                  float[] c, int offC, int ldc, boolean overwrite) {
        w.floats().multiply(transA, transB, m, n, k, alpha, a, offA, lda, b, offB, ldb, c, offC, ldc);
    }

    @Override
    void multiply(Workspace w, boolean transA, boolean transB, int m, int n, int k,
                  double alpha, double[] a, int offA, int lda, double[] b, int offB, int ldb,
                  double[] c, int offC, int ldc, boolean overwrite) {
        for (int j0 = 0; j0 < n; j0 += NC) {
            int nc = Math.min(NC, n - j0);
            for (int p0 = 0; p0 < k; p0 += KC) {
                int kc = Math.min(KC, k - p0);
                int kp = (kc + KU - 1) / KU * KU;
                w.packB(transB, b, offB, ldb, p0, kc, kp, j0, nc);
                panels(w, transA, a, offA, lda, m, p0, kc, kp, nc, alpha, c, offC + j0, ldc);
            }
        }
    }

    /** {@code C[:, 0:nc] += alpha op(A)[:, p0:p0+kc] B} for the packed block {@code B}, {@link #MR} rows at a time. */
    private static void panels(Workspace w, boolean transA, double[] a, int offA, int lda, int m, int p0, int kc,
                               int kp, int nc, double alpha, double[] c, int offC, int ldc) {
        for (int i0 = 0; i0 < m; i0 += MR) {
            int rows = Math.min(MR, m - i0);
            Packing.packA(transA, a, offA, lda, i0, rows, MR, p0, kc, w.a, 0);
            Arrays.fill(w.a, kc * MR, kp * MR, 0.0);
            int c0 = offC + i0 * ldc;
            int c1 = rows > 1 ? c0 + ldc : -1;
            int c2 = rows > 2 ? c1 + ldc : -1;
            kernel(w.acc[0], w.acc[1], w.acc[2], w.b, w.a, kp, nc, alpha, c, c0, c1, c2);
        }
    }

    /**
     * {@code C[i] += alpha sum_p a[p * MR + i] * b[p]} over the rows {@code b[p]} of the packed
     * block, for the {@code MR} rows of {@code C} that start at {@code c0, c1, c2} (-1: a padding
     * row, not written), using {@code r0, r1, r2} as accumulators; {@code kp} is a multiple of
     * {@link #KU}. The accumulators are zero on entry and are left zero.
     */
    private static void kernel(double[] r0, double[] r1, double[] r2, double[][] b, double[] a, int kp, int nc,
                               double alpha, double[] c, int c0, int c1, int c2) {
        // "p + 2 < kp", not "p < kp", and no loop before this one: see the class comment
        for (int p = 0, at = 0; p + 2 < kp; p += KU, at += KU * MR) {
            double[] x0 = b[p];
            double[] x1 = b[p + 1];
            double[] x2 = b[p + 2];
            double a00 = a[at];
            double a10 = a[at + 1];
            double a20 = a[at + 2];
            double a01 = a[at + 3];
            double a11 = a[at + 4];
            double a21 = a[at + 5];
            double a02 = a[at + 6];
            double a12 = a[at + 7];
            double a22 = a[at + 8];
            for (int j = 0; j < nc; j++) {
                double b0 = x0[j];
                double b1 = x1[j];
                double b2 = x2[j];
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
    private static void drain(double alpha, double[] acc, double[] c, int at, int n) {
        if (at < 0) {
            Arrays.fill(acc, 0, n, 0.0);
            return;
        }
        for (int j = 0; j < n; j++) {
            c[at + j] = Math.fma(alpha, acc[j], c[at + j]);
            acc[j] = 0.0;
        }
    }

    /**
     * One thread's buffers: the packed block of {@code op(B)}, a packed panel of {@code op(A)}, the
     * accumulators, and the {@code float} product's, made when first needed.
     */
    static final class Workspace {
        final double[][] b = new double[KC][NC];
        final double[] a = new double[KC * MR];
        final double[][] acc = new double[MR][NC];
        private JavaFloatProduct floats;

        JavaFloatProduct floats() {
            if (floats == null) {
                floats = new JavaFloatProduct();
            }
            return floats;
        }

        /**
         * Rows {@code p0 .. p0 + kc - 1}, columns {@code j0 .. j0 + nc - 1} of {@code op(B)} into
         * {@code b[p][j]}, and zeros into rows {@code kc .. kp - 1}.
         */
        void packB(boolean transB, double[] src, int offB, int ldb, int p0, int kc, int kp, int j0, int nc) {
            if (transB) {
                for (int j = 0; j < nc; j++) {
                    int from = offB + (j0 + j) * ldb + p0;
                    for (int p = 0; p < kc; p++) {
                        b[p][j] = src[from + p];
                    }
                }
            } else {
                for (int p = 0; p < kc; p++) {
                    System.arraycopy(src, offB + (p0 + p) * ldb + j0, b[p], 0, nc);
                }
            }
            for (int p = kc; p < kp; p++) {
                Arrays.fill(b[p], 0, nc, 0.0);
            }
        }
    }
}
