package io.github.autograd4j.nn;

import io.github.autograd4j.Generator;
import io.github.autograd4j.Tensor;
import java.util.Objects;
import java.util.Random;

/**
 * Inverted dropout, as PyTorch's {@code nn.Dropout}: in training mode each element is zeroed with
 * probability {@code p} and the survivors are scaled by {@code 1 / (1 - p)}, so the expected output
 * is the input; in evaluation mode it is the identity. The mask is drawn from the {@code Random}
 * given at construction, or without one from the default generator of the thread that calls
 * {@link #forward} ({@link Generator#current()}), one {@code nextDouble()} per element in row-major
 * order (an element is kept when the draw is {@code >= p}), so a seed repeats the masks exactly.
 */
public final class Dropout extends Module {

    private final double p;
    /** The source of the masks, or null for the calling thread's default generator. */
    private final Random rng;

    /**
     * Dropout with probability {@code p} of zeroing an element, drawing its masks from {@link Generator#current()}.
     *
     * @param p the probability of zeroing an element
     * @throws IllegalArgumentException when {@code p} is not in {@code [0, 1)}
     */
    public Dropout(double p) {
        this.p = checkedP(p);
        this.rng = null;
    }

    /**
     * Dropout with probability {@code p} of zeroing an element, drawing its masks from {@code rng}.
     *
     * @param p   the probability of zeroing an element
     * @param rng the source of the masks
     * @throws IllegalArgumentException when {@code p} is not in {@code [0, 1)}
     */
    public Dropout(double p, Random rng) {
        this.p = checkedP(p);
        this.rng = Objects.requireNonNull(rng, "Dropout: rng is null");
    }

    private static double checkedP(double p) {
        if (!(p >= 0.0 && p < 1.0)) {
            throw new IllegalArgumentException("Dropout: p must be in [0, 1), got " + p);
        }
        return p;
    }

    /** In training mode {@code x * mask / (1 - p)} with a fresh mask; in evaluation mode (or for p = 0) {@code x}. */
    @Override
    public Tensor forward(Tensor x) {
        Objects.requireNonNull(x, describe() + ": input is null");
        if (!isTraining() || p == 0.0) {
            return x;
        }
        double scale = 1.0 / (1.0 - p);
        Random source = rng != null ? rng : Generator.current();
        double[] mask = new double[x.numel()];
        for (int i = 0; i < mask.length; i++) {
            mask[i] = source.nextDouble() >= p ? scale : 0.0;
        }
        return x.mul(Tensor.of(mask, x.shape().toArray()).to(x.dtype()));
    }

    /**
     * The probability of zeroing an element.
     *
     * @return the probability, in [0, 1)
     */
    public double p() {
        return p;
    }

    @Override
    protected String extraRepr() {
        return "p=" + p;
    }
}
