package io.github.autograd4j.nn;

import io.github.autograd4j.Tensor;
import java.util.Objects;

/**
 * The state of an LSTM: the hidden state {@code h} and the cell state {@code c}, of one shape
 * ({@code (B, H)} for a cell, {@code (num_layers, B, H)} for a network; without the batch dim for
 * unbatched input), PyTorch's {@code (h, c)} tuple.
 *
 * @param h the hidden state
 * @param c the cell state
 */
public record LSTMState(Tensor h, Tensor c) {

    /**
     * Checks that neither is null.
     *
     * @param h the hidden state
     * @param c the cell state
     */
    public LSTMState {
        Objects.requireNonNull(h, "LSTMState: h is null");
        Objects.requireNonNull(c, "LSTMState: c is null");
    }
}
