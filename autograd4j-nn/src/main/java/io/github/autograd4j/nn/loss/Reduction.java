package io.github.autograd4j.nn.loss;

import io.github.autograd4j.Tensor;

/** How a loss combines its per-element (or per-sample) values, as PyTorch's {@code reduction} argument. */
public enum Reduction {
    /** The mean: the default. */
    MEAN,
    /** The sum. */
    SUM,
    /** No reduction: the per-element (or per-sample) losses themselves. */
    NONE;

    /**
     * {@code losses} reduced this way: a scalar for MEAN and SUM, {@code losses} itself for NONE.
     *
     * @param losses the per-element (or per-sample) losses
     * @return the reduced loss: a scalar for MEAN and SUM, {@code losses} itself for NONE
     */
    public Tensor reduce(Tensor losses) {
        return switch (this) {
            case MEAN -> losses.mean();
            case SUM -> losses.sum();
            case NONE -> losses;
        };
    }
}
