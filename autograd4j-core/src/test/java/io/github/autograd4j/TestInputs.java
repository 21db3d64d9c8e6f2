package io.github.autograd4j;

import java.util.Random;

/**
 * Random inputs for gradient checks that keep away from kinks and poles, so that finite
 * differences are meaningful: the derivative of relu, abs, max or clamp is not defined at a
 * kink, and a central difference straddling one disagrees with any analytic value.
 */
public final class TestInputs {

    private TestInputs() {
    }

    /** Uniform in {@code [lo, hi)}. */
    public static Tensor uniform(Random rng, double lo, double hi, int... shape) {
        double[] data = new double[Shape.of(shape).numel()];
        for (int i = 0; i < data.length; i++) {
            data[i] = lo + (hi - lo) * rng.nextDouble();
        }
        return Tensor.of(data, shape);
    }

    /**
     * Values in {@code [-2, -0.2] U [0.2, 2]}, pairwise at least 1e-3 apart: never within 0.2 of
     * the kink at 0, and no ties for max/min/sort-like ops.
     */
    public static Tensor awayFromKinks(Random rng, int... shape) {
        int n = Shape.of(shape).numel();
        double[] data = new double[n];
        for (int i = 0; i < n; i++) {
            double candidate;
            do {
                double magnitude = 0.2 + 1.8 * rng.nextDouble();
                candidate = rng.nextBoolean() ? magnitude : -magnitude;
            } while (tooClose(data, i, candidate));
            data[i] = candidate;
        }
        return Tensor.of(data, shape);
    }

    /** Values in {@code [0.5, 2]}: safe for log, sqrt, and as denominators. */
    public static Tensor positive(Random rng, int... shape) {
        return uniform(rng, 0.5, 2.0, shape);
    }

    private static boolean tooClose(double[] data, int filled, double candidate) {
        for (int j = 0; j < filled; j++) {
            if (Math.abs(data[j] - candidate) < 1e-3) {
                return true;
            }
        }
        return false;
    }
}
