package io.github.autograd4j.nn.loss;

import io.github.autograd4j.Tensor;

/**
 * Binary cross-entropy of logits, as PyTorch's {@code nn.BCEWithLogitsLoss}: the BCE of
 * {@code sigmoid(x_i)}, computed in the stable form
 * {@code l_i = max(x_i, 0) - x_i y_i + log(1 + e^-|x_i|) = softplus(x_i) - x_i y_i},
 * finite for any logit (at {@code +-1000} too) with gradient {@code sigmoid(x_i) - y_i}. Input and
 * target of the same shape; targets are usually 0 or 1 but any value in {@code [0, 1]} works.
 */
public final class BCEWithLogitsLoss extends Loss {

    /** Reduced by the mean. */
    public BCEWithLogitsLoss() {
        this(Reduction.MEAN);
    }

    /**
     * Reduced by {@code reduction}.
     *
     * @param reduction how the per-element losses are combined: MEAN, SUM or NONE
     */
    public BCEWithLogitsLoss(Reduction reduction) {
        super(reduction);
    }

    @Override
    protected Tensor unreduced(Tensor input, Tensor target) {
        Targets.sameShape(name(), input, target);
        return input.softplus().sub(input.mul(target));
    }
}
