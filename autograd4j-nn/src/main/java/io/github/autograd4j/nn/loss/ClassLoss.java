package io.github.autograd4j.nn.loss;

import io.github.autograd4j.Shape;
import io.github.autograd4j.Tensor;
import java.util.Arrays;
import java.util.Objects;

/**
 * What cross-entropy and NLL share, as PyTorch's {@code nll_loss}: scores of shape {@code (N, C)}
 * or {@code (N, C, d1, ...)} read as rows of {@code C} classes, class-index targets with an
 * ignored index, per-class weights, and the mean over the kept places normalised by their summed
 * weights ({@code sum_n w[y_n] l_n / sum_n w[y_n]}).
 */
final class ClassLoss {

    /** PyTorch's default {@code ignore_index}: a target of -100 takes no part in the loss. */
    static final int DEFAULT_IGNORE_INDEX = -100;

    private final String op;
    private final Tensor weight;
    private final int ignoreIndex;

    /**
     * The settings of a class loss.
     *
     * @param weight a copy of the per-class weights, or null for none
     */
    ClassLoss(String op, Tensor weight, int ignoreIndex) {
        this.op = op;
        if (weight != null && weight.dim() != 1) {
            throw new IllegalArgumentException(op + ": weight must be 1-d, one value per class, got shape " + weight.shape());
        }
        this.weight = weight == null ? null : weight.detach().clone();
        this.ignoreIndex = ignoreIndex;
    }

    /**
     * {@code x} as rows of classes: itself for {@code (N, C)}, {@code (N * d1 * ..., C)} with the
     * class dim moved last for {@code (N, C, d1, ...)}.
     */
    static Tensor rows(Tensor x) {
        if (x.dim() == 2) {
            return x;
        }
        int[] perm = new int[x.dim()];
        perm[0] = 0;
        for (int k = 2; k < x.dim(); k++) {
            perm[k - 1] = k;
        }
        perm[x.dim() - 1] = 1;
        return x.permute(perm).reshape(-1, x.size(1));
    }

    /** The shape of one loss per place: the input's without its class dim. */
    static Shape placesOf(Tensor input) {
        int[] dims = new int[input.dim() - 1];
        dims[0] = input.size(0);
        for (int k = 2; k < input.dim(); k++) {
            dims[k - 1] = input.size(k);
        }
        return Shape.of(dims);
    }

    /** Checks that the weights, if any, have one value per class of {@code input}. */
    private void checkWeight(Tensor input) {
        if (weight != null && weight.size(0) != input.size(1)) {
            throw new IllegalArgumentException(op + ": weight of shape " + weight.shape() + " does not fit " + input.size(1)
                    + " classes; expected shape (" + input.size(1) + ",)");
        }
    }

    /**
     * The loss of log-probabilities {@code logP} (of the input's shape) against class indices,
     * reduced by {@code reduction}, with label smoothing {@code eps}: per place
     * {@code l = (1 - eps) w[y] (-logP[y]) + eps mean_c(w[c] (-logP[c]))}, 0 where ignored, as
     * PyTorch's cross-entropy ({@code eps = 0} is its NLL).
     */
    Tensor ofIndices(Tensor input, Tensor logP, Tensor target, Reduction reduction, double eps) {
        Targets.scoresOfClasses(op, input);
        int[] indices = Targets.classIndices(op, input, target, ignoreIndex);
        checkWeight(input);
        Tensor rows = rows(logP);
        boolean anyIgnored = Arrays.stream(indices).anyMatch(i -> i < 0);
        Tensor nll = Targets.picked(rows, indices).neg();
        double[] rowWeights = null;
        if (weight != null || anyIgnored) {
            double[] w = weight == null ? null : weight.doubles();
            rowWeights = new double[indices.length];
            for (int m = 0; m < indices.length; m++) {
                rowWeights[m] = indices[m] < 0 ? 0.0 : w == null ? 1.0 : w[indices[m]];
            }
            nll = nll.mul(Tensor.of(rowWeights, indices.length).to(input.dtype()));
        }
        Tensor losses = nll;
        if (eps != 0.0) {
            Tensor smooth = (weight == null ? rows : rows.mul(weight.to(input.dtype()))).mean(1, false);
            if (anyIgnored) {
                smooth = smooth.mul(Tensor.of(keptOf(indices), indices.length).to(input.dtype()));
            }
            losses = nll.mul(1.0 - eps).sub(smooth.mul(eps));
        }
        if (rowWeights == null) {
            return reduction == Reduction.NONE ? losses.reshape(placesOf(input).toArray()) : reduction.reduce(losses);
        }
        return switch (reduction) {
            case NONE -> losses.reshape(placesOf(input).toArray());
            case SUM -> losses.sum();
            case MEAN -> losses.sum().div(Arrays.stream(rowWeights).sum());
        };
    }

    /**
     * The loss of log-probabilities {@code logP} against class probabilities {@code target} (the
     * input's shape): per place {@code -sum_c w[c] y'[c] logP[c]} with {@code y' = (1 - eps) y +
     * eps / C}; the mean is over places, as PyTorch's.
     */
    Tensor ofProbabilities(Tensor input, Tensor logP, Tensor target, Reduction reduction, double eps) {
        checkWeight(input);
        Tensor y = rows(target);
        if (eps != 0.0) {
            y = y.mul(1.0 - eps).add(eps / input.size(1));
        }
        Tensor rows = rows(logP);
        Tensor losses = (weight == null ? y : y.mul(weight.to(input.dtype()))).mul(rows).sum(1, false).neg();
        return reduction == Reduction.NONE ? losses.reshape(placesOf(input).toArray()) : reduction.reduce(losses);
    }

    private static double[] keptOf(int[] indices) {
        double[] kept = new double[indices.length];
        for (int m = 0; m < kept.length; m++) {
            kept[m] = indices[m] < 0 ? 0.0 : 1.0;
        }
        return kept;
    }

    /** The settings shown by a loss's {@code toString()} beyond the defaults: {@code "weight=(3,), ignore_index=0"}. */
    String settings() {
        String s = weight == null ? "" : "weight=" + weight.shape();
        if (ignoreIndex != DEFAULT_IGNORE_INDEX) {
            s += (s.isEmpty() ? "" : ", ") + "ignore_index=" + ignoreIndex;
        }
        return s;
    }

    /** Whether {@code target} holds probabilities rather than class indices: it has the input's shape. */
    static boolean holdsProbabilities(Tensor input, Tensor target) {
        return Objects.equals(target.shape(), input.shape());
    }
}
