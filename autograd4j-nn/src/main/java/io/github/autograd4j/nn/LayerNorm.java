package io.github.autograd4j.nn;

import io.github.autograd4j.Tensor;
import java.util.Arrays;
import java.util.Objects;

/**
 * Layer normalisation over the trailing dims, as PyTorch's {@code nn.LayerNorm(normalized_shape,
 * eps=1e-5, elementwise_affine=True)}: each slice of {@code normalized_shape}'s size is brought to
 * mean 0 and variance 1, then scaled by {@code weight} (ones at first) and shifted by {@code bias}
 * (zeros at first) when the layer is affine. Fused forward and backward (see
 * {@link Tensor#layerNorm(Tensor, int[], Tensor, Tensor, double)}).
 */
public final class LayerNorm extends Module {

    private final int[] normalizedShape;
    private final double eps;
    private final boolean affine;

    /**
     * An affine layer norm over the trailing dims {@code normalizedShape}, {@code eps = 1e-5}.
     *
     * @param normalizedShape the sizes of the trailing dims normalised together, at least one
     * @throws IllegalArgumentException when a size is not positive or none is given
     */
    public LayerNorm(int... normalizedShape) {
        this(normalizedShape, 1e-5, true);
    }

    /**
     * A layer norm with every option.
     *
     * @param normalizedShape the sizes of the trailing dims normalised together, at least one
     * @param eps             added to the variance, finite and {@code >= 0}
     * @param elementwiseAffine whether the layer has a weight and a bias
     * @throws IllegalArgumentException when a size is not positive, none is given, or {@code eps} is bad
     */
    public LayerNorm(int[] normalizedShape, double eps, boolean elementwiseAffine) {
        Objects.requireNonNull(normalizedShape, "LayerNorm: normalized shape is null");
        this.normalizedShape = normalizedShape.clone();
        if (normalizedShape.length == 0 || Arrays.stream(normalizedShape).anyMatch(s -> s < 1)) {
            throw new IllegalArgumentException(describe() + ": normalized_shape must hold 1 or more positive sizes");
        }
        if (!(eps >= 0.0) || !Double.isFinite(eps)) {
            throw new IllegalArgumentException(describe() + ": eps must be finite and >= 0, got " + eps);
        }
        this.eps = eps;
        this.affine = elementwiseAffine;
        if (affine) {
            registerParameter("weight", Tensor.ones(normalizedShape));
            registerParameter("bias", Tensor.zeros(normalizedShape));
        }
    }

    /**
     * {@code x} normalised over its trailing dims.
     *
     * @param x of shape {@code (*, normalized_shape...)}
     * @return a new tensor of {@code x}'s shape
     * @throws IllegalArgumentException when {@code x} does not end with the normalized shape
     */
    @Override
    public Tensor forward(Tensor x) {
        Objects.requireNonNull(x, describe() + ": input is null");
        int offset = x.dim() - normalizedShape.length;
        if (offset < 0 || !Arrays.equals(Arrays.copyOfRange(x.shape().toArray(), offset, x.dim()), normalizedShape)) {
            throw new IllegalArgumentException(describe() + ": expected input of shape (*, "
                    + Arrays.toString(normalizedShape).replaceAll("[\\[\\]]", "") + "), got " + x.shape());
        }
        return Tensor.layerNorm(x, normalizedShape, affine ? parameter("weight") : null, affine ? parameter("bias") : null, eps);
    }

    @Override
    String describe() {
        return name() + "(" + shapeText() + ")";
    }

    private String shapeText() {
        return "(" + Arrays.toString(normalizedShape).replaceAll("[\\[\\]]", "") + (normalizedShape.length == 1 ? ",)" : ")");
    }

    @Override
    protected String extraRepr() {
        return shapeText() + ", eps=" + eps + ", elementwise_affine=" + affine;
    }
}
