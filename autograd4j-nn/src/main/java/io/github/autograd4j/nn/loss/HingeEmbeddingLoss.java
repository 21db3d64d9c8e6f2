package io.github.autograd4j.nn.loss;

import io.github.autograd4j.Tensor;

/**
 * The hinge embedding loss, as PyTorch's {@code nn.HingeEmbeddingLoss}, for an input of distances
 * {@code x} and labels {@code y} in {@code {1, -1}} of the same shape: {@code l_i = x_i} where
 * {@code y_i = 1}, {@code max(0, margin - x_i)} where {@code y_i = -1}: similar pairs are pulled
 * together, dissimilar ones pushed at least {@code margin} apart.
 */
public final class HingeEmbeddingLoss extends Loss {

    private final double margin;

    /** Margin 1, reduced by the mean. */
    public HingeEmbeddingLoss() {
        this(1.0, Reduction.MEAN);
    }

    /**
     * The given margin and reduction.
     *
     * @param margin    the distance dissimilar pairs should keep
     * @param reduction how the per-element losses are combined: MEAN, SUM or NONE
     * @throws IllegalArgumentException when {@code margin} is not finite
     */
    public HingeEmbeddingLoss(double margin, Reduction reduction) {
        super(reduction);
        this.margin = Targets.finite(name(), "margin", margin);
    }

    @Override
    protected Tensor unreduced(Tensor input, Tensor target) {
        Tensor positive = Targets.positives(name(), input, target);
        Tensor negative = positive.neg().add(1.0);
        return input.mul(positive).add(input.neg().add(margin).relu().mul(negative));
    }

    @Override
    protected String settings() {
        return "margin=" + margin;
    }
}
