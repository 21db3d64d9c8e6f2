package io.github.autograd4j.nn.loss;

import io.github.autograd4j.Tensor;

/**
 * Negative log-likelihood, as PyTorch's {@code nn.NLLLoss}: for log-probabilities {@code x} of
 * shape {@code (N, C)} (e.g. from {@code logSoftmax(1)}) and class indices {@code y} of shape
 * {@code (N,)} (whole numbers in {@code [0, C)}, stored as doubles), {@code l_n = -x[n, y_n]}.
 */
public final class NLLLoss extends Loss {

    /** Reduced by the mean over the batch. */
    public NLLLoss() {
        this(Reduction.MEAN);
    }

    /**
     * Reduced by {@code reduction}.
     *
     * @param reduction how the per-sample losses are combined: MEAN, SUM or NONE
     */
    public NLLLoss(Reduction reduction) {
        super(reduction);
    }

    @Override
    protected Tensor unreduced(Tensor input, Tensor target) {
        return Targets.picked(name(), input, target).neg();
    }
}
