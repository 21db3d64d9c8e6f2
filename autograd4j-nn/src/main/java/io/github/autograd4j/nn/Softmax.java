package io.github.autograd4j.nn;

import io.github.autograd4j.Tensor;

/**
 * Softmax along one dim, as PyTorch's {@code nn.Softmax}: {@code e^x_i / sum_j e^x_j}, computed
 * stably; the values along {@code dim} are positive and sum to 1. For a loss, pass logits to
 * {@link io.github.autograd4j.nn.loss.CrossEntropyLoss} instead, which is stabler.
 */
public final class Softmax extends Module {

    private final int dim;

    /**
     * Softmax along {@code dim} (negative counts from the end).
     *
     * @param dim the dim whose slices sum to 1 (for a batch of logits of shape {@code (n, c)}, 1 or
     *            -1)
     */
    public Softmax(int dim) {
        this.dim = dim;
    }

    /** {@code e^x_i / sum_j e^x_j} along the dim. */
    @Override
    public Tensor forward(Tensor x) {
        return x.softmax(dim);
    }

    @Override
    protected String extraRepr() {
        return "dim=" + dim;
    }
}
