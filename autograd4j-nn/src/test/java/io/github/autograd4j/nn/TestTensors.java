package io.github.autograd4j.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.autograd4j.Shape;
import io.github.autograd4j.Tensor;

/**
 * Assertions shared by the nn tests (random inputs come from core's {@code TestInputs}).
 */
public final class TestTensors {

    private TestTensors() {
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
