package io.github.autograd4j.ops;

import static io.github.autograd4j.ops.OpAssertions.assertGradients;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.autograd4j.DType;
import io.github.autograd4j.Shape;
import io.github.autograd4j.Tensor;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Convolutions: gradients of first and second order (values are PyTorch's, {@link ConvPoolNormParityTest}),
 * float32 against float64, batches split into chunks, inputs without a batch dim, bad settings.
 */
class ConvOpsTest {

    private final Random rng = new Random(5);

    private static final int[] ONE = {1};
    private static final int[] ZERO = {0};

    @Test
    void conv2dGradientsOfBothOrdersWithStridePaddingDilationAndGroups() {
        Tensor x = Tensor.randn(rng, 2, 4, 5, 5);
        Tensor w = Tensor.randn(rng, 2, 2, 2, 3);
        Tensor b = Tensor.randn(rng, 2);
        assertGradients(t -> Tensor.conv2d(t[0], t[1], t[2], new int[] {2, 1}, new int[] {1, 0}, new int[] {1, 2}, 2), x, w, b);
    }

    @Test
    void conv2dSameAndConv1dGradientsOfBothOrders() {
        assertGradients(t -> Tensor.conv2d(t[0], t[1], null, ONE, "same", ONE, 1),
                Tensor.randn(rng, 1, 2, 4, 3), Tensor.randn(rng, 2, 2, 2, 3));
        assertGradients(t -> Tensor.conv1d(t[0], t[1], t[2], 2, 1, 1, 1),
                Tensor.randn(rng, 2, 2, 7), Tensor.randn(rng, 3, 2, 3), Tensor.randn(rng, 3));
    }

    @Test
    void convTranspose2dGradientsOfBothOrders() {
        assertGradients(t -> Tensor.convTranspose2d(t[0], t[1], t[2], new int[] {2}, ONE, ONE, 1, ONE),
                Tensor.randn(rng, 2, 2, 3, 2), Tensor.randn(rng, 2, 3, 3, 2), Tensor.randn(rng, 3));
    }

    @Test
    void float32AgreesWithFloat64AndStaysFloat32() {
        Tensor x = Tensor.randn(rng, 3, 4, 9, 9);
        Tensor w = Tensor.randn(rng, 6, 2, 3, 3);
        Tensor b = Tensor.randn(rng, 6);
        Tensor wide = Tensor.conv2d(x, w, b, new int[] {2}, ONE, ONE, 2);
        Tensor narrow = Tensor.conv2d(x.to(DType.FLOAT32), w.to(DType.FLOAT32), b.to(DType.FLOAT32), new int[] {2}, ONE, ONE, 2);
        assertEquals(DType.FLOAT32, narrow.dtype());
        assertArrayEquals(wide.toArray(), narrow.toArray(), 1e-4);
        Tensor up = Tensor.convTranspose2d(narrow, w.to(DType.FLOAT32), null, new int[] {2}, ONE, ONE, 2, ONE);
        assertEquals(DType.FLOAT32, up.dtype());
        assertArrayEquals(Tensor.convTranspose2d(wide, w, null, new int[] {2}, ONE, ONE, 2, ONE).toArray(), up.toArray(), 1e-3);
    }

    @Test
    void aBatchLargerThanOneChunkGivesEachSampleItsOwnConvolution() {
        int perSample = 3 * 3 * 3 * 16 * 16;
        int samples = ConvLoops.COLUMN_BUDGET / perSample + 3;   // two chunks
        Tensor x = Tensor.randn(rng, samples, 3, 16, 16).requiresGrad(true);
        Tensor w = Tensor.randn(rng, 4, 3, 3, 3).requiresGrad(true);
        Tensor y = Tensor.conv2d(x, w, null, ONE, ONE, ONE, 1);
        Tensor g = Tensor.randn(rng, y.shape().toArray());
        y.backward(g);
        Tensor wGrad = Tensor.zeros(4, 3, 3, 3);
        for (int n : new int[] {0, samples - 1}) {
            Tensor xn = x.detach().select(0, n).requiresGrad(true);
            Tensor yn = Tensor.conv2d(xn, w.detach(), null, ONE, ONE, ONE, 1);
            assertArrayEquals(yn.toArray(), y.detach().select(0, n).toArray(), 1e-12, "sample " + n);
            yn.backward(g.select(0, n));
            assertArrayEquals(xn.grad().toArray(), x.grad().select(0, n).toArray(), 1e-12, "sample " + n);
        }
        for (int n = 0; n < samples; n++) {
            Tensor wn = w.detach().requiresGrad(true);
            Tensor.conv2d(x.detach().select(0, n), wn, null, ONE, ONE, ONE, 1).backward(g.select(0, n));
            wGrad = wGrad.add(wn.grad());
        }
        assertArrayEquals(wGrad.toArray(), w.grad().toArray(), 1e-9);
    }

    @Test
    void anInputWithoutABatchDimIsABatchOfOne() {
        Tensor x = Tensor.randn(rng, 2, 5, 6);
        Tensor w = Tensor.randn(rng, 3, 2, 3, 3);
        Tensor y = Tensor.conv2d(x, w, null, ONE, ONE, ONE, 1);
        assertEquals(Shape.of(3, 5, 6), y.shape());
        assertArrayEquals(Tensor.conv2d(x.unsqueeze(0), w, null, ONE, ONE, ONE, 1).squeeze(0).toArray(), y.toArray(), 0.0);
    }

    @Test
    void convTranspose2dIsTheAdjointOfConv2d() {
        Tensor x = Tensor.randn(rng, 2, 3, 7, 6);
        Tensor w = Tensor.randn(rng, 4, 3, 3, 2);
        Tensor y = Tensor.randn(rng, 2, 4, 4, 3);
        int[] stride = {2, 2};
        int[] padding = {1, 0};
        double lhs = Tensor.conv2d(x, w, null, stride, padding, ONE, 1).mul(y).sum().item();
        Tensor back = Tensor.convTranspose2d(y, w, null, stride, padding, ZERO, 1, ONE);
        assertEquals(x.shape(), back.shape());
        assertEquals(lhs, x.mul(back).sum().item(), 1e-10);
    }

    @Test
    void badSettingsAreNamed() {
        Tensor x = Tensor.zeros(1, 2, 5, 5);
        Tensor w = Tensor.zeros(4, 2, 3, 3);
        assertMessage("conv2d: stride must be >= 1 in each dim, got [1, 0]",
                () -> Tensor.conv2d(x, w, null, new int[] {1, 0}, ZERO, ONE, 1));
        assertMessage("conv2d: dilation must be >= 1 in each dim, got [0]", () -> Tensor.conv2d(x, w, null, ONE, ZERO, ZERO, 1));
        assertMessage("conv2d: padding must be >= 0 in each dim, got [-1]",
                () -> Tensor.conv2d(x, w, null, ONE, new int[] {-1}, ONE, 1));
        assertMessage("conv2d: stride needs 1 or 2 values (one per spatial dim), got 3: [1, 1, 1]",
                () -> Tensor.conv2d(x, w, null, new int[] {1, 1, 1}, ZERO, ONE, 1));
        assertMessage("conv2d: groups must be >= 1 and divide the 4 channels in dim 0 of the weight of shape (4, 2, 3, 3), got 0",
                () -> Tensor.conv2d(x, w, null, ONE, ZERO, ONE, 0));
        assertMessage("conv2d: padding must be 'same' or 'valid' (or sizes), got 'full'",
                () -> Tensor.conv2d(x, w, null, ONE, "full", ONE, 1));
        assertMessage("conv1d: expected weight of shape (out_channels, in_channels / groups, kernel_size), got (4, 2, 3, 3)",
                () -> Tensor.conv1d(Tensor.zeros(1, 2, 5), w, null, 1, 0, 1, 1));
        assertMessage("convTranspose2d: weight of shape (4, 2, 3, 3) with 1 group expects input with 4 channels, got input of"
                + " shape (1, 2, 5, 5) with 2", () -> Tensor.convTranspose2d(x, w, null, ONE, ZERO, ZERO, 1, ONE));
        assertMessage("convTranspose2d: input of shape (1, 4, 1, 1) with stride [1, 1], padding [2, 2], dilation [1, 1] and"
                + " output padding [0, 0] gives an empty output of size (-1, -1)",
                () -> Tensor.convTranspose2d(Tensor.zeros(1, 4, 1, 1), w, null, ONE, new int[] {2}, ZERO, 1, ONE));
        assertMessage("conv1d: padding 'same' needs stride 1 in each dim, got [2] (as in PyTorch, a strided convolution has"
                + " no 'same' padding)", () -> Tensor.conv1d(Tensor.zeros(1, 2, 5), Tensor.zeros(1, 2, 3), null, 2, "same", 1, 1));
    }

    private static void assertMessage(String message, org.junit.jupiter.api.function.Executable bad) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, bad).getMessage());
    }
}
