package io.github.autograd4j.nn;

import io.github.autograd4j.Generator;
import io.github.autograd4j.Tensor;
import java.util.Random;

/**
 * A multi-layer LSTM, as PyTorch's {@code nn.LSTM(input_size, hidden_size, num_layers, bias,
 * batch_first, dropout)}: {@link LSTMCell}'s step (gates {@code i, f, g, o}) in each layer, with
 * the parameter names and layout of {@link RNNBase}.
 *
 * <pre>{@code
 * LSTM lstm = new LSTM(8, 32, 2, true, true, 0.0, new Random(0));   // batch first
 * RecurrentOutput out = lstm.forward(x, null);                      // x: (N, L, 8), zero state
 * out.output();                                                     // (N, L, 32)
 * out.lstmState();                                                  // (h, c), each (2, N, 32)
 * }</pre>
 */
public final class LSTM extends RNNBase {

    /**
     * One layer with biases, sequence first, drawn from {@link Generator#current()}.
     *
     * @param inputSize  the input's last dim
     * @param hiddenSize the hidden state's size
     */
    public LSTM(int inputSize, int hiddenSize) {
        this(inputSize, hiddenSize, 1, true, false, 0.0, Generator.current());
    }

    /**
     * An LSTM with every option.
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
    public LSTM(int inputSize, int hiddenSize, int numLayers, boolean bias, boolean batchFirst, double dropout, Random rng) {
        super(Recurrence.LSTM, inputSize, hiddenSize, numLayers, bias, batchFirst, dropout, rng);
    }

    /**
     * Runs over {@code input} from {@code state}.
     *
     * @param input the sequence, {@code (L, N, input_size)}, {@code (N, L, input_size)} with
     *              batch_first, or {@code (L, input_size)}
     * @param state {@code (h0, c0)}, each {@code (num_layers, N, hidden_size)} (or
     *              {@code (num_layers, hidden_size)} unbatched); null for zeros
     * @return the outputs and the final {@code (h, c)}
     */
    public RecurrentOutput forward(Tensor input, LSTMState state) {
        return run(input, state == null ? null : state.h(), state == null ? null : state.c());
    }
}
