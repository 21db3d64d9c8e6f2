package io.github.autograd4j.nn;

import io.github.autograd4j.Tensor;

/** The rectified linear unit {@code max(x, 0)} elementwise, as PyTorch's {@code nn.ReLU}; derivative 0 at 0. */
public final class ReLU extends Module {

    /** {@code max(x, 0)}. */
    @Override
    public Tensor forward(Tensor x) {
        return x.relu();
    }
}
