package io.github.autograd4j.nn;

import io.github.autograd4j.Generator;
import io.github.autograd4j.Tensor;
import java.util.Random;

/**
 * A long short-term memory cell, as PyTorch's {@code nn.LSTMCell}, gates in PyTorch's order
 * {@code i, f, g, o}: {@code c' = f c + i g}, {@code h' = o tanh(c')}, with {@code i, f, o}
 * sigmoids and {@code g} a tanh of {@code x W_ih^T + b_ih + h W_hh^T + b_hh}'s quarters.
 * Parameters and initialisation as {@link RNNCellBase} says.
 */
public final class LSTMCell extends RNNCellBase {

    /**
     * A cell with biases, drawn from {@link Generator#current()}.
     *
     * @param inputSize  the input's size
     * @param hiddenSize the hidden state's size
     */
    public LSTMCell(int inputSize, int hiddenSize) {
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
    public LSTMCell(int inputSize, int hiddenSize, boolean bias, Random rng) {
        super(Recurrence.LSTM, inputSize, hiddenSize, bias, rng);
    }

    /**
     * The next state.
     *
     * @param x     the input, {@code (N, input_size)} or {@code (input_size,)}
     * @param state {@code (h, c)}, each {@code (N, hidden_size)} or {@code (hidden_size,)}; null for zeros
     * @return the next {@code (h, c)}
     */
    public LSTMState forward(Tensor x, LSTMState state) {
        Tensor[] next = step(x, state == null ? null : state.h(), state == null ? null : state.c());
        return new LSTMState(next[0], next[1]);
    }

    /** The next hidden state {@code h'} from zeros. */
    @Override
    public Tensor forward(Tensor x) {
        return forward(x, null).h();
    }
}
