package io.github.autograd4j.examples.train;

import io.github.autograd4j.Tensor;
import io.github.autograd4j.nn.optim.Adam;
import io.github.autograd4j.nn.optim.AdamW;
import io.github.autograd4j.nn.optim.Optimizer;
import java.util.List;
import java.util.Locale;

/** The optimisers the training commands offer ({@code --optimizer}), with PyTorch's defaults apart from the rate. */
public enum OptimizerKind {
    /** Plain SGD. */
    SGD(0.1),
    /** SGD with momentum 0.9. */
    MOMENTUM(0.05),
    /** Adam (β = 0.9, 0.999; no weight decay). */
    ADAM(1e-3),
    /** AdamW (β = 0.9, 0.999; decoupled weight decay 0.01). */
    ADAMW(1e-3);

    private final double defaultLr;

    OptimizerKind(double defaultLr) {
        this.defaultLr = defaultLr;
    }

    /** The learning rate used when a command's default optimiser is replaced and {@code --lr} is not given. */
    public double defaultLr() {
        return defaultLr;
    }

    /** A new optimiser of this kind over {@code params}. */
    public Optimizer build(List<Tensor> params, double lr) {
        return switch (this) {
            case SGD -> new io.github.autograd4j.nn.optim.SGD(params, lr);
            case MOMENTUM -> io.github.autograd4j.nn.optim.SGD.builder().lr(lr).momentum(0.9).build(params);
            case ADAM -> Adam.builder().lr(lr).build(params);
            case ADAMW -> AdamW.builder().lr(lr).build(params);
        };
    }

    /** The name on the command line, e.g. {@code adamw}. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
