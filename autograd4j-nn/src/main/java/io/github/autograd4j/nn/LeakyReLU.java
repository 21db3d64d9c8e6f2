package io.github.autograd4j.nn;

import io.github.autograd4j.Tensor;

/**
 * The leaky rectified linear unit elementwise, as PyTorch's {@code nn.LeakyReLU}: {@code x} where
 * positive, else {@code negativeSlope * x}.
 */
public final class LeakyReLU extends Module {

    private final double negativeSlope;

    /** With PyTorch's default slope 0.01. */
    public LeakyReLU() {
        this(0.01);
    }

    /**
     * With the given slope for negative inputs.
     *
     * @param negativeSlope the factor applied to negative inputs (PyTorch's default is 0.01)
     * @throws IllegalArgumentException when the slope is not finite
     */
    public LeakyReLU(double negativeSlope) {
        if (!Double.isFinite(negativeSlope)) {
            throw new IllegalArgumentException("LeakyReLU: negative slope must be finite, got " + negativeSlope);
        }
        this.negativeSlope = negativeSlope;
    }

    /** {@code x} where positive, else {@code negativeSlope * x}. */
    @Override
    public Tensor forward(Tensor x) {
        return x.leakyRelu(negativeSlope);
    }

    @Override
    protected String extraRepr() {
        return "negative_slope=" + negativeSlope;
    }
}
