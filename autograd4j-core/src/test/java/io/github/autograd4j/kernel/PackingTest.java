package io.github.autograd4j.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link Packing}'s transposing copy against the copy value by value that it replaces, for every
 * number of runs up to two blocks of four and a remainder, and lengths with and without a
 * remainder of the 4 x 4 blocks; the values around the panel must stay as they were.
 */
class PackingTest {

    private final Random rng = new Random(3);

    @Test
    void transposeMatchesTheCopyValueByValue() {
        for (int rows = 0; rows <= 11; rows++) {
            for (int len = 0; len <= 13; len++) {
                for (int width : new int[] {rows, rows + 1, 16}) {
                    if (width >= Math.max(rows, 1)) {
                        checkDoubles(rows, len, width);
                        checkFloats(rows, len, width);
                    }
                }
            }
        }
    }

    @Test
    void packANotTransposedPadsAPartialPanelWithZeros() {
        // 5 rows of a 6-row panel, 7 columns from column 2 of a 9 x 11 matrix at offset 4
        double[] a = random(4 + 9 * 11);
        double[] out = random(3 + 7 * 6 + 2);
        double[] want = out.clone();
        for (int p = 0; p < 7; p++) {
            for (int i = 0; i < 6; i++) {
                want[3 + p * 6 + i] = i < 5 ? a[4 + (1 + i) * 11 + 2 + p] : 0.0;
            }
        }
        Packing.packA(false, a, 4, 11, 1, 5, 6, 2, 7, out, 3);
        assertArrayEquals(want, out, 0.0);
    }

    private void checkDoubles(int rows, int len, int width) {
        int ld = len + rng.nextInt(3);
        int from = rng.nextInt(4);
        int at = rng.nextInt(4);
        double[] src = random(from + rows * ld + 2);
        double[] out = random(at + len * width + 2);
        double[] want = out.clone();
        for (int r = 0; r < rows; r++) {
            for (int p = 0; p < len; p++) {
                want[at + p * width + r] = src[from + r * ld + p];
            }
        }
        Packing.transpose(src, from, ld, rows, len, width, out, at);
        assertArrayEquals(want, out, 0.0, "rows=" + rows + " len=" + len + " width=" + width);
    }

    private void checkFloats(int rows, int len, int width) {
        int ld = len + rng.nextInt(3);
        int from = rng.nextInt(4);
        int at = rng.nextInt(4);
        float[] src = toFloat(random(from + rows * ld + 2));
        float[] out = toFloat(random(at + len * width + 2));
        float[] want = out.clone();
        for (int r = 0; r < rows; r++) {
            for (int p = 0; p < len; p++) {
                want[at + p * width + r] = src[from + r * ld + p];
            }
        }
        Packing.transpose(src, from, ld, rows, len, width, out, at);
        assertArrayEquals(want, out, 0.0f, "float rows=" + rows + " len=" + len + " width=" + width);
    }

    private double[] random(int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = rng.nextGaussian();
        }
        return x;
    }

    private static float[] toFloat(double[] x) {
        float[] out = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = (float) x[i];
        }
        return out;
    }
}
