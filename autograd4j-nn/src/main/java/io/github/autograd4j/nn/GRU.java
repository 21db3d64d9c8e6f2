package io.github.autograd4j.nn;

import io.github.autograd4j.Generator;
import io.github.autograd4j.Tensor;
import java.util.Random;

/**
 * A multi-layer gated recurrent unit, as PyTorch's {@code nn.GRU(input_size, hidden_size, num_layers,
 * bias, batch_first, dropout)}: {@link GRUCell}'s step (gates {@code r, z, n}) in each layer, with
 * the parameter names and layout of {@link RNNBase}.
 */
public final class GRU extends RNNBase {

    /**
     * One layer with biases, sequence first, drawn from {@link Generator#current()}.
     *
     * @param inputSize  the input's last dim
     * @param hiddenSize the hidden state's size
     */
    public GRU(int inputSize, int hiddenSize) {
        this(inputSize, hiddenSize, 1, true, false, 0.0, Generator.current());
    }

    /**
     * A network with every option.
     *
     * @param inputSize  the input's last dim
     * @param hiddenSize the hidden state's size
     * @param numLayers  how many layers are stacked, at least 1
     * @param bias       whether each layer has {@code bias_ih} and {@code bias_hh}
     * @param batchFirst whether inputs and outputs are {@code (N, L, H)} rather than {@code (L, N, H)}
     * @param dropout    the dropout probability on the outputs of each layer but the last, in
     *                   training mode
     * @param rng        the source of the initial values and the dropout masks
     */
    public GRU(int inputSize, int hiddenSize, int numLayers, boolean bias, boolean batchFirst, double dropout, Random rng) {
        super(Recurrence.GRU, inputSize, hiddenSize, numLayers, bias, batchFirst, dropout, rng);
    }

    /**
     * Runs over {@code input} from {@code h0}.
     *
     * @param input the sequence, {@code (L, N, input_size)}, {@code (N, L, input_size)} with
     *              batch_first, or {@code (L, input_size)}
     * @param h0    the initial hidden states, {@code (num_layers, N, hidden_size)} (or
     *              {@code (num_layers, hidden_size)} unbatched); null for zeros
     * @return the outputs and the final hidden states ({@link RecurrentOutput#c()} is null)
     */
    public RecurrentOutput forward(Tensor input, Tensor h0) {
        return run(input, h0, null);
    }
}
