package io.github.autograd4j.nn.loss;

import io.github.autograd4j.Tensor;

/**
 * Negative log-likelihood, as PyTorch's {@code nn.NLLLoss}: for log-probabilities {@code x} of
 * shape {@code (N, C)} or {@code (N, C, d1, ...)} (e.g. from {@code logSoftmax(1)}) and class
 * indices {@code y} of shape {@code (N, d1, ...)} (whole numbers in {@code [0, C)}, stored as
 * doubles), {@code l = -w[y] x[y]} per place. A target equal to {@code ignoreIndex} (-100 by
 * default) takes no part; with class weights {@code w} the mean is the weighted losses summed,
 * divided by the summed weights of the kept targets, as PyTorch's.
 */
public final class NLLLoss extends Loss {

    private final ClassLoss classes;

    /** No weights, -100 ignored, reduced by the mean over the batch. */
    public NLLLoss() {
        this(Reduction.MEAN);
    }

    /**
     * No weights, -100 ignored, reduced by {@code reduction}.
     *
     * @param reduction how the per-sample losses are combined: MEAN, SUM or NONE
     */
    public NLLLoss(Reduction reduction) {
        this(null, ClassLoss.DEFAULT_IGNORE_INDEX, reduction);
    }

    /**
     * Every option of PyTorch's {@code nn.NLLLoss(weight, ignore_index=..., reduction=...)}.
     *
     * @param weight      one weight per class (copied), or null for none
     * @param ignoreIndex the target value that takes no part
     * @param reduction   how the per-place losses are combined: MEAN, SUM or NONE
     * @throws IllegalArgumentException when the weight is not 1-d
     */
    public NLLLoss(Tensor weight, int ignoreIndex, Reduction reduction) {
        super(reduction);
        this.classes = new ClassLoss(name(), weight, ignoreIndex);
    }

    @Override
    protected Tensor unreduced(Tensor input, Tensor target) {
        return classes.ofIndices(input, input, target, Reduction.NONE, 0.0);
    }

    @Override
    protected Tensor reduced(Tensor input, Tensor target) {
        return classes.ofIndices(input, input, target, reduction(), 0.0);
    }

    @Override
    protected String settings() {
        return classes.settings();
    }
}
