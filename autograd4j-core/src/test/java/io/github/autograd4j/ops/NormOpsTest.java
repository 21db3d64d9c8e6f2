package io.github.autograd4j.ops;

import static io.github.autograd4j.ops.OpAssertions.assertGradients;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.autograd4j.Autograd;
import io.github.autograd4j.DType;
import io.github.autograd4j.Tensor;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Batch and group normalisation: gradients of first and second order (values are PyTorch's,
 * {@link ConvPoolNormParityTest}), the fused form against the composed one, float32, bad input.
 */
class NormOpsTest {

    private final Random rng = new Random(13);

    @Test
    void batchNormGradientsOfBothOrdersInTrainingAndEvaluation() {
        Tensor x = Tensor.randn(rng, 3, 2, 2, 2);
        Tensor w = Tensor.randn(rng, 2);
        Tensor b = Tensor.randn(rng, 2);
        assertGradients(t -> Tensor.batchNorm(t[0], null, null, t[1], t[2], true, 0.1, 1e-5), x, w, b);
        Tensor mean = Tensor.randn(rng, 2);
        Tensor var = Tensor.rand(rng, 2).add(0.5);
        assertGradients(t -> Tensor.batchNorm(t[0], mean, var, t[1], t[2], false, 0.1, 1e-5), x, w, b);
    }

    @Test
    void groupNormGradientsOfBothOrders() {
        assertGradients(t -> Tensor.groupNorm(t[0], 2, t[1], t[2], 1e-5),
                Tensor.randn(rng, 2, 4, 3), Tensor.randn(rng, 4), Tensor.randn(rng, 4));
    }

    @Test
    void theFusedNormalisationEqualsTheComposedOneToSecondOrder() {
        Tensor x = Tensor.randn(rng, 4, 3, 5).requiresGrad(true);
        int[] dims = {0, 2};
        double eps = 1e-5;
        Tensor fused = Tensor.batchNorm(x, null, null, null, null, true, 0.1, eps);
        Tensor composed = x.sub(x.mean(dims, true)).div(x.var(dims, 0, true).add(eps).sqrt());
        assertArrayEquals(composed.toArray(), fused.toArray(), 1e-12);
        Tensor c = Tensor.randn(rng, 4, 3, 5);
        Tensor v = Tensor.randn(rng, 4, 3, 5);
        List<Tensor> g1 = Autograd.grad(fused.mul(c).sum(), List.of(x), true);
        List<Tensor> g2 = Autograd.grad(composed.mul(c).sum(), List.of(x), true);
        assertArrayEquals(g2.get(0).toArray(), g1.get(0).toArray(), 1e-12);
        Tensor h1 = Autograd.grad(g1.get(0).mul(v).sum(), List.of(x), false).get(0);
        Tensor h2 = Autograd.grad(g2.get(0).mul(v).sum(), List.of(x), false).get(0);
        assertArrayEquals(h2.toArray(), h1.toArray(), 1e-11);
    }

    @Test
    void float32StaysFloat32AndAgreesWithFloat64() {
        Tensor x = Tensor.randn(rng, 4, 3, 5, 5);
        Tensor w = Tensor.randn(rng, 3);
        Tensor narrowMean = Tensor.zeros(DType.FLOAT32, 3);
        Tensor narrowVar = Tensor.ones(DType.FLOAT32, 3);
        Tensor wide = Tensor.batchNorm(x, Tensor.zeros(3), Tensor.ones(3), w, null, true, 0.1, 1e-5);
        Tensor narrow = Tensor.batchNorm(x.to(DType.FLOAT32), narrowMean, narrowVar, w.to(DType.FLOAT32), null, true, 0.1, 1e-5);
        assertEquals(DType.FLOAT32, narrow.dtype());
        assertEquals(DType.FLOAT32, narrowVar.dtype());
        assertArrayEquals(wide.toArray(), narrow.toArray(), 1e-5);
        Tensor g = Tensor.groupNorm(x.to(DType.FLOAT32), 3, null, null, 1e-5);
        assertEquals(DType.FLOAT32, g.dtype());
        assertArrayEquals(Tensor.groupNorm(x, 3, null, null, 1e-5).toArray(), g.toArray(), 1e-5);
    }

    @Test
    void badInputIsNamedAndTheRunningStatisticsStayAsTheyWere() {
        Tensor mean = Tensor.zeros(3);
        Tensor var = Tensor.ones(3);
        assertMessage("batchNorm: expected more than 1 value per channel when training, got input of shape (1, 3) (the variance"
                + " of one value is undefined)", () -> Tensor.batchNorm(Tensor.ones(1, 3), mean, var, null, null, true, 0.1, 1e-5));
        assertMessage("batchNorm: expected running mean of shape (3,) (one per channel of input (2, 3)), got (2,)",
                () -> Tensor.batchNorm(Tensor.ones(2, 3), Tensor.zeros(2), var, null, null, true, 0.1, 1e-5));
        assertMessage("batchNorm: got no running statistics in evaluation (training false), which normalises with them; give the"
                + " running mean and variance both, or (in training only) neither",
                () -> Tensor.batchNorm(Tensor.ones(2, 3), null, null, null, null, false, 0.1, 1e-5));
        assertMessage("batchNorm: got a running mean but no running variance; give the running mean and variance both, or (in"
                + " training only) neither", () -> Tensor.batchNorm(Tensor.ones(2, 3), mean, null, null, null, true, 0.1, 1e-5));
        assertMessage("groupNorm: 2 groups do not divide the 3 channels of input of shape (2, 3, 4)",
                () -> Tensor.groupNorm(Tensor.ones(2, 3, 4), 2, null, null, 1e-5));
        assertArrayEquals(new double[3], mean.toArray(), 0.0);
        assertArrayEquals(new double[] {1, 1, 1}, var.toArray(), 0.0);
    }

    private static void assertMessage(String message, org.junit.jupiter.api.function.Executable bad) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, bad).getMessage());
    }
}
