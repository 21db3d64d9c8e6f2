package io.github.autograd4j.nn;

import io.github.autograd4j.Tensor;

/**
 * Merges a range of dims into one, as PyTorch's {@code nn.Flatten}: by default every dim but the
 * first (the batch), so {@code (N, C, H, W)} becomes {@code (N, C * H * W)}.
 */
public final class Flatten extends Module {

    private final int startDim;
    private final int endDim;

    /** Flattens dims 1 to -1, as PyTorch's default. */
    public Flatten() {
        this(1, -1);
    }

    /**
     * Flattens dims {@code startDim} to {@code endDim} (negative counts from the end).
     *
     * @param startDim the first dim merged
     * @param endDim   the last dim merged, not before {@code startDim}
     */
    public Flatten(int startDim, int endDim) {
        this.startDim = startDim;
        this.endDim = endDim;
    }

    /**
     * {@code x} with dims {@code startDim} to {@code endDim} merged.
     *
     * @throws IllegalArgumentException when a dim is out of range for {@code x}
     */
    @Override
    public Tensor forward(Tensor x) {
        x.shape().normalize(describe(), startDim);
        x.shape().normalize(describe(), endDim);
        return x.flatten(startDim, endDim);
    }

    @Override
    protected String extraRepr() {
        return "start_dim=" + startDim + ", end_dim=" + endDim;
    }
}
