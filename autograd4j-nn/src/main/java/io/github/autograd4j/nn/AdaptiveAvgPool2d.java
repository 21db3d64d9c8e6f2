package io.github.autograd4j.nn;

import io.github.autograd4j.Tensor;
import java.util.Objects;

/**
 * 2-d adaptive average pooling, as PyTorch's {@code nn.AdaptiveAvgPool2d}: an input
 * {@code (N, C, H, W)} or {@code (C, H, W)} averaged over cells that tile it into a fixed output
 * size, whatever its own; see {@link Tensor#adaptiveAvgPool2d(int, int)}.
 */
public final class AdaptiveAvgPool2d extends Module {

    private final int outH;
    private final int outW;

    /**
     * A square output of {@code size} by {@code size}.
     *
     * @param size the output's side, at least 1
     */
    public AdaptiveAvgPool2d(int size) {
        this(size, size);
    }

    /**
     * An output of {@code outH} by {@code outW}.
     *
     * @param outH the output's height, at least 1
     * @param outW the output's width, at least 1
     * @throws IllegalArgumentException when a size is below 1
     */
    public AdaptiveAvgPool2d(int outH, int outW) {
        if (outH < 1 || outW < 1) {
            throw new IllegalArgumentException("AdaptiveAvgPool2d: output size must be at least 1 by 1, got (" + outH + ", "
                    + outW + ")");
        }
        this.outH = outH;
        this.outW = outW;
    }

    /** The average of each cell. */
    @Override
    public Tensor forward(Tensor x) {
        Objects.requireNonNull(x, describe() + ": input is null");
        return x.adaptiveAvgPool2d(outH, outW);
    }

    @Override
    protected String extraRepr() {
        return "output_size=(" + outH + ", " + outW + ")";
    }
}
