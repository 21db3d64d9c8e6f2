package io.github.autograd4j.nn;

import io.github.autograd4j.Tensor;

/**
 * What a recurrent network returns, as PyTorch's {@code output, h_n} ({@code output, (h_n, c_n)}
 * for an LSTM): the last layer's hidden state at every time step, and every layer's state after the
 * last step.
 *
 * @param output the last layer's hidden states, {@code (L, B, H)}, or {@code (B, L, H)} with
 *               {@code batch_first}, or {@code (L, H)} for unbatched input
 * @param h      each layer's hidden state after the last step, {@code (num_layers, B, H)}
 *               ({@code (num_layers, H)} unbatched)
 * @param c      an LSTM's cell states after the last step, of {@code h}'s shape; null for RNN and
 *               GRU, which have none
 */
public record RecurrentOutput(Tensor output, Tensor h, Tensor c) {

    /**
     * An LSTM's final state as one value, for its next call.
     *
     * @return {@code (h, c)}
     * @throws IllegalStateException for the output of an RNN or a GRU, which has no cell state
     */
    public LSTMState lstmState() {
        if (c == null) {
            throw new IllegalStateException("RecurrentOutput: this output has no cell state c (it is not an LSTM's)");
        }
        return new LSTMState(h, c);
    }
}
