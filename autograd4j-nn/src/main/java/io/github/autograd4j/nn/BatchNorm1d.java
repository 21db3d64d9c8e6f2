package io.github.autograd4j.nn;

/**
 * Batch normalisation of features {@code (N, C)} or sequences {@code (N, C, L)}, as PyTorch's
 * {@code nn.BatchNorm1d}: each channel normalised with its mean and variance over the batch (and
 * the positions), then scaled by {@code weight} and shifted by {@code bias}; the running
 * statistics are buffers ({@code running_mean}, {@code running_var}, {@code num_batches_tracked}),
 * saved with the model and used in {@link #eval()} mode.
 */
public final class BatchNorm1d extends BatchNorm {

    /**
     * PyTorch's defaults: eps 1e-5, momentum 0.1, affine, tracking running statistics.
     *
     * @param numFeatures the channels, C
     */
    public BatchNorm1d(int numFeatures) {
        this(numFeatures, 1e-5, 0.1, true, true);
    }

    /**
     * Every setting.
     *
     * @param numFeatures       the channels, C
     * @param eps               added to the variance
     * @param momentum          the batch's weight in a running update, or null for the plain average
     *                          of every batch so far
     * @param affine            whether the layer has {@code weight} and {@code bias}
     * @param trackRunningStats whether the layer keeps running statistics (else it normalises with
     *                          the batch's in both modes)
     * @throws IllegalArgumentException when {@code numFeatures} is not positive
     */
    public BatchNorm1d(int numFeatures, double eps, Double momentum, boolean affine, boolean trackRunningStats) {
        super("BatchNorm1d", numFeatures, eps, momentum, affine, trackRunningStats);
    }

    @Override
    boolean acceptsRank(int rank) {
        return rank == 2 || rank == 3;
    }

    @Override
    String shapes() {
        return "(N, C) or (N, C, L)";
    }
}
