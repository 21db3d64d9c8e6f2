package io.github.autograd4j.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every GEMM kernel against EJML's products, in every transpose combination, with offsets and
 * strides. The tests run with {@code --add-modules jdk.incubator.vector} (see the pom), so the
 * Vector API kernel is among them.
 */
class GemmTest {

    /**
     * Sizes (m, n, k): 1, odd, and not multiples of any tile or block (JavaGemm: 3-row panels,
     * KC = 240, NC = 256; VectorGemm: 6 x 16 tiles, KC = 128, MC = 96, NC = 1024), small ones that
     * go to DirectGemm and large ones that ThreadedGemm splits by rows and by columns.
     */
    private static final int[][] SIZES = {
        {1, 1, 1}, {1, 5, 1}, {3, 1, 7}, {1, 1, 9}, {2, 3, 4}, {5, 7, 3}, {7, 5, 11},
        {13, 17, 19}, {4, 8, 4}, {20, 33, 41}, {3, 515, 130}, {131, 6, 257}, {9, 601, 3},
        {100, 31, 250}, {97, 17, 513}, {7, 1030, 257}, {293, 61, 131}, {61, 389, 67},
    };

    private final Random rng = new Random(7);

    /** Each kernel, and the pure-Java one split over 3 threads. */
    static Stream<Gemm> kernels() {
        return Stream.of(new JavaGemm(), new VectorGemm(), new DirectGemm(), new ThreadedGemm(new JavaGemm(), 3));
    }

    static Stream<Arguments> kernelsAndTransposes() {
        return kernels().flatMap(g -> Stream.of(Arguments.of(g, false, false), Arguments.of(g, true, false),
                Arguments.of(g, false, true), Arguments.of(g, true, true)));
    }

    @ParameterizedTest(name = "{0} transA={1} transB={2}")
    @MethodSource("kernelsAndTransposes")
    void matchesEjmlInEveryTransposeCombination(Gemm gemm, boolean transA, boolean transB) {
        double[][] alphaBeta = {{1, 0}, {1, 1}, {-0.5, 2}, {2.5, -1}, {0, 3}};
        for (int[] size : SIZES) {
            for (double[] ab : alphaBeta) {
                check(gemm, transA, transB, size[0], size[1], size[2], ab[0], ab[1], false);
            }
        }
    }

    @ParameterizedTest(name = "{0} transA={1} transB={2}")
    @MethodSource("kernelsAndTransposes")
    void readsAndWritesAtOffsetsWithLeadingDimensions(Gemm gemm, boolean transA, boolean transB) {
        for (int[] size : SIZES) {
            check(gemm, transA, transB, size[0], size[1], size[2], 1.5, 0.5, true);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kernels")
    void randomSizesMatchEjml(Gemm gemm) {
        for (int trial = 0; trial < 40; trial++) {
            check(gemm, rng.nextBoolean(), rng.nextBoolean(), 1 + rng.nextInt(70), 1 + rng.nextInt(70),
                    1 + rng.nextInt(70), rng.nextGaussian(), rng.nextGaussian(), rng.nextBoolean());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kernels")
    void betaZeroOverwritesWithoutReadingC(Gemm gemm) {
        for (int n : new int[] {2, 40}) {
            double[] a = new double[n * n];
            double[] b = new double[n * n];
            Arrays.fill(a, 1.0);
            Arrays.fill(b, 2.0);
            double[] c = new double[n * n];
            Arrays.fill(c, Double.NaN);
            gemm.gemm(false, false, n, n, n, 1.0, a, 0, n, b, 0, n, 0.0, c, 0, n);
            double[] want = new double[n * n];
            Arrays.fill(want, 2.0 * n);
            assertArrayEquals(want, c, 0.0, gemm + " n=" + n);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kernels")
    void emptyInnerDimensionOnlyScalesC(Gemm gemm) {
        double[] c = {1, 2, 3};
        gemm.gemm(false, false, 3, 1, 0, 1.0, new double[0], 0, 0, new double[0], 0, 1, 2.0, c, 0, 1);
        assertEquals(Arrays.toString(new double[] {2, 4, 6}), Arrays.toString(c));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kernels")
    void badArgumentsAreRejectedBeforeCChanges(Gemm gemm) {
        double[] a = new double[6];
        double[] b = new double[6];
        double[] c = {1, 2, 3, 4};
        IllegalArgumentException shortB = assertThrows(IllegalArgumentException.class,
                () -> gemm.gemm(false, false, 2, 2, 3, 1.0, a, 0, 3, b, 1, 2, 0.0, c, 0, 2));
        assertEquals("gemm: B is 3 x 2 at offset 1 with leading dimension 2, which needs offset >= 0, leading"
                + " dimension >= 2 and an array of at least 7 elements; the array has 6", shortB.getMessage());
        IllegalArgumentException narrowA = assertThrows(IllegalArgumentException.class,
                () -> gemm.gemm(true, false, 2, 2, 3, 1.0, a, 0, 1, b, 0, 2, 0.0, c, 0, 2));
        assertEquals("gemm: A is 3 x 2 at offset 0 with leading dimension 1, which needs offset >= 0, leading"
                + " dimension >= 2 and an array of at least 4 elements; the array has 6", narrowA.getMessage());
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
                () -> gemm.gemm(false, false, -1, 2, 3, 1.0, a, 0, 3, b, 0, 2, 0.0, c, 0, 2));
        assertEquals("gemm: sizes must not be negative, got m=-1 n=2 k=3", negative.getMessage());
        assertArrayEquals(new double[] {1, 2, 3, 4}, c, 0.0);
    }

    /**
     * Runs {@code C = alpha op(A) op(B) + beta C} on random data and compares with EJML. With
     * {@code padded}, each matrix sits at an offset inside a larger array with a leading dimension
     * wider than its rows, and the padding must stay untouched.
     */
    private void check(Gemm gemm, boolean transA, boolean transB, int m, int n, int k, double alpha, double beta, boolean padded) {
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

        String where = gemm + " transA=" + transA + " transB=" + transB + " m=" + m + " n=" + n + " k=" + k
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
