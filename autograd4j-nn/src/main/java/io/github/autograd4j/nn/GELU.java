package io.github.autograd4j.nn;

import io.github.autograd4j.Tensor;

/** The Gaussian error linear unit {@code x * Phi(x)} elementwise (exact, erf form), as PyTorch's {@code nn.GELU}. */
public final class GELU extends Module {

    /** {@code x * Phi(x)}. */
    @Override
    public Tensor forward(Tensor x) {
        return x.gelu();
    }
}
