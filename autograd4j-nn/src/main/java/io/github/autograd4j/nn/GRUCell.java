package io.github.autograd4j.nn;

import io.github.autograd4j.Generator;
import io.github.autograd4j.Tensor;
import java.util.Random;

/**
 * A gated recurrent unit, as PyTorch's {@code nn.GRUCell}, gates in PyTorch's order {@code r, z, n}:
 * {@code r = sigmoid(x W_ir^T + b_ir + h W_hr^T + b_hr)}, {@code z} likewise,
 * {@code n = tanh(x W_in^T + b_in + r (h W_hn^T + b_hn))}, {@code h' = (1 - z) n + z h}.
 * Parameters and initialisation as {@link RNNCellBase} says.
 */
public final class GRUCell extends RNNCellBase {

    /**
     * A cell with biases, drawn from {@link Generator#current()}.
     *
     * @param inputSize  the input's size
     * @param hiddenSize the hidden state's size
     */
    public GRUCell(int inputSize, int hiddenSize) {
        this(inputSize, hiddenSize, true, Generator.current());
    }

    /**
     * A cell with every option.
     *
     * @param inputSize  the input's size
     * @param hiddenSize the hidden state's size
     * @param bias       whether the cell has {@code bias_ih} and {@code bias_hh}
     * @param rng        the source of the initial values
     */
    public GRUCell(int inputSize, int hiddenSize, boolean bias, Random rng) {
        super(Recurrence.GRU, inputSize, hiddenSize, bias, rng);
    }

    /**
     * The next hidden state.
     *
     * @param x the input, {@code (N, input_size)} or {@code (input_size,)}
     * @param h the hidden state, {@code (N, hidden_size)} or {@code (hidden_size,)}; null for zeros
     * @return the next hidden state, of {@code h}'s shape
     */
    public Tensor forward(Tensor x, Tensor h) {
        return step(x, h, null)[0];
    }

    /** The next hidden state from zeros. */
    @Override
    public Tensor forward(Tensor x) {
        return forward(x, null);
    }
}
