package io.github.autograd4j.nn;

import io.github.autograd4j.Tensor;
import java.util.Objects;

/**
 * Group normalisation, as PyTorch's {@code nn.GroupNorm}: the channels of an input
 * {@code (N, C, ...)} split into groups, each sample's group normalised with its own mean and
 * variance (the same in training and evaluation), then scaled by {@code weight} (ones) and shifted
 * by {@code bias} (zeros) per channel when affine.
 */
public final class GroupNorm extends Module {

    private final int numGroups;
    private final int numChannels;
    private final double eps;
    private final boolean affine;

    /**
     * PyTorch's defaults: eps 1e-5, affine.
     *
     * @param numGroups   the groups, dividing the channels
     * @param numChannels the channels, C
     */
    public GroupNorm(int numGroups, int numChannels) {
        this(numGroups, numChannels, 1e-5, true);
    }

    /**
     * Every setting.
     *
     * @param numGroups   the groups, dividing the channels
     * @param numChannels the channels, C
     * @param eps         added to the variance
     * @param affine      whether the layer has {@code weight} and {@code bias}
     * @throws IllegalArgumentException when the sizes are not positive or the groups do not divide the channels
     */
    public GroupNorm(int numGroups, int numChannels, double eps, boolean affine) {
        if (numGroups < 1 || numChannels < 1 || numChannels % numGroups != 0) {
            throw new IllegalArgumentException("GroupNorm: num_channels " + numChannels + " must be positive and divisible by"
                    + " num_groups " + numGroups);
        }
        this.numGroups = numGroups;
        this.numChannels = numChannels;
        this.eps = eps;
        this.affine = affine;
        if (affine) {
            registerParameter("weight", Tensor.ones(numChannels));
            registerParameter("bias", Tensor.zeros(numChannels));
        }
    }

    /**
     * {@code x} normalised per sample and group, scaled and shifted per channel.
     *
     * @throws IllegalArgumentException when {@code x} is not {@code (N, C, ...)} with this layer's channels
     */
    @Override
    public Tensor forward(Tensor x) {
        Objects.requireNonNull(x, describe() + ": input is null");
        if (x.dim() < 2 || x.size(1) != numChannels) {
            throw new IllegalArgumentException(describe() + ": expected input of shape (N, " + numChannels + ", ...), got " + x.shape());
        }
        return Tensor.groupNorm(x, numGroups, affine ? parameter("weight") : null, affine ? parameter("bias") : null, eps);
    }

    @Override
    protected String extraRepr() {
        return numGroups + ", " + numChannels + ", eps=" + eps + ", affine=" + affine;
    }
}
