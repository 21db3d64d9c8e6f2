package io.github.autograd4j.kernel;

import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link BlockedProduct} for {@code float} on the Vector API, as {@link VectorDoubleProduct} for
 * {@code double}: a micro-kernel of {@link #MR} rows by two vectors of the preferred species
 * ({@code 6 x 16} with AVX2, {@code 6 x 32} with AVX-512), accumulating in {@code float} as
 * {@code sgemm} does. One instance per thread ({@link VectorGemm} keeps them); it
 * holds the operands only during a call.
 */
final class VectorFloatProduct extends BlockedProduct {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    /** Rows of a micro-tile. */
    static final int MR = 6;
    /** Columns of a micro-tile: two vectors. */
    static final int NR = 2 * L;
    /** The blocks for this machine's caches. */
    static final Blocking BLOCKING = Blocking.of(CacheSizes.ofThisMachine(), Float.BYTES, MR, NR);

    private float[] packedA = new float[0];
    private float[] packedB = new float[0];
    private final float[] tile = new float[MR * NR];

    // the operands of the call in progress (their layout is BlockedProduct's); cleared after it
    private float alpha;
    private float[] a;
    private float[] b;
    private float[] c;

    /** With the given block sizes: {@link #BLOCKING}, or others (for {@link #MR} x {@link #NR} tiles) in tests. */
    VectorFloatProduct(Blocking blocking) {
        super(blocking);
    }

    /** {@code C += alpha op(A) op(B)} for checked arguments; with {@code overwrite}, {@code C = alpha op(A) op(B)}. */
    void multiply(boolean transA, boolean transB, int m, int n, int k, float alpha, float[] a, int offA, int lda,
                  float[] b, int offB, int ldb, float[] c, int offC, int ldc, boolean overwrite) {
        layout(transA, transB, offA, lda, offB, ldb, offC, ldc);
        this.alpha = alpha;
        this.a = a;
        this.b = b;
        this.c = c;
        packedA = grown(packedA, packedASize(m, k));
        packedB = grown(packedB, packedBSize(n, k));
        try {
            run(m, n, k, overwrite);
        } finally {
            this.a = null;
            this.b = null;
            this.c = null;
        }
    }

    private static float[] grown(float[] buffer, int size) {
        return buffer.length >= size ? buffer : new float[size];
    }

    @Override
    void packA(int i0, int mc, int p0, int kc) {
        for (int ir = 0; ir < mc; ir += MR) {
            Packing.packA(transA, a, offA, lda, i0 + ir, Math.min(MR, mc - ir), MR, p0, kc, packedA, ir * kc);
        }
    }

    @Override
    void packB(int p0, int kc, int j0, int nc) {
        float[] out = packedB;
        for (int jr = 0; jr < nc; jr += NR) {
            int cols = Math.min(NR, nc - jr);
            int at = jr * kc;
            if (cols < NR) {
                Arrays.fill(out, at, at + kc * NR, 0.0f);
            }
            if (transB) {
                // op(B)(p, j) = b[j * ldb + p]: the panel's columns are runs along p
                Packing.transpose(b, offB + (j0 + jr) * ldb + p0, ldb, cols, kc, NR, out, at);
            } else if (cols == NR) {
                // two vector copies per row: System.arraycopy's call costs more than a few vectors
                for (int p = 0; p < kc; p++) {
                    int from = offB + (p0 + p) * ldb + j0 + jr;
                    FloatVector.fromArray(S, b, from).intoArray(out, at + p * NR);
                    FloatVector.fromArray(S, b, from + L).intoArray(out, at + p * NR + L);
                }
            } else {
                for (int p = 0; p < kc; p++) {
                    System.arraycopy(b, offB + (p0 + p) * ldb + j0 + jr, out, at + p * NR, cols);
                }
            }
        }
    }

    @Override
    void tile(int aAt, int bAt, int kc, int i, int rows, int j, int cols, boolean store) {
        if (rows == MR && cols == NR) {
            micro(kc, packedA, aAt, packedB, bAt, alpha, c, offC + i * ldc + j, ldc, store);
            return;
        }
        micro(kc, packedA, aAt, packedB, bAt, 1.0f, null, 0, 0, false);
        int co = offC + i * ldc + j;
        for (int r = 0; r < rows; r++) {
            for (int s = 0; s < cols; s++) {
                int at = co + r * ldc + s;
                c[at] = (store ? 0.0f : c[at]) + alpha * tile[r * NR + s];
            }
        }
    }

    /** As {@link VectorDoubleProduct}'s micro-kernel, in {@code float}. */
    private void micro(int kc, float[] pa, int ao, float[] pb, int bo, float alpha, float[] c, int co, int ldc,
                       boolean store) {
        FloatVector c00 = FloatVector.zero(S);
        FloatVector c01 = c00;
        FloatVector c10 = c00;
        FloatVector c11 = c00;
        FloatVector c20 = c00;
        FloatVector c21 = c00;
        FloatVector c30 = c00;
        FloatVector c31 = c00;
        FloatVector c40 = c00;
        FloatVector c41 = c00;
        FloatVector c50 = c00;
        FloatVector c51 = c00;
        // the offsets step as induction variables: computed from p, C2 redid the multiplications and
        // kept the bounds checks of pa in the loop, 20 scalar instructions to 12 FMAs (~10 % slower)
        int end = ao + kc * MR;
        for (int ap = ao, bp = bo; ap < end; ap += MR, bp += NR) {
            FloatVector b0 = FloatVector.fromArray(S, pb, bp);
            FloatVector b1 = FloatVector.fromArray(S, pb, bp + L);
            FloatVector v = FloatVector.broadcast(S, pa[ap]);
            c00 = v.fma(b0, c00);
            c01 = v.fma(b1, c01);
            v = FloatVector.broadcast(S, pa[ap + 1]);
            c10 = v.fma(b0, c10);
            c11 = v.fma(b1, c11);
            v = FloatVector.broadcast(S, pa[ap + 2]);
            c20 = v.fma(b0, c20);
            c21 = v.fma(b1, c21);
            v = FloatVector.broadcast(S, pa[ap + 3]);
            c30 = v.fma(b0, c30);
            c31 = v.fma(b1, c31);
            v = FloatVector.broadcast(S, pa[ap + 4]);
            c40 = v.fma(b0, c40);
            c41 = v.fma(b1, c41);
            v = FloatVector.broadcast(S, pa[ap + 5]);
            c50 = v.fma(b0, c50);
            c51 = v.fma(b1, c51);
        }
        if (c == null) {
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
            return;
        }
        FloatVector s = FloatVector.broadcast(S, alpha);
        if (store) {
            c00.mul(s).intoArray(c, co);
            c01.mul(s).intoArray(c, co + L);
            co += ldc;
            c10.mul(s).intoArray(c, co);
            c11.mul(s).intoArray(c, co + L);
            co += ldc;
            c20.mul(s).intoArray(c, co);
            c21.mul(s).intoArray(c, co + L);
            co += ldc;
            c30.mul(s).intoArray(c, co);
            c31.mul(s).intoArray(c, co + L);
            co += ldc;
            c40.mul(s).intoArray(c, co);
            c41.mul(s).intoArray(c, co + L);
            co += ldc;
            c50.mul(s).intoArray(c, co);
            c51.mul(s).intoArray(c, co + L);
            return;
        }
        c00.fma(s, FloatVector.fromArray(S, c, co)).intoArray(c, co);
        c01.fma(s, FloatVector.fromArray(S, c, co + L)).intoArray(c, co + L);
        co += ldc;
        c10.fma(s, FloatVector.fromArray(S, c, co)).intoArray(c, co);
        c11.fma(s, FloatVector.fromArray(S, c, co + L)).intoArray(c, co + L);
        co += ldc;
        c20.fma(s, FloatVector.fromArray(S, c, co)).intoArray(c, co);
        c21.fma(s, FloatVector.fromArray(S, c, co + L)).intoArray(c, co + L);
        co += ldc;
        c30.fma(s, FloatVector.fromArray(S, c, co)).intoArray(c, co);
        c31.fma(s, FloatVector.fromArray(S, c, co + L)).intoArray(c, co + L);
        co += ldc;
        c40.fma(s, FloatVector.fromArray(S, c, co)).intoArray(c, co);
        c41.fma(s, FloatVector.fromArray(S, c, co + L)).intoArray(c, co + L);
        co += ldc;
        c50.fma(s, FloatVector.fromArray(S, c, co)).intoArray(c, co);
        c51.fma(s, FloatVector.fromArray(S, c, co + L)).intoArray(c, co + L);
    }
}
