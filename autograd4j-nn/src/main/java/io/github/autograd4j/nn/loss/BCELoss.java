package io.github.autograd4j.nn.loss;

import io.github.autograd4j.Tensor;

/**
 * Binary cross-entropy of probabilities, as PyTorch's {@code nn.BCELoss}:
 * {@code l_i = -(y_i log x_i + (1 - y_i) log(1 - x_i))} with each log clamped to {@code >= -100}
 * (as PyTorch does), so that a probability of exactly 0 or 1 gives a finite loss. Input values must
 * lie in {@code [0, 1]}; input and target of the same shape. Prefer {@link BCEWithLogitsLoss} on
 * logits: it is stabler.
 */
public final class BCELoss extends Loss {

    /** {@code e^-100}: where the clamped log stops (log is clamped by clamping its argument, so the gradient stays finite). */
    private static final double LOG_FLOOR = Math.exp(-100.0);

    /** Reduced by the mean. */
    public BCELoss() {
        this(Reduction.MEAN);
    }

    /**
     * Reduced by {@code reduction}.
     *
     * @param reduction how the per-element losses are combined: MEAN, SUM or NONE
     */
    public BCELoss(Reduction reduction) {
        super(reduction);
    }

    @Override
    protected Tensor unreduced(Tensor input, Tensor target) {
        Targets.sameShape(name(), input, target);
        Targets.probabilities(name(), "input", input);
        Tensor logP = clampedLog(input);
        Tensor logQ = clampedLog(input.neg().add(1.0));
        return target.mul(logP).add(target.neg().add(1.0).mul(logQ)).neg();
    }

    /** {@code max(log p, -100)}, computed as {@code log(max(p, e^-100))}: equal values, and a zero gradient below the floor. */
    private static Tensor clampedLog(Tensor p) {
        return p.clamp(LOG_FLOOR, Double.POSITIVE_INFINITY).log();
    }
}
