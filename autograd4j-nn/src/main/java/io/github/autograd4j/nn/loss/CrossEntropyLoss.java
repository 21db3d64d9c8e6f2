package io.github.autograd4j.nn.loss;

import io.github.autograd4j.Tensor;

/**
 * Cross-entropy of logits, as PyTorch's {@code nn.CrossEntropyLoss}, for logits {@code x} of shape
 * {@code (N, C)}, computed through {@code logSoftmax} so that any logits (at {@code +-1000} too)
 * give a finite loss and gradient. The target is either
 * <ul>
 * <li>class indices of shape {@code (N,)} (whole numbers in {@code [0, C)}, stored as doubles):
 *     {@code l_n = -log softmax(x_n)[y_n]}, or</li>
 * <li>class probabilities of shape {@code (N, C)}: {@code l_n = -sum_c y_nc log softmax(x_n)_c}.</li>
 * </ul>
 * With label smoothing {@code eps}, the target distribution is mixed with the uniform one:
 * {@code y' = (1 - eps) y + eps / C}, as PyTorch's {@code label_smoothing}.
 */
public final class CrossEntropyLoss extends Loss {

    private final double labelSmoothing;

    /** No label smoothing, reduced by the mean over the batch. */
    public CrossEntropyLoss() {
        this(Reduction.MEAN, 0.0);
    }

    /**
     * No label smoothing, reduced by {@code reduction}.
     *
     * @param reduction how the per-sample losses are combined: MEAN, SUM or NONE
     */
    public CrossEntropyLoss(Reduction reduction) {
        this(reduction, 0.0);
    }

    /**
     * Reduced by {@code reduction}, with label smoothing {@code labelSmoothing}.
     *
     * @param reduction      how the per-sample losses are combined: MEAN, SUM or NONE
     * @param labelSmoothing the weight {@code eps} of the uniform distribution in the target, 0 for
     *                       none
     * @throws IllegalArgumentException when {@code labelSmoothing} is not in {@code [0, 1]}
     */
    public CrossEntropyLoss(Reduction reduction, double labelSmoothing) {
        super(reduction);
        if (!(labelSmoothing >= 0.0 && labelSmoothing <= 1.0)) {
            throw new IllegalArgumentException("CrossEntropyLoss: label smoothing must be in [0, 1], got " + labelSmoothing);
        }
        this.labelSmoothing = labelSmoothing;
    }

    @Override
    protected Tensor unreduced(Tensor input, Tensor target) {
        Targets.batchOfScores(name(), input);
        if (target.shape().equals(input.shape())) {
            Tensor logP = input.logSoftmax(1);
            Tensor smoothed = labelSmoothing == 0.0 ? target
                    : target.mul(1.0 - labelSmoothing).add(labelSmoothing / input.size(1));
            return smoothed.mul(logP).sum(1, false).neg();
        }
        if (target.dim() != 1) {
            throw new IllegalArgumentException(name() + ": target of shape " + target.shape() + " fits neither class indices ("
                    + input.size(0) + ",) nor probabilities " + input.shape() + " for input of shape " + input.shape());
        }
        Tensor logP = input.logSoftmax(1);
        Tensor nll = Targets.picked(name(), logP, target).neg();
        if (labelSmoothing == 0.0) {
            return nll;
        }
        return nll.mul(1.0 - labelSmoothing).sub(logP.mean(1, false).mul(labelSmoothing));
    }

    @Override
    protected String settings() {
        return "label_smoothing=" + labelSmoothing;
    }
}
