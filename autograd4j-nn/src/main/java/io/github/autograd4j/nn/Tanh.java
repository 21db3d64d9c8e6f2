package io.github.autograd4j.nn;

import io.github.autograd4j.Tensor;

/** The hyperbolic tangent elementwise, as PyTorch's {@code nn.Tanh}. */
public final class Tanh extends Module {

    /** {@code tanh(x)}. */
    @Override
    public Tensor forward(Tensor x) {
        return x.tanh();
    }
}
