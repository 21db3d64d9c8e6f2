package io.github.autograd4j.nn;

import io.github.autograd4j.Tensor;
import io.github.autograd4j.nn.init.Init;
import java.util.List;
import java.util.Random;

/**
 * The step of each kind of recurrent cell, in PyTorch's gate order, shared by the cells and the
 * multi-layer networks. A step gets {@code ih = x W_ih^T + b_ih} already computed (a network
 * computes it for every time step at once, one matrix product) and the state, and returns the
 * next state.
 */
enum Recurrence {
    /** {@code h' = tanh(ih + W_hh h + b_hh)}. */
    RNN_TANH(1),
    /** {@code h' = relu(ih + W_hh h + b_hh)}. */
    RNN_RELU(1),
    /**
     * Gates {@code i, f, g, o} in this order: {@code c' = f c + i g}, {@code h' = o tanh(c')}, with
     * {@code i, f, o} sigmoids and {@code g} a tanh of {@code ih + W_hh h + b_hh}'s quarters.
     */
    LSTM(4),
    /**
     * Gates {@code r, z, n} in this order: {@code r, z} sigmoids of {@code ih + hh}'s thirds,
     * {@code n = tanh(ih_n + r hh_n)}, {@code h' = (1 - z) n + z h}.
     */
    GRU(3);

    private final int gates;

    Recurrence(int gates) {
        this.gates = gates;
    }

    /** How many blocks of {@code hidden_size} rows the weights have. */
    int gates() {
        return gates;
    }

    /**
     * The next state {@code (h', c')} ({@code c} null but for LSTM).
     *
     * @param ih  {@code x W_ih^T + b_ih}, of shape {@code (B, gates * H)}
     * @param h   the hidden state, {@code (B, H)}
     * @param c   the cell state of an LSTM, {@code (B, H)}; null otherwise
     * @param wHh {@code W_hh}, {@code (gates * H, H)}
     * @param bHh {@code b_hh}, {@code (gates * H,)}, or null
     */
    Tensor[] step(Tensor ih, Tensor h, Tensor c, Tensor wHh, Tensor bHh) {
        Tensor hh = Tensor.linear(h, wHh, bHh);
        return switch (this) {
            case RNN_TANH -> new Tensor[] {ih.add(hh).tanh(), null};
            case RNN_RELU -> new Tensor[] {ih.add(hh).relu(), null};
            case LSTM -> {
                List<Tensor> g = ih.add(hh).chunk(4, -1);
                Tensor next = g.get(1).sigmoid().mul(c).add(g.get(0).sigmoid().mul(g.get(2).tanh()));
                yield new Tensor[] {g.get(3).sigmoid().mul(next.tanh()), next};
            }
            case GRU -> {
                List<Tensor> x = ih.chunk(3, -1);
                List<Tensor> y = hh.chunk(3, -1);
                Tensor r = x.get(0).add(y.get(0)).sigmoid();
                Tensor z = x.get(1).add(y.get(1)).sigmoid();
                Tensor n = x.get(2).add(r.mul(y.get(2))).tanh();
                yield new Tensor[] {n.add(z.mul(h.sub(n))), null};
            }
        };
    }

    /**
     * Fills {@code parameters} in order from {@code U(-k, k)}, {@code k = 1 / sqrt(hidden)}: PyTorch's
     * initialisation of every recurrent weight and bias.
     */
    static void initialize(List<Tensor> parameters, int hidden, Random rng) {
        double k = 1.0 / Math.sqrt(hidden);
        for (Tensor p : parameters) {
            Init.uniform(p, -k, k, rng);
        }
    }
}
