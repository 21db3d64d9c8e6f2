package io.github.autograd4j.nn;

import io.github.autograd4j.Generator;
import io.github.autograd4j.Tensor;
import java.util.Random;

/**
 * An Elman cell, as PyTorch's {@code nn.RNNCell}: {@code h' = tanh(x W_ih^T + b_ih + h W_hh^T + b_hh)}
 * (or relu). Parameters and initialisation as {@link RNNCellBase} says.
 */
public final class RNNCell extends RNNCellBase {

    /**
     * A tanh cell with biases, drawn from {@link Generator#current()}.
     *
     * @param inputSize  the input's size
     * @param hiddenSize the hidden state's size
     */
    public RNNCell(int inputSize, int hiddenSize) {
        this(inputSize, hiddenSize, true, false, Generator.current());
    }

    /**
     * A cell with every option.
     *
     * @param inputSize  the input's size
     * @param hiddenSize the hidden state's size
     * @param bias       whether the cell has {@code bias_ih} and {@code bias_hh}
     * @param relu       relu instead of tanh (PyTorch's {@code nonlinearity='relu'})
     * @param rng        the source of the initial values
     */
    public RNNCell(int inputSize, int hiddenSize, boolean bias, boolean relu, Random rng) {
        super(relu ? Recurrence.RNN_RELU : Recurrence.RNN_TANH, inputSize, hiddenSize, bias, rng);
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
