package io.github.autograd4j.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The GEMM kernel against EJML's products, in every transpose combination, with offsets and strides. */
class GemmTest {

    /** Sizes: 1, odd, and not multiples of the cache blocks (KC = 128, NC = 512) nor of the 4-row unrolling. */
    private static final int[][] SIZES = {
        {1, 1, 1}, {1, 5, 1}, {3, 1, 7}, {1, 1, 9}, {2, 3, 4}, {5, 7, 3}, {7, 5, 11},
        {13, 17, 19}, {4, 8, 4}, {3, 515, 130}, {131, 6, 257}, {9, 601, 3},
    };

    private final Random rng = new Random(7);
    private final Gemm gemm = new JavaGemm();

    @ParameterizedTest(name = "transA={0}, transB={1}")
    @CsvSource({"false,false", "true,false", "false,true", "true,true"})
    void matchesEjmlInEveryTransposeCombination(boolean transA, boolean transB) {
        double[][] alphaBeta = {{1, 0}, {1, 1}, {-0.5, 2}, {2.5, -1}, {0, 3}};
        for (int[] size : SIZES) {
            for (double[] ab : alphaBeta) {
                check(transA, transB, size[0], size[1], size[2], ab[0], ab[1], false);
            }
        }
    }

    @ParameterizedTest(name = "transA={0}, transB={1}")
    @CsvSource({"false,false", "true,false", "false,true", "true,true"})
    void readsAndWritesAtOffsetsWithLeadingDimensions(boolean transA, boolean transB) {
        for (int[] size : SIZES) {
            check(transA, transB, size[0], size[1], size[2], 1.5, 0.5, true);
        }
    }

    @Test
    void randomSizesMatchEjml() {
        for (int trial = 0; trial < 40; trial++) {
            check(rng.nextBoolean(), rng.nextBoolean(), 1 + rng.nextInt(40), 1 + rng.nextInt(40), 1 + rng.nextInt(40),
                    rng.nextGaussian(), rng.nextGaussian(), rng.nextBoolean());
        }
    }

    @Test
    void betaZeroOverwritesWithoutReadingC() {
        double[] a = {1, 2, 3, 4};
        double[] b = {5, 6, 7, 8};
        double[] c = {Double.NaN, Double.POSITIVE_INFINITY, Double.NaN, -1};
        gemm.gemm(false, false, 2, 2, 2, 1.0, a, 0, 2, b, 0, 2, 0.0, c, 0, 2);
        assertEquals(Arrays.toString(new double[] {19, 22, 43, 50}), Arrays.toString(c));
    }

    @Test
    void emptyInnerDimensionOnlyScalesC() {
        double[] c = {1, 2, 3};
        gemm.gemm(false, false, 3, 1, 0, 1.0, new double[0], 0, 0, new double[0], 0, 1, 2.0, c, 0, 1);
        assertEquals(Arrays.toString(new double[] {2, 4, 6}), Arrays.toString(c));
    }

    @Test
    void theSelectedKernelIsJavaUnlessForced() {
        assertEquals("java", Gemm.get().name());
        assertSame(Kernels.gemm(), Gemm.get());
        assertEquals("java", Kernels.selectGemm(null).name());
        assertEquals("java", Kernels.selectGemm(" java ").name());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Kernels.selectGemm("cuda"));
        assertEquals("autograd4j.gemm=cuda: no such GEMM kernel; available: [java]", e.getMessage());
    }

    /**
     * Runs {@code C = alpha op(A) op(B) + beta C} on random data and compares with EJML. With
     * {@code padded}, each matrix sits at an offset inside a larger array with a leading dimension
     * wider than its rows, and the padding must stay untouched.
     */
    private void check(boolean transA, boolean transB, int m, int n, int k, double alpha, double beta, boolean padded) {
        DMatrixRMaj a = random(transA ? k : m, transA ? m : k);
        DMatrixRMaj b = random(transB ? n : k, transB ? k : n);
        DMatrixRMaj c0 = random(m, n);

        DMatrixRMaj product = new DMatrixRMaj(m, n);
        if (transA && transB) {
            CommonOps_DDRM.multTransAB(a, b, product);
        } else if (transA) {
            CommonOps_DDRM.multTransA(a, b, product);
        } else if (transB) {
            CommonOps_DDRM.multTransB(a, b, product);
        } else {
            CommonOps_DDRM.mult(a, b, product);
        }
        DMatrixRMaj expected = new DMatrixRMaj(m, n);
        CommonOps_DDRM.add(alpha, product, beta, c0, expected);

        int pad = padded ? 3 : 0;
        int offset = padded ? 5 : 0;
        double[] pa = embed(a, offset, pad);
        double[] pb = embed(b, offset, pad);
        double[] pc = embed(c0, offset, pad);
        double[] pcBefore = pc.clone();
        gemm.gemm(transA, transB, m, n, k, alpha, pa, offset, a.numCols + pad, pb, offset, b.numCols + pad,
                beta, pc, offset, n + pad);

        String where = "transA=" + transA + " transB=" + transB + " m=" + m + " n=" + n + " k=" + k
                + " alpha=" + alpha + " beta=" + beta + " padded=" + padded;
        int ldc = n + pad;
        for (int idx = 0; idx < pc.length; idx++) {
            int rel = idx - offset;
            boolean inside = rel >= 0 && rel / ldc < m && rel % ldc < n;
            if (!inside) {
                assertEquals(pcBefore[idx], pc[idx], 0.0, where + ": padding at " + idx + " changed");
                continue;
            }
            double want = expected.get(rel / ldc, rel % ldc);
            double got = pc[idx];
            assertTrue(Math.abs(got - want) <= 1e-12 * Math.max(1.0, Math.abs(want)),
                    where + ": C[" + rel / ldc + "][" + rel % ldc + "] = " + got + ", EJML gives " + want);
        }
    }

    private DMatrixRMaj random(int rows, int cols) {
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < m.data.length; i++) {
            m.data[i] = 2 * rng.nextDouble() - 1;
        }
        return m;
    }

    /** {@code m} row-major at {@code offset}, each row followed by {@code pad} random values, then {@code offset} more. */
    private double[] embed(DMatrixRMaj m, int offset, int pad) {
        int ld = m.numCols + pad;
        double[] out = new double[offset + m.numRows * ld + offset];
        for (int i = 0; i < out.length; i++) {
            out[i] = rng.nextGaussian();
        }
        for (int r = 0; r < m.numRows; r++) {
            System.arraycopy(m.data, r * m.numCols, out, offset + r * ld, m.numCols);
        }
        return out;
    }
}
