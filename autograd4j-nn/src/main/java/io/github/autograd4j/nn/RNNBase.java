package io.github.autograd4j.nn;

import io.github.autograd4j.Shape;
import io.github.autograd4j.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Random;

/**
 * What {@link RNN}, {@link LSTM} and {@link GRU} share, as PyTorch's {@code nn.RNNBase}: a stack of
 * {@code num_layers} cells run over a sequence, each layer's outputs the next one's inputs (with
 * dropout between layers in training mode). Its parameters are named as PyTorch's, so a state dict
 * maps one to one: per layer {@code k}, {@code weight_ih_lk} {@code (gates * hidden, input)} (the
 * input size for layer 0, {@code hidden} after), {@code weight_hh_lk}, {@code bias_ih_lk},
 * {@code bias_hh_lk}, all drawn from {@code U(-1/sqrt(hidden), 1/sqrt(hidden))}.
 *
 * <p>An input is {@code (L, N, input_size)}, {@code (N, L, input_size)} with {@code batch_first},
 * or {@code (L, input_size)} unbatched. Each layer multiplies the whole sequence by
 * {@code W_ih} at once, then steps through time.
 */
public abstract class RNNBase extends Module {

    private final Recurrence kind;
    private final int inputSize;
    private final int hiddenSize;
    private final int numLayers;
    private final boolean bias;
    private final boolean batchFirst;
    private final Dropout dropout;

    RNNBase(Recurrence kind, int inputSize, int hiddenSize, int numLayers, boolean bias, boolean batchFirst, double dropout,
            Random rng) {
        this.kind = kind;
        this.inputSize = inputSize;
        this.hiddenSize = hiddenSize;
        this.numLayers = numLayers;
        this.bias = bias;
        this.batchFirst = batchFirst;
        if (inputSize < 1 || hiddenSize < 1) {
            throw new IllegalArgumentException(describe() + ": input_size and hidden_size must be positive");
        }
        if (numLayers < 1) {
            throw new IllegalArgumentException(describe() + ": num_layers must be at least 1, got " + numLayers);
        }
        if (!(dropout >= 0.0 && dropout < 1.0)) {
            throw new IllegalArgumentException(describe() + ": dropout must be in [0, 1), got " + dropout);
        }
        Objects.requireNonNull(rng, name() + ": rng is null");
        this.dropout = dropout == 0.0 || numLayers == 1 ? null : new Dropout(dropout, rng);
        int rows = kind.gates() * hiddenSize;
        for (int k = 0; k < numLayers; k++) {
            registerParameter("weight_ih_l" + k, Tensor.zeros(rows, k == 0 ? inputSize : hiddenSize));
            registerParameter("weight_hh_l" + k, Tensor.zeros(rows, hiddenSize));
            if (bias) {
                registerParameter("bias_ih_l" + k, Tensor.zeros(rows));
                registerParameter("bias_hh_l" + k, Tensor.zeros(rows));
            }
        }
        Recurrence.initialize(parameters(), hiddenSize, rng);
    }

    /**
     * Runs the network over {@code input} from states {@code h0} and (for an LSTM) {@code c0},
     * each {@code (num_layers, N, hidden_size)} ({@code (num_layers, hidden_size)} unbatched), null
     * for zeros.
     */
    final RecurrentOutput run(Tensor input, Tensor h0, Tensor c0) {
        Objects.requireNonNull(input, describe() + ": input is null");
        if (input.dim() < 2 || input.dim() > 3 || input.size(-1) != inputSize || input.size(input.dim() == 3 && batchFirst ? 1 : 0) == 0) {
            throw new IllegalArgumentException(describe() + ": expected input of shape (L, N, " + inputSize + "), (N, L, " + inputSize
                    + ") with batch_first, or (L, " + inputSize + ") unbatched, with L >= 1; got " + input.shape());
        }
        boolean unbatched = input.dim() == 2;
        Tensor x = unbatched ? input.unsqueeze(1) : batchFirst ? input.transpose(0, 1) : input;
        int[] stateShape = unbatched ? new int[] {numLayers, hiddenSize} : new int[] {numLayers, x.size(1), hiddenSize};
        Tensor h = state("h0", h0, stateShape, input);
        Tensor c = kind == Recurrence.LSTM ? state("c0", c0, stateShape, input) : null;
        if (unbatched) {
            h = h.unsqueeze(1);
            c = c == null ? null : c.unsqueeze(1);
        }
        List<Tensor> lastH = new ArrayList<>();
        List<Tensor> lastC = new ArrayList<>();
        for (int k = 0; k < numLayers; k++) {
            if (k > 0 && dropout != null) {
                x = dropout.train(isTraining()).forward(x);
            }
            Tensor ih = Tensor.linear(x, parameter("weight_ih_l" + k), bias ? parameter("bias_ih_l" + k) : null);
            Tensor hk = h.select(0, k);
            Tensor ck = c == null ? null : c.select(0, k);
            List<Tensor> outputs = new ArrayList<>();
            for (int t = 0; t < x.size(0); t++) {
                Tensor[] next = kind.step(ih.select(0, t), hk, ck, parameter("weight_hh_l" + k), bias ? parameter("bias_hh_l" + k) : null);
                hk = next[0];
                ck = next[1];
                outputs.add(hk);
            }
            lastH.add(hk);
            lastC.add(ck);
            x = Tensor.stack(outputs, 0);
        }
        Tensor hN = Tensor.stack(lastH, 0);
        Tensor cN = c == null ? null : Tensor.stack(lastC, 0);
        if (unbatched) {
            return new RecurrentOutput(x.squeeze(1), hN.squeeze(1), cN == null ? null : cN.squeeze(1));
        }
        return new RecurrentOutput(batchFirst ? x.transpose(0, 1) : x, hN, cN);
    }

    private Tensor state(String name, Tensor given, int[] shape, Tensor input) {
        if (given == null) {
            return Tensor.zeros(input.dtype(), shape);
        }
        if (!Arrays.equals(given.shape().toArray(), shape)) {
            throw new IllegalArgumentException(describe() + ": expected " + name + " of shape " + Shape.of(shape) + " for input of shape "
                    + input.shape() + ", got " + given.shape());
        }
        return given;
    }

    /** The last layer's outputs at every step, from zero states: {@link RecurrentOutput#output()}. */
    @Override
    public Tensor forward(Tensor input) {
        return run(input, null, null).output();
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
     * The size of each layer's hidden state.
     *
     * @return {@code hidden_size}
     */
    public final int hiddenSize() {
        return hiddenSize;
    }

    /**
     * The number of stacked layers.
     *
     * @return {@code num_layers}
     */
    public final int numLayers() {
        return numLayers;
    }

    @Override
    protected String extraRepr() {
        return inputSize + ", " + hiddenSize + (numLayers == 1 ? "" : ", num_layers=" + numLayers) + (bias ? "" : ", bias=false")
                + (batchFirst ? ", batch_first=true" : "") + (dropout == null ? "" : ", dropout=" + dropout.p());
    }
}
