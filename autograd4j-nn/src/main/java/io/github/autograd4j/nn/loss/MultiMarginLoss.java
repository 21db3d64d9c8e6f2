package io.github.autograd4j.nn.loss;

import io.github.autograd4j.Tensor;
import java.util.Arrays;

/**
 * The multi-class hinge (SVM) loss, as PyTorch's {@code nn.MultiMarginLoss}: for scores {@code x}
 * of shape {@code (N, C)} and class indices {@code y} of shape {@code (N,)},
 * {@code l_n = sum_{i != y_n} max(0, margin - x[n, y_n] + x[n, i])^p / C} with {@code p} 1 or 2:
 * the right class should beat every other by at least {@code margin}.
 */
public final class MultiMarginLoss extends Loss {

    private final int p;
    private final double margin;

    /** {@code p = 1}, margin 1, reduced by the mean over the batch. */
    public MultiMarginLoss() {
        this(1, 1.0, Reduction.MEAN);
    }

    /**
     * The given power, margin and reduction.
     *
     * @param p         the power of each hinge: 1 or 2
     * @param margin    by how much the right class's score should beat every other
     * @param reduction how the per-sample losses are combined: MEAN, SUM or NONE
     * @throws IllegalArgumentException when {@code p} is not 1 or 2, or the margin is not finite
     */
    public MultiMarginLoss(int p, double margin, Reduction reduction) {
        super(reduction);
        if (p != 1 && p != 2) {
            throw new IllegalArgumentException("MultiMarginLoss: p must be 1 or 2, got " + p);
        }
        this.p = p;
        this.margin = Targets.finite(name(), "margin", margin);
    }

    @Override
    protected Tensor unreduced(Tensor input, Tensor target) {
        Tensor right = Targets.picked(name(), input, target);
        int n = input.size(0);
        int classes = input.size(1);
        double[] others = new double[n * classes];
        Arrays.fill(others, 1.0);
        for (int i = 0; i < n; i++) {
            others[i * classes + (int) target.doubles()[i]] = 0.0;
        }
        Tensor hinge = input.sub(right.reshape(n, 1)).add(margin).relu();
        Tensor powered = p == 2 ? hinge.mul(hinge) : hinge;
        return powered.mul(Tensor.of(others, n, classes)).sum(1, false).div(classes);
    }

    @Override
    protected String settings() {
        return "p=" + p + ", margin=" + margin;
    }
}
