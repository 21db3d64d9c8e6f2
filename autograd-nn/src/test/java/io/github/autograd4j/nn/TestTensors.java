package io.github.autograd4j.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.autograd4j.Shape;
import io.github.autograd4j.Tensor;
import java.util.Random;

/**
 * Inputs and assertions shared by the nn tests: random inputs that keep away from the kinks of
 * relu, abs and hinge losses (so finite differences are meaningful), and element-wise comparison.
 */
public final class TestTensors {

    private TestTensors() {
    }

    /** Uniform in {@code [lo, hi)}. */
    public static Tensor uniform(Random rng, double lo, double hi, int... shape) {
        double[] data = new double[Shape.of(shape).numel()];
        for (int i = 0; i < data.length; i++) {
            data[i] = lo + (hi - lo) * rng.nextDouble();
        }
        return Tensor.of(data, shape);
    }

    /** Values in {@code [-2, -0.2] U [0.2, 2]}: never within 0.2 of the kink at 0. */
    public static Tensor awayFromKinks(Random rng, int... shape) {
        double[] data = uniform(rng, 0.2, 2.0, shape).toArray();
        for (int i = 0; i < data.length; i++) {
            data[i] = rng.nextBoolean() ? data[i] : -data[i];
        }
        return Tensor.of(data, shape);
    }

    /** Asserts {@code actual} has {@code shape} and elements within {@code tol} of {@code expected}. */
    public static void assertTensor(double[] expected, int[] shape, Tensor actual, double tol) {
        assertEquals(Shape.of(shape), actual.shape(), "shape");
        assertArrayEquals(expected, actual.toArray(), tol);
    }

    /** Asserts {@code actual} is a one-element tensor within {@code tol} of {@code expected}. */
    public static void assertScalar(double expected, Tensor actual, double tol) {
        assertEquals(expected, actual.item(), tol);
    }
}
