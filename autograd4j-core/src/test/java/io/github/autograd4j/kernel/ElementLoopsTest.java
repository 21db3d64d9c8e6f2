package io.github.autograd4j.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link ElementLoops} gives exactly Java's casts and comparisons, at every length around a
 * vector's width and at any offset, for special values too (signed zeros, infinities, NaN,
 * subnormals, doubles that round to a float's subnormal or overflow), and touches nothing outside
 * the range.
 */
class ElementLoopsTest {

    private static final double[] SPECIAL = {0.0, -0.0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN,
        Double.MIN_VALUE, 1e-40, -3e-39, 1e39, -1e300, 1.0000000596046448, 0.1, Float.MAX_VALUE, Math.PI};

    private static double[] doubles(int n, Random random) {
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = i < SPECIAL.length && random.nextBoolean() ? SPECIAL[i] : random.nextGaussian() * 1e3;
        }
        return values;
    }

    @Test
    void narrowingRoundsAsTheCastDoes() {
        Random random = new Random(5);
        for (int length = 0; length < 40; length++) {
            for (int offset = 0; offset < 3; offset++) {
                double[] in = doubles(length + offset, random);
                float[] out = new float[length + 2 * offset];
                ElementLoops.narrow(in, offset, out, offset, length);
                for (int i = 0; i < out.length; i++) {
                    boolean inRange = i >= offset && i < offset + length;
                    assertEquals(inRange ? Float.floatToRawIntBits((float) in[i]) : 0, Float.floatToRawIntBits(out[i]),
                            "length " + length + " offset " + offset + " at " + i);
                }
            }
        }
    }

    @Test
    void wideningIsExact() {
        Random random = new Random(6);
        for (int length = 0; length < 40; length++) {
            for (int offset = 0; offset < 3; offset++) {
                float[] in = ElementLoops.narrowed(doubles(length + offset, random));
                double[] out = new double[length + 2 * offset];
                ElementLoops.widen(in, offset, out, offset, length);
                for (int i = 0; i < out.length; i++) {
                    boolean inRange = i >= offset && i < offset + length;
                    assertEquals(inRange ? Double.doubleToRawLongBits(in[i]) : 0, Double.doubleToRawLongBits(out[i]),
                            "length " + length + " offset " + offset + " at " + i);
                }
            }
        }
    }

    @Test
    void positiveIsOneExactlyWhereTheValueIsAboveZero() {
        Random random = new Random(7);
        for (int length = 0; length < 40; length++) {
            double[] in = doubles(length, random);
            float[] floats = ElementLoops.narrowed(in);
            double[] out = new double[length];
            float[] floatOut = new float[length];
            ElementLoops.positive(in, out);
            ElementLoops.positive(floats, floatOut);
            for (int i = 0; i < length; i++) {
                assertEquals(in[i] > 0 ? 1.0 : 0.0, out[i], "length " + length + " at " + i + ": " + in[i]);
                assertEquals(floats[i] > 0 ? 1.0f : 0.0f, floatOut[i], "float32, length " + length + " at " + i + ": " + floats[i]);
            }
        }
    }
}
