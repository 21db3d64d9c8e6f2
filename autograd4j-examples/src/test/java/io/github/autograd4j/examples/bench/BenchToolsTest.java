package io.github.autograd4j.examples.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.autograd4j.kernel.Kernels;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The benchmark tools: shapes, products, the warm-up and the MLP step's element types. */
class BenchToolsTest {

    @Test
    void shapesReadSquaresAndTransposes() {
        assertEquals(new GemmShape(512, 512, 512, false, false), GemmShape.parse("512"));
        GemmShape linear = GemmShape.parse("64x256x784:nt");
        assertEquals(new GemmShape(64, 256, 784, false, true), linear);
        assertEquals("64x256x784:NT", linear.toString());
        assertEquals(784, linear.lda());
        assertEquals(784, linear.ldb());
        assertEquals(2.0 * 64 * 256 * 784, linear.flop());
        for (String bad : new String[] {"64x256", "64x256x784:NX", "1:NN:TT"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GemmShape.parse(bad));
            assertEquals("GemmShape: expected n, or m x n x k with an optional :NN, :NT, :TN or :TT, e.g."
                    + " 64x256x784:NT; got " + bad, e.getMessage());
        }
    }

    @Test
    void aProductComputesOpAOpB() {
        // 2 x 3 x 2, both transposed: C = A^T B^T with A stored 2 x 2, B stored 3 x 2
        GemmShape shape = GemmShape.parse("2x3x2:TT");
        GemmBenchmark.Product doubles = new GemmBenchmark.Product(shape, "float64", Kernels.selectGemm("java"),
                new Random(3));
        GemmBenchmark.Product floats = new GemmBenchmark.Product(shape, "float32", Kernels.selectGemm("java"),
                new Random(3));
        doubles.run();
        floats.run();
        Random rng = new Random(3);
        double[] a = {2 * rng.nextDouble() - 1, 2 * rng.nextDouble() - 1, 2 * rng.nextDouble() - 1,
            2 * rng.nextDouble() - 1};
        double[] b = new double[6];
        for (int i = 0; i < 6; i++) {
            b[i] = 2 * rng.nextDouble() - 1;
        }
        double[] want = new double[6];
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 3; j++) {
                want[i * 3 + j] = a[i] * b[j * 2] + a[2 + i] * b[j * 2 + 1];
            }
        }
        assertArrayEquals(want, (double[]) doubles.result(), 1e-15);
        float[] got = (float[]) floats.result();
        for (int i = 0; i < 6; i++) {
            assertEquals(want[i], got[i], 1e-6);
        }
        assertThrows(IllegalArgumentException.class,
                () -> new GemmBenchmark.Product(shape, "float16", Kernels.selectGemm("java"), new Random(3)));
    }

    @Test
    void theWarmUpEndsWhenCompilationGoesQuietOrAtItsLimit() {
        int[] count = {0};
        JitWarmup.Result quiet = JitWarmup.untilCompilationSettles(() -> count[0]++, 0.2, 30);
        assertTrue(quiet.settled(), quiet.toString());
        assertTrue(quiet.seconds() >= 0.2 && quiet.runs() == count[0], quiet.toString());
        JitWarmup.Result limited = JitWarmup.untilCompilationSettles(() -> { }, 10, 0.1);
        assertFalse(limited.settled(), limited.toString());
        assertTrue(limited.seconds() < 5, limited.toString());
    }

    @Test
    void theStepRunsInFloat64AndRejectsOtherTypeNames() {
        assertTrue(Double.isFinite(new MlpStep(8, 1, MlpStep.FLOAT64).step()));
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> new MlpStep(8, 1, "int8"));
        assertEquals("MlpStep: dtype must be float64 or float32, got int8", bad.getMessage());
    }
}
