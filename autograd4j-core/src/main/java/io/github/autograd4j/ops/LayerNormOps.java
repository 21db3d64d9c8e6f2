package io.github.autograd4j.ops;

import io.github.autograd4j.Shape;
import io.github.autograd4j.Tensor;
import java.util.Arrays;
import java.util.Objects;

/**
 * Layer normalisation: the normalisation over the trailing dims that batch and group
 * normalisation share ({@link NormOps}: one fused forward, and a fused backward unless the pass
 * records a graph), then the scale and shift, which broadcast over the leading dims.
 */
public final class LayerNormOps {

    private LayerNormOps() {
    }

    /**
     * Layer normalisation over the trailing dims {@code normalizedShape} of {@code x}, as
     * PyTorch's {@code F.layer_norm}: {@code (x - mean) / sqrt(var + eps) * weight + bias}, with
     * the mean and the population variance of each slice of {@code normalizedShape}'s size;
     * {@code weight} and {@code bias} (of shape {@code normalizedShape}, or null for none)
     * broadcast over the leading dims. Same shape as {@code x}. Gradients, with
     * {@code xhat = (x - mean) rstd}, {@code rstd = 1 / sqrt(var + eps)} and
     * {@code gh = g weight}: {@code rstd (gh - mean(gh) - xhat mean(gh xhat))} to {@code x} (means
     * over each slice), {@code g xhat} summed over the leading dims to {@code weight}, {@code g}
     * summed likewise to {@code bias}.
     *
     * @throws IllegalArgumentException when {@code normalizedShape} is empty or is not the trailing
     *                                  shape of {@code x}, {@code weight} or {@code bias} has another
     *                                  shape, or {@code eps} is negative or not finite
     */
    public static Tensor layerNorm(Tensor x, int[] normalizedShape, Tensor weight, Tensor bias, double eps) {
        Objects.requireNonNull(x, "layerNorm: input is null");
        Objects.requireNonNull(normalizedShape, "layerNorm: normalized shape is null");
        Shape normalized = Shape.of("layerNorm", normalizedShape);
        if (normalized.rank() == 0) {
            throw new IllegalArgumentException("layerNorm: the normalized shape is empty; expected the sizes of 1 or more"
                    + " trailing dims of the input");
        }
        if (!endsWith(x.shape(), normalized)) {
            throw new IllegalArgumentException("layerNorm: input of shape " + x.shape() + " does not end with the normalized shape "
                    + normalized + "; expected (*, " + Arrays.stream(normalizedShape).mapToObj(String::valueOf)
                    .collect(java.util.stream.Collectors.joining(", ")) + ")");
        }
        checkAffine("weight", weight, normalized);
        checkAffine("bias", bias, normalized);
        if (!(eps >= 0.0) || !Double.isFinite(eps)) {
            throw new IllegalArgumentException("layerNorm: eps must be finite and >= 0, got " + eps);
        }
        int[] dims = new int[normalized.rank()];
        for (int k = 0; k < dims.length; k++) {
            dims[k] = x.dim() - dims.length + k;
        }
        Tensor xhat = NormOps.normalize("layerNorm", x, dims, eps).out();
        Tensor scaled = weight == null ? xhat : xhat.mul(weight);
        return bias == null ? scaled : scaled.add(bias);
    }

    private static void checkAffine(String name, Tensor t, Shape normalized) {
        if (t != null && !t.shape().equals(normalized)) {
            throw new IllegalArgumentException("layerNorm: " + name + " of shape " + t.shape() + " does not match the normalized shape "
                    + normalized);
        }
    }

    private static boolean endsWith(Shape shape, Shape tail) {
        int offset = shape.rank() - tail.rank();
        if (offset < 0) {
            return false;
        }
        return Arrays.equals(Arrays.copyOfRange(shape.toArray(), offset, shape.rank()), tail.toArray());
    }
}
