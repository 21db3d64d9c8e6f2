package io.github.autograd4j.ops;

import static io.github.autograd4j.ops.OpAssertions.assertGradients;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.autograd4j.Autograd;
import io.github.autograd4j.DType;
import io.github.autograd4j.GradCheck;
import io.github.autograd4j.Shape;
import io.github.autograd4j.Tensor;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * embedding, oneHot, layerNorm and attention: gradients to second order against finite
 * differences, batch and broadcast shapes, float32 against float64, and the behaviours PyTorch
 * users rely on (a padding row gets no gradient, repeats add up, the softmax is stable).
 */
class SequenceOpsTest {

    private final Random rng = new Random(11);

    private Tensor randn(int... shape) {
        return Tensor.randn(rng, shape).requiresGrad(true);
    }

    // ------------------------------------------------------------------ embedding and oneHot

    @Test
    void embeddingLooksUpRowsAndRepeatedIndicesAddTheirGradients() {
        Tensor weight = Tensor.of(new double[][] {{1, 2}, {3, 4}, {5, 6}}).requiresGrad(true);
        Tensor out = Tensor.embedding(Tensor.of(new double[] {2, 0, 2}, 3), weight);
        assertArrayEquals(new double[] {5, 6, 1, 2, 5, 6}, out.toArray(), 0.0);
        out.backward(Tensor.of(new double[][] {{1, 1}, {10, 10}, {100, 100}}));
        assertArrayEquals(new double[] {10, 10, 0, 0, 101, 101}, weight.grad().toArray(), 0.0);
    }

    @Test
    void thePaddingRowIsLookedUpButGetsNoGradientAndANegativePaddingIndexCountsFromTheEnd() {
        Tensor weight = randn(4, 3);
        Tensor indices = Tensor.of(new double[] {3, 1, 3, 0}, 2, 2);
        Tensor out = Tensor.embedding(indices, weight, -1);
        assertEquals(Shape.of(2, 2, 3), out.shape());
        assertEquals(weight.toArray()[9], out.toArray()[0], 0.0);
        out.sum().backward();
        assertArrayEquals(new double[] {1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0}, weight.grad().toArray(), 0.0);
    }

    @Test
    void embeddingPassesGradCheckToSecondOrderAndItsPaddingRowsGradientStaysZero() {
        Tensor indices = Tensor.of(new double[] {0, 2, 2, 1, 4, 0}, 3, 2);
        assertGradients(t -> Tensor.embedding(indices, t[0]).tanh(), randn(5, 3));
        Tensor weight = randn(5, 3);
        Tensor grad = Autograd.grad(Tensor.embedding(indices, weight, 2).pow(2.0).sum(), List.of(weight), true).get(0);
        Tensor second = Autograd.grad(grad.select(0, 2).sum().add(grad.select(0, 0).sum()), List.of(weight), false).get(0);
        assertArrayEquals(new double[3], grad.select(0, 2).toArray(), 0.0);
        assertArrayEquals(new double[] {4, 4, 4}, second.select(0, 0).toArray(), 1e-12, "d/dw of 2 * 2 w summed: row 0 is used twice");
    }

    @Test
    void embeddingKeepsTheTablesTypeWhateverTheIndicesType() {
        Tensor weight = Tensor.randn(rng, 4, 2).to(DType.FLOAT32);
        Tensor out = Tensor.embedding(Tensor.of(new double[] {1, 3}, 2), weight);
        assertEquals(DType.FLOAT32, out.dtype());
        assertArrayEquals(new float[] {weight.floatStorage()[2], weight.floatStorage()[3]}, java.util.Arrays.copyOf(out.floatStorage(), 2));
    }

    @Test
    void oneHotInfersTheClassCountAndIsAConstant() {
        Tensor hot = Tensor.of(new double[] {2, 0}, 2).requiresGrad(true).oneHot(-1);
        assertEquals(Shape.of(2, 3), hot.shape());
        assertArrayEquals(new double[] {0, 0, 1, 1, 0, 0}, hot.toArray(), 0.0);
        assertTrue(!hot.requiresGrad());
    }

    // ------------------------------------------------------------------ layer norm

    @Test
    void layerNormPassesGradCheckToSecondOrderWithAndWithoutScaleAndShift() {
        assertGradients(t -> Tensor.layerNorm(t[0], new int[] {3, 4}, t[1], t[2], 1e-5), randn(2, 3, 4), randn(3, 4), randn(3, 4));
        assertGradients(t -> t[0].layerNorm(4), randn(3, 4));
        assertGradients(t -> Tensor.layerNorm(t[0], new int[] {5}, t[1], null, 0.1), randn(2, 2, 5), randn(5));
    }

    @Test
    void layerNormsFusedBackwardEqualsTheComposedOne() {
        Tensor x = randn(6, 7);
        Tensor w = randn(7);
        Tensor b = randn(7);
        Tensor g = Tensor.randn(rng, 6, 7);
        Function<Boolean, List<Tensor>> grads = create -> Autograd.grad(Tensor.layerNorm(x, new int[] {7}, w, b, 1e-5),
                List.of(x, w, b), g, false, create);
        List<Tensor> fused = grads.apply(false);
        List<Tensor> composed = grads.apply(true);
        for (int i = 0; i < 3; i++) {
            assertArrayEquals(composed.get(i).toArray(), fused.get(i).toArray(), 1e-12, "gradient " + i);
        }
    }

    @Test
    void layerNormNormalisesEachSliceToMeanZeroAndVarianceOne() {
        Tensor out = Tensor.randn(rng, 3, 8).mul(50).add(1e3).layerNorm(8);
        assertArrayEquals(new double[3], out.mean(1).toArray(), 1e-12);
        assertArrayEquals(new double[] {1, 1, 1}, out.var(new int[] {1}, 0, false).toArray(), 1e-5);
    }

    // ------------------------------------------------------------------ attention

    @Test
    void attentionPassesGradCheckToSecondOrderWithBroadcastBatchDimsAMaskAndCausality() {
        Tensor mask = Tensor.of(new double[] {0, -1, 0.5, 0, 0, -2}, 2, 3);
        assertGradients(t -> Tensor.scaledDotProductAttention(t[0], t[1], t[2], mask, true), randn(2, 1, 2, 4), randn(3, 3, 4), randn(3, 3, 2));
        assertGradients(t -> Tensor.scaledDotProductAttention(t[0], t[1], t[2], null, false), randn(3, 4), randn(5, 4), randn(5, 2));
    }

    @Test
    void causalAttentionIgnoresLaterValues() {
        Tensor q = Tensor.randn(rng, 4, 3);
        Tensor k = Tensor.randn(rng, 4, 3);
        Tensor v = Tensor.randn(rng, 4, 2);
        Tensor w = Tensor.attentionWeights(q, k, null, true);
        for (int i = 0; i < 4; i++) {
            for (int j = i + 1; j < 4; j++) {
                assertEquals(0.0, w.get(i, j), 0.0);
            }
        }
        Tensor changedLater = v.clone().add(Tensor.of(new double[] {0, 0, 0, 0, 0, 0, 9, 9}, 4, 2));
        assertArrayEquals(Tensor.scaledDotProductAttention(q, k, v, null, true).slice(0, 0, 3).toArray(),
                Tensor.scaledDotProductAttention(q, k, changedLater, null, true).slice(0, 0, 3).toArray(), 1e-15);
    }

    @Test
    void attentionWeightsAreFiniteForHugeScores() {
        Tensor q = Tensor.of(new double[][] {{1e4, -1e4}, {3e3, 1}});
        Tensor w = Tensor.attentionWeights(q, q.mul(10), null, false);
        for (double v : w.toArray()) {
            assertTrue(Double.isFinite(v) && v >= 0 && v <= 1, "weight " + v);
        }
        assertArrayEquals(new double[] {1, 1}, w.sum(-1).toArray(), 1e-12);
    }

    @Test
    void float32AttentionAndLayerNormAgreeWithFloat64WithinFloat32Precision() {
        Tensor q = Tensor.randn(rng, 2, 5, 8);
        Tensor k = Tensor.randn(rng, 2, 6, 8);
        Tensor v = Tensor.randn(rng, 2, 6, 3);
        Tensor wide = Tensor.scaledDotProductAttention(q, k, v, null, false).layerNorm(3);
        Tensor narrow = Tensor.scaledDotProductAttention(q.to(DType.FLOAT32), k.to(DType.FLOAT32), v.to(DType.FLOAT32), null, false)
                .layerNorm(3);
        assertEquals(DType.FLOAT32, narrow.dtype());
        assertArrayEquals(wide.toArray(), narrow.toArray(), 1e-4);
    }

    @Test
    void aFloat64MaskTakesTheFloat32ScoresType() {
        Tensor q = Tensor.randn(rng, 2, 4).to(DType.FLOAT32);
        Tensor out = Tensor.scaledDotProductAttention(q, q, q, Tensor.zeros(2, 2), false);
        assertEquals(DType.FLOAT32, out.dtype());
        GradCheck.of(t -> Tensor.scaledDotProductAttention(t[0], t[0], t[1], null, false), randn(3, 2), randn(3, 2)).assertPassed();
    }
}
