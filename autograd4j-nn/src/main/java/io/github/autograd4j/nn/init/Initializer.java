package io.github.autograd4j.nn.init;

import io.github.autograd4j.Tensor;
import java.util.Random;

/**
 * A way to fill a fresh parameter, for modules that take their initialisation as an argument,
 * e.g. {@code new Linear(3, 2, true, rng, Init::xavierUniform, (b, r) -> Init.zeros(b))}. Any
 * {@link Init} method of a tensor and a {@code Random} fits.
 */
@FunctionalInterface
public interface Initializer {

    /**
     * Overwrites the leaf {@code t} in place, drawing any randomness from {@code rng}.
     *
     * @param t   a leaf parameter; its values are overwritten, its shape kept
     * @param rng the source of any random values
     */
    void initialize(Tensor t, Random rng);
}
