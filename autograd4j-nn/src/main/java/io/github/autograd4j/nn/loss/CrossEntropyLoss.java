package io.github.autograd4j.nn.loss;

import io.github.autograd4j.Tensor;

/**
 * Cross-entropy of logits, as PyTorch's {@code nn.CrossEntropyLoss}, for logits {@code x} of shape
 * {@code (N, C)} or {@code (N, C, d1, ...)} (a class score per place, e.g. per position of a
 * sequence), computed through {@code logSoftmax} over the classes so that any logits (at
 * {@code +-1000} too) give a finite loss and gradient. The target is either
 * <ul>
 * <li>class indices of shape {@code (N, d1, ...)} (whole numbers in {@code [0, C)}, stored as
 *     doubles): {@code l = -w[y] log softmax(x)[y]} per place; a target equal to
 *     {@code ignoreIndex} (PyTorch's default -100) takes no part: its loss is 0 and it does not
 *     count in the mean, or</li>
 * <li>class probabilities of the input's shape: {@code l = -sum_c w[c] y_c log softmax(x)_c}.</li>
 * </ul>
 * With class weights {@code w} (one per class; 1 without them) the mean over class indices is
 * PyTorch's: the weighted losses summed, divided by the summed weights of the kept targets. With
 * label smoothing {@code eps}, the target distribution is mixed with the uniform one:
 * {@code y' = (1 - eps) y + eps / C}, as PyTorch's {@code label_smoothing}.
 *
 * <pre>{@code
 * // logits (N, C, L) of a sequence model, targets (N, L) with padding marked -100
 * Loss criterion = new CrossEntropyLoss(null, -100, Reduction.MEAN, 0.1);
 * }</pre>
 */
public final class CrossEntropyLoss extends Loss {

    /** PyTorch's default {@code ignore_index}, -100: a target of this value takes no part. */
    public static final int DEFAULT_IGNORE_INDEX = ClassLoss.DEFAULT_IGNORE_INDEX;

    private final double labelSmoothing;
    private final ClassLoss classes;

    /** No weights or label smoothing, -100 ignored, reduced by the mean over the batch. */
    public CrossEntropyLoss() {
        this(Reduction.MEAN, 0.0);
    }

    /**
     * No weights or label smoothing, -100 ignored, reduced by {@code reduction}.
     *
     * @param reduction how the per-sample losses are combined: MEAN, SUM or NONE
     */
    public CrossEntropyLoss(Reduction reduction) {
        this(reduction, 0.0);
    }

    /**
     * Reduced by {@code reduction}, with label smoothing {@code labelSmoothing}, no weights, -100 ignored.
     *
     * @param reduction      how the per-sample losses are combined: MEAN, SUM or NONE
     * @param labelSmoothing the weight {@code eps} of the uniform distribution in the target, 0 for
     *                       none
     * @throws IllegalArgumentException when {@code labelSmoothing} is not in {@code [0, 1]}
     */
    public CrossEntropyLoss(Reduction reduction, double labelSmoothing) {
        this(null, DEFAULT_IGNORE_INDEX, reduction, labelSmoothing);
    }

    /**
     * Every option of PyTorch's {@code nn.CrossEntropyLoss(weight, ignore_index=..., reduction=...,
     * label_smoothing=...)}.
     *
     * @param weight         one weight per class (copied), or null for none
     * @param ignoreIndex    the target value that takes no part (class-index targets only)
     * @param reduction      how the per-place losses are combined: MEAN, SUM or NONE
     * @param labelSmoothing the weight {@code eps} of the uniform distribution in the target, 0 for
     *                       none
     * @throws IllegalArgumentException when {@code labelSmoothing} is not in {@code [0, 1]} or the
     *                                  weight is not 1-d
     */
    public CrossEntropyLoss(Tensor weight, int ignoreIndex, Reduction reduction, double labelSmoothing) {
        super(reduction);
        if (!(labelSmoothing >= 0.0 && labelSmoothing <= 1.0)) {
            throw new IllegalArgumentException("CrossEntropyLoss: label smoothing must be in [0, 1], got " + labelSmoothing);
        }
        this.labelSmoothing = labelSmoothing;
        this.classes = new ClassLoss(name(), weight, ignoreIndex);
    }

    @Override
    protected Tensor unreduced(Tensor input, Tensor target) {
        return loss(input, target, Reduction.NONE);
    }

    @Override
    protected Tensor reduced(Tensor input, Tensor target) {
        return loss(input, target, reduction());
    }

    private Tensor loss(Tensor input, Tensor target, Reduction reduction) {
        Targets.scoresOfClasses(name(), input);
        if (ClassLoss.holdsProbabilities(input, target)) {
            return classes.ofProbabilities(input, input.logSoftmax(1), target, reduction, labelSmoothing);
        }
        if (target.dim() != input.dim() - 1) {
            throw new IllegalArgumentException(name() + ": target of shape " + target.shape() + " fits neither class indices "
                    + ClassLoss.placesOf(input) + " nor probabilities " + input.shape() + " for input of shape " + input.shape());
        }
        return classes.ofIndices(input, input.logSoftmax(1), target, reduction, labelSmoothing);
    }

    @Override
    protected String settings() {
        String more = classes.settings();
        return (more.isEmpty() ? "" : more + ", ") + "label_smoothing=" + labelSmoothing;
    }
}
