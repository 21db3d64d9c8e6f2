package io.github.autograd4j.examples;

import java.util.Random;

/**
 * Two interleaving half circles in the plane, as scikit-learn's {@code make_moons}: the data set of
 * micrograd's demo. The outer moon (centre (0, 0)) is labelled -1 and the inner one (centre
 * (1, 0.5)) +1, as the demo's {@code y*2 - 1}; Gaussian noise of the given standard deviation is
 * added to each coordinate. Points come outer moon first (scikit-learn shuffles them; a
 * full-batch step does not care).
 *
 * @param points {@code n} rows of {@code (x, y)}
 * @param labels {@code n} labels, each +1 or -1
 */
public record Moons(double[][] points, double[] labels) {

    /**
     * {@code n} points, {@code n / 2} on the outer moon and the rest on the inner one.
     *
     * @throws IllegalArgumentException if {@code n < 2} or {@code noise < 0}
     */
    public static Moons make(int n, double noise, Random rng) {
        if (n < 2 || !(noise >= 0)) {
            throw new IllegalArgumentException("Moons: need n >= 2 and noise >= 0, got n = " + n + ", noise = " + noise);
        }
        int outer = n / 2;
        double[][] points = new double[n][];
        double[] labels = new double[n];
        for (int i = 0; i < n; i++) {
            boolean inner = i >= outer;
            int count = inner ? n - outer : outer;
            double t = count == 1 ? 0.0 : Math.PI * (inner ? i - outer : i) / (count - 1);
            points[i] = inner
                    ? new double[] {1 - Math.cos(t) + noise * rng.nextGaussian(), 0.5 - Math.sin(t) + noise * rng.nextGaussian()}
                    : new double[] {Math.cos(t) + noise * rng.nextGaussian(), Math.sin(t) + noise * rng.nextGaussian()};
            labels[i] = inner ? 1.0 : -1.0;
        }
        return new Moons(points, labels);
    }

    /** How many points there are. */
    public int size() {
        return labels.length;
    }
}
