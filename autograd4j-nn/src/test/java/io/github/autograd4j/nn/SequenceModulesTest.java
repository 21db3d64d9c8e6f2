package io.github.autograd4j.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.autograd4j.DType;
import io.github.autograd4j.GradCheck;
import io.github.autograd4j.Tensor;
import io.github.autograd4j.nn.optim.SGD;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The sequence modules beyond PyTorch's numbers (SequenceModulesInteropTest): PyTorch's default
 * initialisation, parameter names, the padding row, batched and unbatched input, batch-first
 * layout, causality, float32, and gradients against finite differences.
 */
class SequenceModulesTest {

    private final Random rng = new Random(5);

    private static double maxAbs(Tensor t) {
        double m = 0;
        for (double v : t.toArray()) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }

    @Test
    void embeddingIsDrawnFromAStandardNormalAndItsPaddingRowStaysZeroWhileTraining() {
        Embedding big = new Embedding(200, 50, null, rng);
        assertEquals(0.0, big.weight().mean().item(), 0.03);
        assertEquals(1.0, big.weight().std().item(), 0.03);
        Embedding table = new Embedding(5, 3, -1, rng);
        assertEquals("Embedding(5, 3, padding_idx=4)", table.toString());
        assertArrayEquals(new double[3], table.weight().select(0, 4).toArray(), 0.0);
        SGD sgd = new SGD(table.parameters(), 0.5);
        table.forward(Tensor.of(new double[] {4, 1, 4}, 3)).pow(2.0).add(1).sum().backward();
        sgd.step();
        assertArrayEquals(new double[3], table.weight().select(0, 4).toArray(), 0.0);
    }

    @Test
    void recurrentParametersHavePyTorchsNamesAndBounds() {
        LSTM lstm = new LSTM(3, 5, 2, true, false, 0.0, rng);
        assertEquals(List.of("weight_ih_l0", "weight_hh_l0", "bias_ih_l0", "bias_hh_l0",
                "weight_ih_l1", "weight_hh_l1", "bias_ih_l1", "bias_hh_l1"), List.copyOf(lstm.namedParameters().keySet()));
        assertEquals(List.of(20, 3), List.of(lstm.namedParameters().get("weight_ih_l0").size(0), lstm.namedParameters().get("weight_ih_l0").size(1)));
        assertEquals(5, lstm.namedParameters().get("weight_ih_l1").size(1));
        for (Tensor p : lstm.parameters()) {
            assertTrue(maxAbs(p) <= 1 / Math.sqrt(5) && maxAbs(p) > 0.3, "U(-1/sqrt(5), 1/sqrt(5))");
        }
        assertEquals(List.of("weight_ih", "weight_hh"), List.copyOf(new GRUCell(3, 4, false, rng).namedParameters().keySet()));
    }

    @Test
    void attentionIsInitialisedAsPyTorchsAndNamesItsParametersAsPyTorch() {
        MultiheadAttention mha = new MultiheadAttention(16, 4, 0.0, true, false, rng);
        Map<String, Tensor> p = mha.namedParameters();
        assertEquals(List.of("in_proj_weight", "in_proj_bias", "out_proj.weight", "out_proj.bias"), List.copyOf(p.keySet()));
        double xavier = Math.sqrt(6.0 / (16 + 48));
        assertTrue(maxAbs(p.get("in_proj_weight")) <= xavier && maxAbs(p.get("in_proj_weight")) > 0.9 * xavier);
        assertEquals(0.0, maxAbs(p.get("in_proj_bias")));
        assertEquals(0.0, maxAbs(p.get("out_proj.bias")));
        assertTrue(maxAbs(p.get("out_proj.weight")) <= 1 / Math.sqrt(16), "a Linear's U(-1/sqrt(in), 1/sqrt(in))");
        TransformerEncoderLayer layer = new TransformerEncoderLayer(8, 2, 16, 0.1, Tensor::relu, 1e-5, false, false, rng);
        assertEquals(List.of("self_attn", "linear1", "dropout", "linear2", "norm1", "norm2", "dropout1", "dropout2"),
                List.copyOf(layer.namedChildren().keySet()));
        assertArrayEquals(new double[] {1, 1, 1, 1, 1, 1, 1, 1}, layer.namedParameters().get("norm1.weight").toArray(), 0.0);
    }

    @Test
    void unbatchedInputIsABatchOfOneAndBatchFirstIsATranspose() {
        GRU seqFirst = new GRU(3, 4, 2, true, false, 0.0, new Random(1));
        GRU batchFirst = new GRU(3, 4, 2, true, true, 0.0, new Random(1));
        Tensor x = Tensor.randn(rng, 6, 2, 3);
        RecurrentOutput a = seqFirst.forward(x, null);
        RecurrentOutput b = batchFirst.forward(x.transpose(0, 1), null);
        assertArrayEquals(a.output().transpose(0, 1).toArray(), b.output().toArray(), 1e-15);
        assertArrayEquals(a.h().toArray(), b.h().toArray(), 1e-15);
        RecurrentOutput one = seqFirst.forward(x.select(1, 1), null);
        assertArrayEquals(a.output().select(1, 1).toArray(), one.output().toArray(), 1e-15);
        assertArrayEquals(a.h().select(1, 1).toArray(), one.h().toArray(), 1e-15);
        assertNull(one.c());
    }

    @Test
    void anLstmContinuesFromItsOwnFinalState() {
        LSTM lstm = new LSTM(2, 3, 1, true, true, 0.0, rng);
        Tensor x = Tensor.randn(rng, 1, 6, 2);
        RecurrentOutput whole = lstm.forward(x, null);
        RecurrentOutput first = lstm.forward(x.slice(1, 0, 4), null);
        RecurrentOutput rest = lstm.forward(x.slice(1, 4, 6), first.lstmState());
        assertArrayEquals(whole.h().toArray(), rest.h().toArray(), 1e-15);
        assertArrayEquals(whole.c().toArray(), rest.c().toArray(), 1e-15);
    }

    @Test
    void aCausalTransformerLayerDoesNotLookAhead() {
        TransformerEncoderLayer layer = new TransformerEncoderLayer(8, 2, 16, 0.0, Tensor::gelu, 1e-5, true, true, rng);
        Tensor x = Tensor.randn(rng, 1, 5, 8);
        Tensor changed = Tensor.cat(1, x.slice(1, 0, 3), Tensor.randn(rng, 1, 2, 8));
        assertArrayEquals(layer.forward(x, null, null, true).slice(1, 0, 3).toArray(),
                layer.forward(changed, null, null, true).slice(1, 0, 3).toArray(), 1e-12);
    }

    @Test
    void gradientsThroughTheModulesMatchFiniteDifferences() {
        LSTM lstm = new LSTM(2, 3, 2, true, true, 0.0, rng);
        GradCheck.of(t -> lstm.forward(t[0]).tanh(), Tensor.randn(rng, 2, 3, 2)).assertPassed();
        GRU gru = new GRU(2, 3, 1, true, false, 0.0, rng);
        GradCheck.of(t -> gru.forwardWith(Map.of("weight_hh_l0", t[0]), Tensor.ones(3, 1, 2)), gru.namedParameters().get("weight_hh_l0").detach())
                .gradGrad().assertPassed();
        MultiheadAttention mha = new MultiheadAttention(4, 2, 0.0, true, false, rng);
        GradCheck.of(t -> mha.forward(t[0]), Tensor.randn(rng, 3, 2, 4)).gradGrad().assertPassed();
    }

    @Test
    void modulesRunInFloat32AfterTo() {
        TransformerEncoderLayer layer = new TransformerEncoderLayer(8, 2, 16, 0.1, Tensor::relu, 1e-5, true, false, new Random(2));
        TransformerEncoderLayer narrow = new TransformerEncoderLayer(8, 2, 16, 0.1, Tensor::relu, 1e-5, true, false, new Random(2));
        narrow.to(DType.FLOAT32);
        layer.eval();
        narrow.eval();
        Tensor x = Tensor.randn(rng, 2, 4, 8);
        Tensor y = narrow.forward(x.to(DType.FLOAT32), null, null, true);
        assertEquals(DType.FLOAT32, y.dtype());
        assertArrayEquals(layer.forward(x, null, null, true).toArray(), y.toArray(), 1e-4);
        LSTM lstm = new LSTM(3, 4);
        lstm.to(DType.FLOAT32);
        assertEquals(DType.FLOAT32, lstm.forward(Tensor.randn(rng, 5, 3).to(DType.FLOAT32)).dtype());
    }
}
