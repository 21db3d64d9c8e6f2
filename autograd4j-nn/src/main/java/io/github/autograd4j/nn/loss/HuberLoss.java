package io.github.autograd4j.nn.loss;

import io.github.autograd4j.Tensor;

/**
 * The Huber loss, as PyTorch's {@code nn.HuberLoss}: with {@code d_i = x_i - y_i},
 * {@code l_i = 0.5 d_i^2} where {@code |d_i| < delta}, else {@code delta * (|d_i| - 0.5 delta)}:
 * quadratic near the target, linear (so robust to outliers) beyond {@code delta}; input and target
 * of the same shape.
 */
public final class HuberLoss extends Loss {

    private final double delta;

    /** Delta 1, reduced by the mean. */
    public HuberLoss() {
        this(1.0, Reduction.MEAN);
    }

    /**
     * The given delta, reduced by the mean.
     *
     * @param delta where the loss turns from quadratic to linear, positive and finite
     */
    public HuberLoss(double delta) {
        this(delta, Reduction.MEAN);
    }

    /**
     * The given delta and reduction.
     *
     * @param delta     where the loss turns from quadratic to linear
     * @param reduction how the per-element losses are combined: MEAN, SUM or NONE
     * @throws IllegalArgumentException when {@code delta} is not positive and finite
     */
    public HuberLoss(double delta, Reduction reduction) {
        super(reduction);
        if (!(delta > 0.0) || Double.isInfinite(delta)) {
            throw new IllegalArgumentException("HuberLoss: delta must be positive and finite, got " + delta);
        }
        this.delta = delta;
    }

    @Override
    protected Tensor unreduced(Tensor input, Tensor target) {
        Targets.sameShape(name(), input, target);
        Tensor d = input.sub(target);
        Tensor absD = d.abs();
        return Tensor.where(absD.lt(delta), d.mul(d).mul(0.5), absD.sub(0.5 * delta).mul(delta));
    }

    @Override
    protected String settings() {
        return "delta=" + delta;
    }
}
