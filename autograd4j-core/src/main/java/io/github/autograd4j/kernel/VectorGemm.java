package io.github.autograd4j.kernel;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The {@link Gemm} on the Vector API ({@code jdk.incubator.vector}), used when the JVM runs with
 * {@code --add-modules jdk.incubator.vector}; {@link Kernels} loads this class only then. The
 * GotoBLAS/BLIS structure: a block of {@link #KC} rows by {@link #NC} columns of {@code op(B)} is
 * packed into panels {@link #NR} columns wide, a block of {@link #MC} rows of {@code op(A)} into
 * panels {@link #MR} rows high, and a micro-kernel multiplies one panel of each, keeping its
 * {@code MR x NR} tile of {@code C} in twelve vector registers ({@code NR} is two vectors of the
 * preferred species: 16 doubles with AVX-512, 8 with AVX2) and updating it with one fused
 * multiply-add per register per step, then writes the tile back through a small buffer. Panels
 * are zero-padded, so edge tiles run the same micro-kernel and only their write-back differs.
 * {@link PackedGemm} hands products too small for packing to {@link DirectGemm}.
 */
final class VectorGemm extends PackedGemm<VectorGemm.Workspace> {

    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    /** Rows of a micro-tile. */
    static final int MR = 6;
    /** Columns of a micro-tile: two vectors. */
    static final int NR = 2 * L;
    /** Rows of {@code op(B)} (columns of {@code op(A)}) per packed block. */
    static final int KC = 128;
    /** Rows of {@code op(A)} per packed block, a multiple of {@link #MR}. */
    static final int MC = 96;
    /** Columns of {@code op(B)} per packed block, a multiple of {@link #NR}. */
    static final int NC = 32 * NR;

    VectorGemm() {
        super(Workspace::new);
    }

    @Override
    public String name() {
        return "vector-api";
    }

    @Override
    void multiply(Workspace w, boolean transA, boolean transB, int m, int n, int k,
                  double alpha, double[] a, int offA, int lda, double[] b, int offB, int ldb,
                  double[] c, int offC, int ldc) {
        for (int j0 = 0; j0 < n; j0 += NC) {
            int nc = Math.min(NC, n - j0);
            for (int p0 = 0; p0 < k; p0 += KC) {
                int kc = Math.min(KC, k - p0);
                w.packB(transB, b, offB, ldb, p0, kc, j0, nc);
                for (int i0 = 0; i0 < m; i0 += MC) {
                    int mc = Math.min(MC, m - i0);
                    for (int ir = 0; ir < mc; ir += MR) {
                        Packing.packA(transA, a, offA, lda, i0 + ir, Math.min(MR, mc - ir), MR, p0, kc,
                                w.a, ir * kc);
                    }
                    for (int jr = 0; jr < nc; jr += NR) {
                        for (int ir = 0; ir < mc; ir += MR) {
                            micro(kc, w.a, ir * kc, w.b, jr * kc, w.tile);
                            addTile(w.tile, Math.min(MR, mc - ir), Math.min(NR, nc - jr), alpha, c,
                                    offC + (i0 + ir) * ldc + j0 + jr, ldc);
                        }
                    }
                }
            }
        }
    }

    /**
     * {@code tile[i * NR + j] = sum_p pa[ao + p * MR + i] pb[bo + p * NR + j]}, {@code p < kc}: one
     * {@code MR x NR} product of packed panels. It stores to {@code tile} rather than adding into
     * {@code C} itself because C2 in JDK 17 gives up inlining calls in a method this large, and a
     * vector passed to a call that is not inlined is boxed on the heap (measured: 4 GFLOP/s).
     */
    private static void micro(int kc, double[] pa, int ao, double[] pb, int bo, double[] tile) {
        DoubleVector c00 = DoubleVector.zero(S);
        DoubleVector c01 = c00;
        DoubleVector c10 = c00;
        DoubleVector c11 = c00;
        DoubleVector c20 = c00;
        DoubleVector c21 = c00;
        DoubleVector c30 = c00;
        DoubleVector c31 = c00;
        DoubleVector c40 = c00;
        DoubleVector c41 = c00;
        DoubleVector c50 = c00;
        DoubleVector c51 = c00;
        for (int p = 0; p < kc; p++, ao += MR, bo += NR) {
            DoubleVector b0 = DoubleVector.fromArray(S, pb, bo);
            DoubleVector b1 = DoubleVector.fromArray(S, pb, bo + L);
            DoubleVector a = DoubleVector.broadcast(S, pa[ao]);
            c00 = a.fma(b0, c00);
            c01 = a.fma(b1, c01);
            a = DoubleVector.broadcast(S, pa[ao + 1]);
            c10 = a.fma(b0, c10);
            c11 = a.fma(b1, c11);
            a = DoubleVector.broadcast(S, pa[ao + 2]);
            c20 = a.fma(b0, c20);
            c21 = a.fma(b1, c21);
            a = DoubleVector.broadcast(S, pa[ao + 3]);
            c30 = a.fma(b0, c30);
            c31 = a.fma(b1, c31);
            a = DoubleVector.broadcast(S, pa[ao + 4]);
            c40 = a.fma(b0, c40);
            c41 = a.fma(b1, c41);
            a = DoubleVector.broadcast(S, pa[ao + 5]);
            c50 = a.fma(b0, c50);
            c51 = a.fma(b1, c51);
        }
        c00.intoArray(tile, 0);
        c01.intoArray(tile, L);
        c10.intoArray(tile, NR);
        c11.intoArray(tile, NR + L);
        c20.intoArray(tile, 2 * NR);
        c21.intoArray(tile, 2 * NR + L);
        c30.intoArray(tile, 3 * NR);
        c31.intoArray(tile, 3 * NR + L);
        c40.intoArray(tile, 4 * NR);
        c41.intoArray(tile, 4 * NR + L);
        c50.intoArray(tile, 5 * NR);
        c51.intoArray(tile, 5 * NR + L);
    }

    /** {@code C[i][j] += alpha tile[i * NR + j]} for the {@code rows x cols} tile at {@code c[co]}. */
    private static void addTile(double[] tile, int rows, int cols, double alpha, double[] c, int co, int ldc) {
        if (cols == NR) {
            DoubleVector s = DoubleVector.broadcast(S, alpha);
            for (int i = 0; i < rows; i++) {
                int ci = co + i * ldc;
                DoubleVector.fromArray(S, tile, i * NR).fma(s, DoubleVector.fromArray(S, c, ci)).intoArray(c, ci);
                DoubleVector.fromArray(S, tile, i * NR + L).fma(s, DoubleVector.fromArray(S, c, ci + L))
                        .intoArray(c, ci + L);
            }
            return;
        }
        for (int i = 0; i < rows; i++) {
            int ci = co + i * ldc;
            int ti = i * NR;
            for (int j = 0; j < cols; j++) {
                c[ci + j] += alpha * tile[ti + j];
            }
        }
    }

    /** One thread's buffers: the packed blocks of {@code op(A)} and {@code op(B)}, and an edge tile. */
    static final class Workspace {
        final double[] a = new double[MC * KC];
        final double[] b = new double[KC * NC];
        final double[] tile = new double[MR * NR];

        /**
         * Rows {@code p0 .. p0 + kc - 1}, columns {@code j0 .. j0 + nc - 1} of {@code op(B)} into
         * panels of {@link #NR} columns, {@code b[jr * kc + p * NR + j]} for the panel at column
         * {@code jr}; the last panel is zero-padded.
         */
        void packB(boolean transB, double[] src, int offB, int ldb, int p0, int kc, int j0, int nc) {
            for (int jr = 0; jr < nc; jr += NR) {
                int cols = Math.min(NR, nc - jr);
                int base = jr * kc;
                if (cols < NR) {
                    java.util.Arrays.fill(b, base, base + kc * NR, 0.0);
                }
                if (transB) {
                    // op(B)(p, j) = src[j * ldb + p]: read each column of the panel along p
                    for (int j = 0; j < cols; j++) {
                        int from = offB + (j0 + jr + j) * ldb + p0;
                        for (int p = 0; p < kc; p++) {
                            b[base + p * NR + j] = src[from + p];
                        }
                    }
                } else if (cols == NR) {
                    // two vector copies per row: System.arraycopy's call costs more than 16 doubles
                    for (int p = 0; p < kc; p++) {
                        int from = offB + (p0 + p) * ldb + j0 + jr;
                        DoubleVector.fromArray(S, src, from).intoArray(b, base + p * NR);
                        DoubleVector.fromArray(S, src, from + L).intoArray(b, base + p * NR + L);
                    }
                } else {
                    for (int p = 0; p < kc; p++) {
                        System.arraycopy(src, offB + (p0 + p) * ldb + j0 + jr, b, base + p * NR, cols);
                    }
                }
            }
        }
    }
}
