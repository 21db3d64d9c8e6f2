package io.github.autograd4j.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.autograd4j.Tensor;
import io.github.autograd4j.TorchReference;
import io.github.autograd4j.nn.io.SafeTensors;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/**
 * State dicts written by PyTorch (tools/reference/pytorch_seq_modules.py, committed as data) load
 * into our modules of the same architecture by PyTorch's names, one to one, and give PyTorch's
 * outputs and gradients (of the sum of the outputs' squares, with respect to the input and every
 * parameter) to 1e-12 in float64.
 */
class SequenceModulesInteropTest {

    private static final TorchReference REF = TorchReference.load("/io/github/autograd4j/nn/pytorch/seq_modules.txt");
    private static final Random RNG = new Random(0);

    /** Loads {@code name}'s state dict into {@code module}, runs {@code run} on the recorded inputs, and compares. */
    private static <M extends Module> void check(String name, M module, int inputs, BiFunction<M, Tensor[], List<Tensor>> run)
            throws Exception {
        Path file = Path.of(SequenceModulesInteropTest.class.getResource("/io/github/autograd4j/nn/pytorch/" + name + ".safetensors").toURI());
        var state = SafeTensors.read(file).tensors();
        assertEquals(state.keySet(), module.stateDict().keySet(), name + ": PyTorch's names, one to one");
        module.loadStateDict(state);
        module.eval();
        Tensor[] in = new Tensor[inputs];
        for (int i = 0; i < inputs; i++) {
            in[i] = REF.f64(name + ".input" + i);
        }
        in[0].requiresGrad(true);
        List<Tensor> outs = run.apply(module, in);
        Tensor loss = Tensor.scalar(0);
        for (int i = 0; i < outs.size(); i++) {
            REF.assertClose(name + ".output" + i, outs.get(i), 1e-12, 1e-12);
            loss = loss.add(outs.get(i).pow(2.0).sum());
        }
        loss.backward();
        REF.assertClose(name + ".grad.input", in[0].grad(), 1e-12, 1e-12);
        module.namedParameters().forEach((p, t) -> REF.assertClose(name + ".grad." + p, t.grad(), 1e-12, 1e-12));
    }

    @Test
    void aPostNormTransformerLayerWithAMaskAndKeyPadding() throws Exception {
        check("tel_post", new TransformerEncoderLayer(8, 2, 16, 0.0, Tensor::relu, 1e-5, true, false, RNG), 3,
                (m, in) -> List.of(m.forward(in[0], in[1], in[2], false)));
    }

    @Test
    void aPreNormGeluTransformerLayerWhoseCausalFlagIsPyTorchsCausalMask() throws Exception {
        check("tel_pre", new TransformerEncoderLayer(8, 2, 16, 0.0, Tensor::gelu, 1e-5, false, true, RNG), 2,
                (m, in) -> List.of(m.forward(in[0], null, null, true)));
    }

    @Test
    void crossAttentionWithKeyPaddingReturnsTheWeightsAveragedOverHeads() throws Exception {
        check("mha", new MultiheadAttention(8, 2, 0.0, true, true, RNG), 4, (m, in) -> {
            AttentionOutput out = m.forward(in[0], in[1], in[2], in[3], true, null, true, false);
            return List.of(out.output(), out.weights());
        });
    }

    @Test
    void selfAttentionReturnsTheWeightsPerHeadWhenAsked() throws Exception {
        check("mha_heads", new MultiheadAttention(8, 4), 1, (m, in) -> {
            AttentionOutput out = m.forward(in[0], in[0], in[0], null, true, null, false, false);
            return List.of(out.output(), out.weights());
        });
    }

    @Test
    void aTwoLayerBatchFirstLstmFromAGivenState() throws Exception {
        check("lstm", new LSTM(4, 6, 2, true, true, 0.0, RNG), 3, (m, in) -> {
            RecurrentOutput out = m.forward(in[0], new LSTMState(in[1], in[2]));
            return List.of(out.output(), out.h(), out.c());
        });
    }

    @Test
    void aTwoLayerSequenceFirstGru() throws Exception {
        check("gru", new GRU(4, 6, 2, true, false, 0.0, RNG), 2, (m, in) -> {
            RecurrentOutput out = m.forward(in[0], in[1]);
            return List.of(out.output(), out.h());
        });
    }

    @Test
    void anUnbatchedReluRnn() throws Exception {
        check("rnn", new RNN(4, 6, 1, true, true, false, 0.0, RNG), 1, (m, in) -> {
            RecurrentOutput out = m.forward(in[0], null);
            return List.of(out.output(), out.h());
        });
    }

    @Test
    void theCells() throws Exception {
        check("lstm_cell", new LSTMCell(4, 6), 3, (m, in) -> {
            LSTMState next = m.forward(in[0], new LSTMState(in[1], in[2]));
            return List.of(next.h(), next.c());
        });
        check("gru_cell", new GRUCell(4, 6), 2, (m, in) -> List.of(m.forward(in[0], in[1])));
        check("rnn_cell", new RNNCell(4, 6), 2, (m, in) -> List.of(m.forward(in[0], in[1])));
    }
}
