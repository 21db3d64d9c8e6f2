package io.github.autograd4j.nn;

import io.github.autograd4j.Tensor;
import java.util.Objects;
import java.util.Random;

/**
 * What {@link RNNCell}, {@link LSTMCell} and {@link GRUCell} share, as PyTorch's
 * {@code nn.RNNCellBase}: the parameters {@code weight_ih} {@code (gates * hidden, input)},
 * {@code weight_hh} {@code (gates * hidden, hidden)}, {@code bias_ih} and {@code bias_hh}
 * {@code (gates * hidden,)} (when asked for), all drawn from {@code U(-1/sqrt(hidden), 1/sqrt(hidden))},
 * and one step on an input of shape {@code (B, input)}, or {@code (input,)} unbatched.
 */
public abstract class RNNCellBase extends Module {

    private final Recurrence kind;
    private final int inputSize;
    private final int hiddenSize;
    private final boolean bias;

    RNNCellBase(Recurrence kind, int inputSize, int hiddenSize, boolean bias, Random rng) {
        this.kind = kind;
        this.inputSize = inputSize;
        this.hiddenSize = hiddenSize;
        this.bias = bias;
        if (inputSize < 1 || hiddenSize < 1) {
            throw new IllegalArgumentException(describe() + ": input_size and hidden_size must be positive");
        }
        Objects.requireNonNull(rng, name() + ": rng is null");
        int rows = kind.gates() * hiddenSize;
        registerParameter("weight_ih", Tensor.zeros(rows, inputSize));
        registerParameter("weight_hh", Tensor.zeros(rows, hiddenSize));
        if (bias) {
            registerParameter("bias_ih", Tensor.zeros(rows));
            registerParameter("bias_hh", Tensor.zeros(rows));
        }
        Recurrence.initialize(parameters(), hiddenSize, rng);
    }

    /**
     * One step from state {@code (h, c)} (null for zeros; {@code c} only for an LSTM).
     *
     * @return the next {@code (h, c)}, of {@code h}'s shape
     */
    final Tensor[] step(Tensor x, Tensor h, Tensor c) {
        Objects.requireNonNull(x, describe() + ": input is null");
        if (x.dim() < 1 || x.dim() > 2 || x.size(-1) != inputSize) {
            throw new IllegalArgumentException(describe() + ": expected input of shape (N, " + inputSize + ") or (" + inputSize
                    + ",) unbatched, got " + x.shape());
        }
        boolean unbatched = x.dim() == 1;
        Tensor batch = unbatched ? x.unsqueeze(0) : x;
        int[] stateShape = unbatched ? new int[] {hiddenSize} : new int[] {x.size(0), hiddenSize};
        Tensor h0 = state("h", h, stateShape, x);
        Tensor c0 = kind == Recurrence.LSTM ? state("c", c, stateShape, x) : null;
        Tensor[] next = kind.step(Tensor.linear(batch, parameter("weight_ih"), bias ? parameter("bias_ih") : null),
                unbatched ? h0.unsqueeze(0) : h0, unbatched && c0 != null ? c0.unsqueeze(0) : c0,
                parameter("weight_hh"), bias ? parameter("bias_hh") : null);
        return unbatched ? new Tensor[] {next[0].squeeze(0), next[1] == null ? null : next[1].squeeze(0)} : next;
    }

    private Tensor state(String name, Tensor given, int[] shape, Tensor like) {
        if (given == null) {
            return Tensor.zeros(like.dtype(), shape);
        }
        if (!java.util.Arrays.equals(given.shape().toArray(), shape)) {
            throw new IllegalArgumentException(describe() + ": expected " + name + " of shape " + io.github.autograd4j.Shape.of(shape)
                    + " for input of shape " + like.shape() + ", got " + given.shape());
        }
        return given;
    }

    /**
     * The size of the input's last dim.
     *
     * @return {@code input_size}
     */
    public final int inputSize() {
        return inputSize;
    }

    /**
     * The size of the hidden state.
     *
     * @return {@code hidden_size}
     */
    public final int hiddenSize() {
        return hiddenSize;
    }

    @Override
    protected String extraRepr() {
        return inputSize + ", " + hiddenSize + (bias ? "" : ", bias=false");
    }
}
