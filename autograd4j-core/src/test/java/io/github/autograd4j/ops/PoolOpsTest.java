package io.github.autograd4j.ops;

import static io.github.autograd4j.ops.OpAssertions.assertGradients;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.autograd4j.DType;
import io.github.autograd4j.Shape;
import io.github.autograd4j.Tensor;
import io.github.autograd4j.TestInputs;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Pooling: gradients of first and second order (values are PyTorch's, {@link ConvPoolNormParityTest}),
 * float32 against float64, NaN, bad settings.
 */
class PoolOpsTest {

    private final Random rng = new Random(9);

    @Test
    void maxPool2dGradientsOfBothOrders() {
        Tensor x = TestInputs.awayFromKinks(rng, 2, 2, 5, 4);   // no ties: a finite difference across one means nothing
        assertGradients(t -> t[0].maxPool2d(new int[] {3, 2}, new int[] {2, 1}, new int[] {1, 0}, new int[] {1}, true), x);
    }

    @Test
    void averagePoolingGradientsOfBothOrders() {
        Tensor x = Tensor.randn(rng, 2, 2, 5, 4);
        assertGradients(t -> t[0].avgPool2d(new int[] {3}, new int[] {2}, new int[] {1}, true, false), x);
        assertGradients(t -> t[0].adaptiveAvgPool2d(3, 3), x);
    }

    @Test
    void float32AgreesWithFloat64AndStaysFloat32() {
        Tensor x = Tensor.randn(rng, 2, 3, 8, 7);
        Tensor narrow = x.to(DType.FLOAT32);
        int[] k = {3};
        int[] s = {2};
        int[] p = {1};
        assertFloat32(x.maxPool2d(k, s, p, new int[] {1}, false), narrow.maxPool2d(k, s, p, new int[] {1}, false));
        assertFloat32(x.avgPool2d(k, s, p, true, true), narrow.avgPool2d(k, s, p, true, true));
        assertFloat32(x.adaptiveAvgPool2d(3, 2), narrow.adaptiveAvgPool2d(3, 2));
    }

    private static void assertFloat32(Tensor wide, Tensor narrow) {
        assertEquals(DType.FLOAT32, narrow.dtype());
        assertArrayEquals(wide.toArray(), narrow.toArray(), 1e-6);
    }

    @Test
    void aNaNInAWindowIsItsMaximum() {
        Tensor x = Tensor.of(new double[] {1, Double.NaN, 3, 4}, 1, 1, 2, 2).requiresGrad(true);
        Tensor y = x.maxPool2d(2);
        assertTrue(Double.isNaN(y.item()));
        y.sum().backward();
        assertArrayEquals(new double[] {0, 1, 0, 0}, x.grad().toArray(), 0.0);
    }

    @Test
    void theDefaultsAreASquareWindowAsItsOwnStride() {
        Tensor x = Tensor.arange(16).reshape(1, 4, 4);
        assertEquals(Shape.of(1, 2, 2), x.maxPool2d(2).shape());
        assertArrayEquals(new double[] {5, 7, 13, 15}, x.maxPool2d(2).toArray(), 0.0);
        assertArrayEquals(new double[] {2.5, 4.5, 10.5, 12.5}, x.avgPool2d(2).toArray(), 0.0);
    }

    @Test
    void badSettingsAreNamed() {
        Tensor x = Tensor.zeros(1, 1, 4, 4);
        assertMessage("maxPool2d: kernel size must be >= 1 in each dim, got [0]",
                () -> x.maxPool2d(new int[] {0}, new int[] {1}, new int[] {0}, new int[] {1}, false));
        assertMessage("avgPool2d: expected input of shape (N, C, H, W) or (C, H, W), got (4, 4)", () -> Tensor.zeros(4, 4).avgPool2d(2));
        assertMessage("adaptiveAvgPool2d: output size must be >= 1 in each dim, got [0, 2]", () -> x.adaptiveAvgPool2d(0, 2));
        assertMessage("adaptiveAvgPool2d: input of shape (1, 0, 3) has an empty spatial dim; expected at least one row and one column",
                () -> Tensor.zeros(1, 0, 3).adaptiveAvgPool2d(1, 1));
    }

    private static void assertMessage(String message, org.junit.jupiter.api.function.Executable bad) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, bad).getMessage());
    }
}
