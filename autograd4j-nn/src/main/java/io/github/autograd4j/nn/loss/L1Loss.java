package io.github.autograd4j.nn.loss;

import io.github.autograd4j.Tensor;

/**
 * Mean absolute error, as PyTorch's {@code nn.L1Loss}: {@code l_i = |x_i - y_i|}, reduced; input and
 * target of the same shape. The derivative at {@code x_i = y_i} is 0.
 */
public final class L1Loss extends Loss {

    /** Reduced by the mean. */
    public L1Loss() {
        this(Reduction.MEAN);
    }

    /**
     * Reduced by {@code reduction}.
     *
     * @param reduction how the per-element losses are combined: MEAN, SUM or NONE
     */
    public L1Loss(Reduction reduction) {
        super(reduction);
    }

    @Override
    protected Tensor unreduced(Tensor input, Tensor target) {
        Targets.sameShape(name(), input, target);
        return input.sub(target).abs();
    }
}
