package io.github.autograd4j.nn;

import io.github.autograd4j.Grad;
import io.github.autograd4j.Tensor;
import java.util.Objects;

/**
 * What {@link BatchNorm1d} and {@link BatchNorm2d} share, as PyTorch's {@code _BatchNorm}: the
 * parameters {@code weight} (ones) and {@code bias} (zeros) when affine, the buffers
 * {@code running_mean} (zeros), {@code running_var} (ones) and {@code num_batches_tracked} when
 * tracking running statistics, and the forward pass. In training mode each call normalises with
 * the batch's statistics and updates the running ones ({@code momentum} weighs the batch; with no
 * momentum, the running statistics are the plain average over the batches seen); in evaluation
 * mode the running statistics normalise. A layer that tracks no running statistics uses the
 * batch's in both modes.
 */
abstract class BatchNorm extends Module {

    private final int numFeatures;
    private final double eps;
    private final Double momentum;
    private final boolean affine;
    private final boolean trackRunningStats;

    BatchNorm(String kind, int numFeatures, double eps, Double momentum, boolean affine, boolean trackRunningStats) {
        if (numFeatures < 1) {
            throw new IllegalArgumentException(kind + ": num_features must be positive, got " + numFeatures);
        }
        this.numFeatures = numFeatures;
        this.eps = eps;
        this.momentum = momentum;
        this.affine = affine;
        this.trackRunningStats = trackRunningStats;
        if (affine) {
            registerParameter("weight", Tensor.ones(numFeatures));
            registerParameter("bias", Tensor.zeros(numFeatures));
        }
        if (trackRunningStats) {
            registerBuffer("running_mean", Tensor.zeros(numFeatures));
            registerBuffer("running_var", Tensor.ones(numFeatures));
            registerBuffer("num_batches_tracked", Tensor.scalar(0));
        }
    }

    /** Whether {@code x} has the number of dims this layer takes. */
    abstract boolean acceptsRank(int rank);

    /** The input shapes this layer takes, for messages: {@code (N, C) or (N, C, L)}. */
    abstract String shapes();

    /**
     * {@code x} normalised per channel (dim 1), scaled and shifted; in training mode the running
     * statistics are updated too, recording nothing.
     *
     * @throws IllegalArgumentException when {@code x} does not have this layer's rank and
     *                                  {@code num_features} channels, or in training holds one value
     *                                  per channel; nothing is updated then
     */
    @Override
    public Tensor forward(Tensor x) {
        Objects.requireNonNull(x, describe() + ": input is null");
        if (!acceptsRank(x.dim()) || x.size(1) != numFeatures) {
            throw new IllegalArgumentException(describe() + ": expected input of shape " + shapes().replace("C", Integer.toString(numFeatures))
                    + ", got " + x.shape());
        }
        boolean tracking = isTraining() && trackRunningStats;
        double batches = tracking ? buffer("num_batches_tracked").item() + 1 : 0;
        double factor = momentum == null ? (tracking ? 1.0 / batches : 0.0) : momentum;
        boolean batchStatistics = isTraining() || !trackRunningStats;
        Tensor y = Tensor.batchNorm(x, trackRunningStats ? buffer("running_mean") : null,
                trackRunningStats ? buffer("running_var") : null, affine ? parameter("weight") : null,
                affine ? parameter("bias") : null, batchStatistics, factor, eps);
        if (tracking) {
            try (var off = Grad.disabled()) {
                buffer("num_batches_tracked").copyFrom(Tensor.scalar(batches));
            }
        }
        return y;
    }

    /**
     * The number of channels.
     *
     * @return {@code num_features}
     */
    public final int numFeatures() {
        return numFeatures;
    }

    @Override
    protected String extraRepr() {
        return numFeatures + ", eps=" + eps + ", momentum=" + (momentum == null ? "None" : momentum) + ", affine=" + affine
                + ", track_running_stats=" + trackRunningStats;
    }
}
