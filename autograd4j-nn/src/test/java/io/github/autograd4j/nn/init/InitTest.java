package io.github.autograd4j.nn.init;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.autograd4j.Tensor;
import java.util.Random;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/** Initialisers: PyTorch's fans, the statistics and bounds of each scheme, determinism, bad arguments. */
class InitTest {

    /** Large enough that the sample mean and variance are within a few per cent. */
    private static final int ROWS = 500;
    private static final int COLS = 400;

    private static double mean(double[] v) {
        double s = 0.0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    private static double variance(double[] v) {
        double m = mean(v);
        double s = 0.0;
        for (double x : v) {
            s += (x - m) * (x - m);
        }
        return s / (v.length - 1);
    }

    private static double maxAbs(double[] v) {
        double m = 0.0;
        for (double x : v) {
            m = Math.max(m, Math.abs(x));
        }
        return m;
    }

    /** Mean near 0 and variance near {@code var} (2% relative, with n = 200000 the sd of the sample variance is ~0.3%). */
    private static void assertCentredWithVariance(double var, double[] v) {
        assertEquals(0.0, mean(v), 5 * Math.sqrt(var / v.length));
        assertEquals(var, variance(v), 0.02 * var);
    }

    /** Uniform on (-bound, bound): within the bound, reaching near it, with variance bound^2 / 3. */
    private static void assertUniformWithin(double bound, double[] v) {
        assertTrue(maxAbs(v) <= bound, "max |x| " + maxAbs(v) + " exceeds " + bound);
        assertTrue(maxAbs(v) > 0.999 * bound, "max |x| " + maxAbs(v) + " far below " + bound);
        assertCentredWithVariance(bound * bound / 3.0, v);
    }

    @Test
    void fansFollowPyTorch() {
        Tensor conv = Tensor.zeros(16, 3, 5, 5);
        assertEquals(3 * 25, Init.fanIn(conv));
        assertEquals(16 * 25, Init.fanOut(conv));
        Tensor linear = Tensor.zeros(20, 10);
        assertEquals(10, Init.fanIn(linear));
        assertEquals(20, Init.fanOut(linear));
        assertEquals("Init.xavierUniform: fan in and fan out need a tensor of at least 2 dims, got shape (5,)",
                assertThrows(IllegalArgumentException.class,
                        () -> Init.xavierUniform(Tensor.zeros(5), new Random(0))).getMessage());
        assertEquals("Init.fanIn: fan in and fan out need a tensor of at least 2 dims, got shape ()",
                assertThrows(IllegalArgumentException.class, () -> Init.fanIn(Tensor.scalar(1))).getMessage());
    }

    @Test
    void uniformStaysInItsBoundsWithTheRightMoments() {
        double[] v = Init.uniform(Tensor.zeros(ROWS, COLS), -1.0, 3.0, new Random(0)).toArray();
        for (double x : v) {
            assertTrue(x >= -1.0 && x < 3.0);
        }
        assertEquals(1.0, mean(v), 0.01);
        assertEquals(16.0 / 12.0, variance(v), 0.02 * 16.0 / 12.0);
    }

    @Test
    void normalHasTheRightMoments() {
        double[] v = Init.normal(Tensor.zeros(ROWS, COLS), 2.0, 0.5, new Random(1)).toArray();
        assertEquals(2.0, mean(v), 5 * 0.5 / Math.sqrt(v.length));
        assertEquals(0.25, variance(v), 0.02 * 0.25);
    }

    @Test
    void xavierScalesByBothFans() {
        double gain = 1.5;
        double std = gain * Math.sqrt(2.0 / (ROWS + COLS));
        assertUniformWithin(Math.sqrt(3) * std, Init.xavierUniform(Tensor.zeros(ROWS, COLS), gain, new Random(2)).toArray());
        assertCentredWithVariance(std * std, Init.xavierNormal(Tensor.zeros(ROWS, COLS), gain, new Random(3)).toArray());
        double unit = Math.sqrt(6.0 / (ROWS + COLS));
        assertUniformWithin(unit, Init.xavierUniform(Tensor.zeros(ROWS, COLS), new Random(4)).toArray());
    }

    @Test
    void kaimingUsesTheReluGainAndFanInByDefault() {
        double std = Math.sqrt(2.0) / Math.sqrt(COLS);
        assertUniformWithin(Math.sqrt(3) * std, Init.kaimingUniform(Tensor.zeros(ROWS, COLS), new Random(5)).toArray());
        assertCentredWithVariance(std * std, Init.kaimingNormal(Tensor.zeros(ROWS, COLS), new Random(6)).toArray());
    }

    @Test
    void kaimingTakesALeakySlopeAndAFanMode() {
        double a = 0.2;
        double gain = Math.sqrt(2.0 / (1 + a * a));
        assertCentredWithVariance(gain * gain / COLS,
                Init.kaimingNormal(Tensor.zeros(ROWS, COLS), a, new Random(7)).toArray());
        assertCentredWithVariance(gain * gain / ROWS,
                Init.kaimingNormal(Tensor.zeros(ROWS, COLS), a, FanMode.FAN_OUT, new Random(8)).toArray());
        assertUniformWithin(gain * Math.sqrt(3.0 / ROWS),
                Init.kaimingUniform(Tensor.zeros(ROWS, COLS), a, FanMode.FAN_OUT, new Random(9)).toArray());
        // PyTorch's nn.Linear default: a = sqrt 5 gives U(-1/sqrt(fanIn), 1/sqrt(fanIn))
        assertUniformWithin(1.0 / Math.sqrt(COLS),
                Init.kaimingUniform(Tensor.zeros(ROWS, COLS), Math.sqrt(5), new Random(10)).toArray());
    }

    @Test
    void eachSchemeRepeatsForASeedAndDiffersAcrossSeeds() {
        BiFunction<Tensor, Random, Tensor>[] schemes = schemes();
        for (BiFunction<Tensor, Random, Tensor> scheme : schemes) {
            double[] a = scheme.apply(Tensor.zeros(6, 7), new Random(99)).toArray();
            double[] b = scheme.apply(Tensor.zeros(6, 7), new Random(99)).toArray();
            double[] c = scheme.apply(Tensor.zeros(6, 7), new Random(100)).toArray();
            assertArrayEquals(a, b, 0.0);
            assertTrue(!java.util.Arrays.equals(a, c));
        }
    }

    @SuppressWarnings("unchecked")
    private static BiFunction<Tensor, Random, Tensor>[] schemes() {
        return new BiFunction[] {
            (BiFunction<Tensor, Random, Tensor>) (t, r) -> Init.uniform(t, -1, 1, r),
            (BiFunction<Tensor, Random, Tensor>) (t, r) -> Init.normal(t, 0, 1, r),
            (BiFunction<Tensor, Random, Tensor>) Init::xavierUniform,
            (BiFunction<Tensor, Random, Tensor>) Init::xavierNormal,
            (BiFunction<Tensor, Random, Tensor>) Init::kaimingUniform,
            (BiFunction<Tensor, Random, Tensor>) Init::kaimingNormal,
        };
    }

    @Test
    void fillsAParameterInPlaceWithoutRecordingOrTouchingItsGradient() {
        Tensor w = Tensor.zeros(3, 4).requiresGrad(true);
        assertSame(w, Init.kaimingUniform(w, new Random(0)));
        assertTrue(w.isLeaf());
        assertTrue(w.requiresGrad());
        assertNull(w.grad());
        assertArrayEquals(new double[] {7, 7, 7}, Init.constant(Tensor.zeros(3), 7).toArray(), 0.0);
        assertArrayEquals(new double[] {1, 1}, Init.ones(Tensor.zeros(2)).toArray(), 0.0);
        assertArrayEquals(new double[] {0, 0}, Init.zeros(Tensor.ones(2)).toArray(), 0.0);
        assertEquals(0, Init.xavierNormal(Tensor.zeros(0, 3), new Random(0)).numel());
    }

    @Test
    void rejectsBadArgumentsBeforeDrawingOrWriting() {
        Tensor made = Tensor.ones(2, 2).requiresGrad(true).mul(2.0);
        assertEquals("Init.normal: expected a leaf, got a tensor of shape (2, 2) made by mul",
                assertThrows(IllegalArgumentException.class, () -> Init.normal(made, 0, 1, new Random(0))).getMessage());
        Tensor t = Tensor.ones(2);
        Random rng = new Random(0);
        assertEquals("Init.uniform: bounds must be finite with a <= b, got a = 1.0, b = 0.0",
                assertThrows(IllegalArgumentException.class, () -> Init.uniform(t, 1, 0, rng)).getMessage());
        assertEquals("Init.normal: mean must be finite and std finite and >= 0, got mean = 0.0, std = -1.0",
                assertThrows(IllegalArgumentException.class, () -> Init.normal(t, 0, -1, rng)).getMessage());
        assertEquals("Init.xavierNormal: gain must be finite and >= 0, got NaN",
                assertThrows(IllegalArgumentException.class,
                        () -> Init.xavierNormal(Tensor.ones(2, 2), Double.NaN, rng)).getMessage());
        assertEquals("Init.kaimingUniform: negative slope a must be finite, got Infinity",
                assertThrows(IllegalArgumentException.class,
                        () -> Init.kaimingUniform(Tensor.ones(2, 2), Double.POSITIVE_INFINITY, rng)).getMessage());
        assertArrayEquals(new double[] {1, 1}, t.toArray(), 0.0);
        assertEquals(new Random(0).nextLong(), rng.nextLong(), "no draws were made");
    }
}
