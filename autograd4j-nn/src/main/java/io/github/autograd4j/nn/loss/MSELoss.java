package io.github.autograd4j.nn.loss;

import io.github.autograd4j.Tensor;

/**
 * Mean squared error, as PyTorch's {@code nn.MSELoss}: {@code l_i = (x_i - y_i)^2}, reduced; input
 * and target of the same shape.
 */
public final class MSELoss extends Loss {

    /** Reduced by the mean. */
    public MSELoss() {
        this(Reduction.MEAN);
    }

    /**
     * Reduced by {@code reduction}.
     *
     * @param reduction how the per-element losses are combined: MEAN, SUM or NONE
     */
    public MSELoss(Reduction reduction) {
        super(reduction);
    }

    @Override
    protected Tensor unreduced(Tensor input, Tensor target) {
        Targets.sameShape(name(), input, target);
        Tensor d = input.sub(target);
        return d.mul(d);
    }
}
