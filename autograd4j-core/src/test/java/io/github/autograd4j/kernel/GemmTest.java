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
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every GEMM kernel in {@code double} and in {@code float} against EJML's products in
 * {@code double} (float results within the bound of float rounding), in every transpose
 * combination, with offsets and strides. The tests run with {@code --add-modules jdk.incubator.vector} (see the pom), so the
 * Vector API kernel is among them.
 */
class GemmTest {

    /**
     * Sizes (m, n, k): 1, odd, and not multiples of any tile or block (JavaGemm: 3-row panels,
     * KC = 240, NC = 256; VectorGemm: 6-row tiles two vectors wide, and blocks from the caches or,
     * in the second instance below, small blocks that these sizes cross several times), small ones
     * that go to DirectGemm and large ones that ThreadedGemm splits by rows and by columns.
     */
    private static final int[][] SIZES = {
        {1, 1, 1}, {1, 5, 1}, {3, 1, 7}, {1, 1, 9}, {2, 3, 4}, {5, 7, 3}, {7, 5, 11},
        {13, 17, 19}, {4, 8, 4}, {20, 33, 41}, {3, 515, 130}, {131, 6, 257}, {9, 601, 3},
        {100, 31, 250}, {97, 17, 513}, {7, 1030, 257}, {293, 61, 131}, {61, 389, 67},
        {7, 1030, 300}, // split by columns: at least 2^21 multiply-adds, as {293, 61, 131} is by rows
    };

    private final Random rng = new Random(7);

    /**
     * Each kernel; the Vector API one also with blocks of a few tiles (kc 16, mc two tiles, nc
     * three), so that products of these sizes run through several blocks in every dimension; and
     * the pure-Java and Vector API ones split over threads.
     */
    static Stream<Gemm> kernels() {
        Blocking doubles = new Blocking(VectorDoubleProduct.MR, VectorDoubleProduct.NR, 16,
                2 * VectorDoubleProduct.MR, 3 * VectorDoubleProduct.NR);
        Blocking floats = new Blocking(VectorFloatProduct.MR, VectorFloatProduct.NR, 16,
                2 * VectorFloatProduct.MR, 3 * VectorFloatProduct.NR);
        return Stream.of(new JavaGemm(), new VectorGemm(), new VectorGemm(doubles, floats), new DirectGemm(),
                new ThreadedGemm(new JavaGemm(), 3), new ThreadedGemm(new VectorGemm(), 2));
    }

    static Stream<Arguments> kernelsAndTransposes() {
        return kernels().flatMap(g -> Stream.of(Precision.values()).flatMap(p -> Stream.of(
                Arguments.of(g, p, false, false), Arguments.of(g, p, true, false),
                Arguments.of(g, p, false, true), Arguments.of(g, p, true, true))));
    }

    static Stream<Arguments> kernelsAndPrecisions() {
        return kernels().flatMap(g -> Stream.of(Precision.values()).map(p -> Arguments.of(g, p)));
    }

    @ParameterizedTest(name = "{0} {1} transA={2} transB={3}")
    @MethodSource("kernelsAndTransposes")
    void matchesEjmlInEveryTransposeCombination(Gemm gemm, Precision precision, boolean transA, boolean transB) {
        double[][] alphaBeta = {{1, 0}, {1, 1}, {-0.5, 2}, {2.5, -1}, {0, 3}};
        for (int[] size : SIZES) {
            for (double[] ab : alphaBeta) {
                check(gemm, precision, transA, transB, size[0], size[1], size[2], ab[0], ab[1], false);
            }
        }
    }

    @ParameterizedTest(name = "{0} {1} transA={2} transB={3}")
    @MethodSource("kernelsAndTransposes")
    void readsAndWritesAtOffsetsWithLeadingDimensions(Gemm gemm, Precision precision, boolean transA, boolean transB) {
        for (int[] size : SIZES) {
            check(gemm, precision, transA, transB, size[0], size[1], size[2], 1.5, 0.5, true);
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("kernelsAndPrecisions")
    void randomSizesMatchEjml(Gemm gemm, Precision precision) {
        for (int trial = 0; trial < 40; trial++) {
            check(gemm, precision, rng.nextBoolean(), rng.nextBoolean(), 1 + rng.nextInt(70), 1 + rng.nextInt(70),
                    1 + rng.nextInt(70), (float) rng.nextGaussian(), (float) rng.nextGaussian(), rng.nextBoolean());
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

            float[] fa = new float[n * n];
            float[] fb = new float[n * n];
            Arrays.fill(fa, 1.0f);
            Arrays.fill(fb, 2.0f);
            float[] fc = new float[n * n];
            Arrays.fill(fc, Float.NaN);
            gemm.gemm(false, false, n, n, n, 1.0f, fa, 0, n, fb, 0, n, 0.0f, fc, 0, n);
            float[] fwant = new float[n * n];
            Arrays.fill(fwant, 2.0f * n);
            assertArrayEquals(fwant, fc, 0.0f, gemm + " float n=" + n);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kernels")
    void emptyInnerDimensionOnlyScalesC(Gemm gemm) {
        double[] c = {1, 2, 3};
        gemm.gemm(false, false, 3, 1, 0, 1.0, new double[0], 0, 0, new double[0], 0, 1, 2.0, c, 0, 1);
        assertEquals(Arrays.toString(new double[] {2, 4, 6}), Arrays.toString(c));
        float[] fc = {1, 2, 3};
        gemm.gemm(false, false, 3, 1, 0, 1.0f, new float[0], 0, 0, new float[0], 0, 1, 2.0f, fc, 0, 1);
        assertEquals(Arrays.toString(new float[] {2, 4, 6}), Arrays.toString(fc));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kernels")
    void badArgumentsAreRejectedBeforeCChanges(Gemm gemm) {
        double[] a = new double[6];
        double[] b = new double[6];
        double[] c = {1, 2, 3, 4};
        float[] fa = new float[6];
        float[] fb = new float[6];
        float[] fc = {1, 2, 3, 4};
        String shortB = "gemm: B is 3 x 2 at offset 1 with leading dimension 2, which needs offset >= 0, leading"
                + " dimension >= 2 and an array of at least 7 elements; the array has 6";
        assertMessage(shortB, () -> gemm.gemm(false, false, 2, 2, 3, 1.0, a, 0, 3, b, 1, 2, 0.0, c, 0, 2));
        assertMessage(shortB, () -> gemm.gemm(false, false, 2, 2, 3, 1.0f, fa, 0, 3, fb, 1, 2, 0.0f, fc, 0, 2));
        String narrowA = "gemm: A is 3 x 2 at offset 0 with leading dimension 1, which needs offset >= 0, leading"
                + " dimension >= 2 and an array of at least 4 elements; the array has 6";
        assertMessage(narrowA, () -> gemm.gemm(true, false, 2, 2, 3, 1.0, a, 0, 1, b, 0, 2, 0.0, c, 0, 2));
        assertMessage(narrowA, () -> gemm.gemm(true, false, 2, 2, 3, 1.0f, fa, 0, 1, fb, 0, 2, 0.0f, fc, 0, 2));
        String negative = "gemm: sizes must not be negative, got m=-1 n=2 k=3";
        assertMessage(negative, () -> gemm.gemm(false, false, -1, 2, 3, 1.0, a, 0, 3, b, 0, 2, 0.0, c, 0, 2));
        assertMessage(negative, () -> gemm.gemm(false, false, -1, 2, 3, 1.0f, fa, 0, 3, fb, 0, 2, 0.0f, fc, 0, 2));
        assertArrayEquals(new double[] {1, 2, 3, 4}, c, 0.0);
        assertArrayEquals(new float[] {1, 2, 3, 4}, fc, 0.0f);
    }

    private static void assertMessage(String expected, Executable call) {
        assertEquals(expected, assertThrows(IllegalArgumentException.class, call).getMessage());
    }

    /**
     * The element type a product runs in, and how close it must come to the exact product
     * computed in {@code double} from the same (rounded) operands.
     */
    enum Precision {
        FLOAT64 {
            @Override
            double round(double x) {
                return x;
            }

            @Override
            double tolerance(int k, double magnitude, double want) {
                return 1e-12 * Math.max(1.0, Math.abs(want));
            }
        },
        FLOAT32 {
            @Override
            double round(double x) {
                return (float) x;
            }

            /**
             * The standard bound for a sum of k rounded products, {@code gamma_k |alpha| |A| |B|},
             * plus the roundings of the scaling by alpha and beta and of the final addition, with
             * {@code u = 2^-24}: {@code (k + 3) u} times the sum of magnitudes.
             */
            @Override
            double tolerance(int k, double magnitude, double want) {
                return (k + 3) * 0x1p-24 * magnitude + Float.MIN_NORMAL;
            }
        };

        /** {@code x} as this precision stores it. */
        abstract double round(double x);

        /**
         * The largest allowed error in an element whose exact value is {@code want}, a sum of
         * {@code k} products whose magnitudes, with {@code |beta c|}, add up to {@code magnitude}.
         */
        abstract double tolerance(int k, double magnitude, double want);
    }

    /**
     * Runs {@code C = alpha op(A) op(B) + beta C} on random data in {@code precision} and compares
     * with EJML's product of the same values in {@code double}. With {@code padded}, each matrix
     * sits at an offset inside a larger array with a leading dimension wider than its rows, and the
     * padding must stay untouched.
     */
    private void check(Gemm gemm, Precision precision, boolean transA, boolean transB, int m, int n, int k,
                       double alpha, double beta, boolean padded) {
        DMatrixRMaj a = random(precision, transA ? k : m, transA ? m : k);
        DMatrixRMaj b = random(precision, transB ? n : k, transB ? k : n);
        DMatrixRMaj c0 = random(precision, m, n);

        DMatrixRMaj product = multiply(transA, transB, a, b, m, n);
        DMatrixRMaj expected = new DMatrixRMaj(m, n);
        CommonOps_DDRM.add(alpha, product, beta, c0, expected);
        DMatrixRMaj absA = a.copy();
        DMatrixRMaj absB = b.copy();
        CommonOps_DDRM.abs(absA);
        CommonOps_DDRM.abs(absB);
        DMatrixRMaj magnitude = new DMatrixRMaj(m, n);
        DMatrixRMaj absC = c0.copy();
        CommonOps_DDRM.abs(absC);
        CommonOps_DDRM.add(Math.abs(alpha), multiply(transA, transB, absA, absB, m, n), Math.abs(beta), absC, magnitude);

        int pad = padded ? 3 : 0;
        int offset = padded ? 5 : 0;
        double[] pa = embed(precision, a, offset, pad);
        double[] pb = embed(precision, b, offset, pad);
        double[] pc = embed(precision, c0, offset, pad);
        double[] pcBefore = pc.clone();
        int lda = a.numCols + pad;
        int ldb = b.numCols + pad;
        int ldc = n + pad;
        if (precision == Precision.FLOAT32) {
            float[] fc = toFloat(pc);
            gemm.gemm(transA, transB, m, n, k, (float) alpha, toFloat(pa), offset, lda, toFloat(pb), offset, ldb,
                    (float) beta, fc, offset, ldc);
            for (int i = 0; i < fc.length; i++) {
                pc[i] = fc[i];
            }
        } else {
            gemm.gemm(transA, transB, m, n, k, alpha, pa, offset, lda, pb, offset, ldb, beta, pc, offset, ldc);
        }

        String where = gemm + " " + precision + " transA=" + transA + " transB=" + transB + " m=" + m + " n=" + n
                + " k=" + k + " alpha=" + alpha + " beta=" + beta + " padded=" + padded;
        for (int idx = 0; idx < pc.length; idx++) {
            int rel = idx - offset;
            boolean inside = rel >= 0 && rel / ldc < m && rel % ldc < n;
            if (!inside) {
                assertEquals(pcBefore[idx], pc[idx], 0.0, where + ": padding at " + idx + " changed");
                continue;
            }
            int i = rel / ldc;
            int j = rel % ldc;
            double want = expected.get(i, j);
            double got = pc[idx];
            assertTrue(Math.abs(got - want) <= precision.tolerance(k, magnitude.get(i, j), want),
                    where + ": C[" + i + "][" + j + "] = " + got + ", EJML gives " + want);
        }
    }

    /** {@code op(a) op(b)}, an {@code m x n} matrix, by EJML. */
    private static DMatrixRMaj multiply(boolean transA, boolean transB, DMatrixRMaj a, DMatrixRMaj b, int m, int n) {
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
        return product;
    }

    private DMatrixRMaj random(Precision precision, int rows, int cols) {
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < m.data.length; i++) {
            m.data[i] = precision.round(2 * rng.nextDouble() - 1);
        }
        return m;
    }

    /** {@code m} row-major at {@code offset}, each row followed by {@code pad} random values, then {@code offset} more. */
    private double[] embed(Precision precision, DMatrixRMaj m, int offset, int pad) {
        int ld = m.numCols + pad;
        double[] out = new double[offset + m.numRows * ld + offset];
        for (int i = 0; i < out.length; i++) {
            out[i] = precision.round(rng.nextGaussian());
        }
        for (int r = 0; r < m.numRows; r++) {
            System.arraycopy(m.data, r * m.numCols, out, offset + r * ld, m.numCols);
        }
        return out;
    }

    private static float[] toFloat(double[] x) {
        float[] out = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = (float) x[i];
        }
        return out;
    }
}
