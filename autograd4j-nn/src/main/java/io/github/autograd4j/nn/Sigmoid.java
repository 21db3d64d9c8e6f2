package io.github.autograd4j.nn;

import io.github.autograd4j.Tensor;

/** The logistic function {@code 1 / (1 + e^-x)} elementwise, as PyTorch's {@code nn.Sigmoid}. */
public final class Sigmoid extends Module {

    /** {@code 1 / (1 + e^-x)}. */
    @Override
    public Tensor forward(Tensor x) {
        return x.sigmoid();
    }
}
