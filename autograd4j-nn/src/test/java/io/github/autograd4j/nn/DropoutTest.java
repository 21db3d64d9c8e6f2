package io.github.autograd4j.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.autograd4j.DType;
import io.github.autograd4j.Tensor;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Inverted dropout: identity in evaluation, scaled random masks in training, repeatable per seed. */
class DropoutTest {

    @Test
    void aFloat32InputStaysFloat32InTrainingMode() {
        Tensor y = new Dropout(0.5, new Random(1)).forward(Tensor.ones(4, 4).to(DType.FLOAT32));
        assertEquals(DType.FLOAT32, y.dtype(), "the mask takes the input's type, as the input's other constants");
    }

    @Test
    void isTheIdentityInEvaluationMode() {
        Dropout d = new Dropout(0.5, new Random(0));
        d.eval();
        Tensor x = Tensor.randn(new Random(1), 10, 10);
        assertSame(x, d.forward(x));
        assertSame(x, new Dropout(0.0, new Random(0)).forward(x));
    }

    @Test
    void zeroesOrScalesEachElementInTraining() {
        double p = 0.3;
        Tensor x = Tensor.randn(new Random(2), 50, 40);
        double[] in = x.toArray();
        double[] out = new Dropout(p, new Random(3)).forward(x).toArray();
        for (int i = 0; i < in.length; i++) {
            assertTrue(out[i] == 0.0 || Math.abs(out[i] - in[i] / (1 - p)) < 1e-12, "element " + i);
        }
    }

    @Test
    void drawsTheMaskFromTheSeedOneDrawPerElement() {
        double p = 0.25;
        Tensor x = Tensor.ones(4, 6);
        double[] a = new Dropout(p, new Random(7)).forward(x).toArray();
        double[] b = new Dropout(p, new Random(7)).forward(x).toArray();
        assertArrayEquals(a, b, 0.0);
        Random rng = new Random(7);
        for (int i = 0; i < a.length; i++) {
            assertEquals(rng.nextDouble() >= p ? 1 / (1 - p) : 0.0, a[i], 1e-15);
        }
        Dropout d = new Dropout(p, new Random(7));
        double[] first = d.forward(x).toArray();
        double[] second = d.forward(x).toArray();
        assertArrayEquals(a, first, 0.0);
        assertTrue(!java.util.Arrays.equals(first, second), "each call draws a fresh mask");
    }

    @Test
    void dropsAboutAFractionPAndKeepsTheMean() {
        double p = 0.4;
        int n = 200_000;
        double[] out = new Dropout(p, new Random(11)).forward(Tensor.ones(n)).toArray();
        int dropped = 0;
        double sum = 0.0;
        for (double v : out) {
            dropped += v == 0.0 ? 1 : 0;
            sum += v;
        }
        double sd = Math.sqrt(p * (1 - p) / n);
        assertEquals(p, dropped / (double) n, 5 * sd);
        assertEquals(1.0, sum / n, 5 * sd / (1 - p));
    }

    @Test
    void theGradientIsTheScaledMask() {
        Tensor x = Tensor.randn(new Random(4), 3, 5).requiresGrad(true);
        Tensor y = new Dropout(0.5, new Random(5)).forward(x);
        y.sum().backward();
        double[] in = x.toArray();
        double[] out = y.toArray();
        double[] grad = x.grad().toArray();
        for (int i = 0; i < in.length; i++) {
            assertEquals(out[i] / in[i], grad[i], 1e-12);
        }
    }

    @Test
    void rejectsAProbabilityOutsideZeroToOne() {
        for (double p : new double[] {1.0, -0.1, Double.NaN, 1.5}) {
            assertEquals("Dropout: p must be in [0, 1), got " + p,
                    assertThrows(IllegalArgumentException.class, () -> new Dropout(p, new Random(0))).getMessage());
        }
    }

    @Test
    void aFloat32InputStaysFloat32() {
        Tensor x = Tensor.ones(3, 4).to(DType.FLOAT32);
        assertEquals(DType.FLOAT32, new Dropout(0.5, new Random(0)).forward(x).dtype());
    }
}
