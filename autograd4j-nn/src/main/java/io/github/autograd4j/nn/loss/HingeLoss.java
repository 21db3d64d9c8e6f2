package io.github.autograd4j.nn.loss;

import io.github.autograd4j.Tensor;

/**
 * The binary hinge (SVM max-margin) loss, as in micrograd's demo: for scores {@code x} and labels
 * {@code y} in {@code {1, -1}} of the same shape, {@code l_i = max(0, margin - y_i x_i)}
 * ({@code margin} 1 by default), so the mean is micrograd's {@code mean(relu(1 - y * score))}.
 * A score on the right side by at least the margin costs nothing.
 */
public final class HingeLoss extends Loss {

    private final double margin;

    /** Margin 1, reduced by the mean. */
    public HingeLoss() {
        this(1.0, Reduction.MEAN);
    }

    /**
     * The given margin and reduction.
     *
     * @param margin    how far on the right side a score must be to cost nothing
     * @param reduction how the per-element losses are combined: MEAN, SUM or NONE
     * @throws IllegalArgumentException when {@code margin} is not finite
     */
    public HingeLoss(double margin, Reduction reduction) {
        super(reduction);
        this.margin = Targets.finite(name(), "margin", margin);
    }

    @Override
    protected Tensor unreduced(Tensor input, Tensor target) {
        Targets.positives(name(), input, target);
        return input.mul(target.detach()).neg().add(margin).relu();
    }

    @Override
    protected String settings() {
        return "margin=" + margin;
    }
}
