package io.github.autograd4j.nn.loss;

import io.github.autograd4j.Tensor;
import java.util.Objects;

/**
 * A criterion: compares a model's output with a target, as PyTorch's loss modules, and reduces
 * the per-element (or per-sample) losses by its {@link Reduction} (MEAN by default).
 *
 * <pre>{@code
 * Loss criterion = new CrossEntropyLoss();
 * Tensor loss = criterion.forward(net.forward(x), y);
 * loss.backward();
 * }</pre>
 *
 * <p>Inputs are checked before anything is computed; a bad shape or target throws an
 * {@link IllegalArgumentException} naming the loss and what was expected. Gradients reach a
 * target that requires grad where the loss is differentiable in it (as in PyTorch); class indices
 * and {@code +-1} labels are read as constants.
 */
public abstract class Loss {

    private final Reduction reduction;

    /**
     * A loss reducing by {@code reduction}.
     *
     * @param reduction how the per-element losses are combined: MEAN, SUM or NONE
     */
    protected Loss(Reduction reduction) {
        this.reduction = Objects.requireNonNull(reduction, getClass().getSimpleName() + ": reduction is null");
    }

    /**
     * The loss of {@code input} against {@code target}, reduced.
     *
     * @param input  the model's output, of the shape the loss expects
     * @param target what it should have been: values, labels or class indices, as the loss expects
     * @return a scalar for MEAN and SUM; for NONE, one loss per element (or per sample)
     * @throws IllegalArgumentException when the shapes or the target's values do not fit the loss, or
     *                                  when the reduction is MEAN and the input is empty (a batch of 0)
     */
    public final Tensor forward(Tensor input, Tensor target) {
        Objects.requireNonNull(input, name() + ": input is null");
        Objects.requireNonNull(target, name() + ": target is null");
        if (reduction == Reduction.MEAN && input.numel() == 0) {
            throw new IllegalArgumentException(name() + ": input of shape " + input.shape() + " holds no elements, and the"
                    + " mean of none is undefined; skip empty batches, or use Reduction.SUM or NONE");
        }
        return reduced(input, target);
    }

    /**
     * The loss reduced by {@link #reduction()}, after checking the arguments: by default
     * {@link #unreduced} reduced as {@link Reduction#reduce} says. A loss whose mean is not the
     * plain mean of its per-sample values (a weighted one) overrides this.
     *
     * @param input  the model's output, not null
     * @param target the target, not null
     * @return the loss, reduced
     */
    protected Tensor reduced(Tensor input, Tensor target) {
        return reduction.reduce(unreduced(input, target));
    }

    /**
     * The per-element (or per-sample) losses, after checking the arguments.
     *
     * @param input  the model's output, not null
     * @param target the target, not null
     * @return the losses, one per element (or per sample), recorded for backward
     */
    protected abstract Tensor unreduced(Tensor input, Tensor target);

    /**
     * How the losses are reduced.
     *
     * @return the reduction given to the constructor
     */
    public final Reduction reduction() {
        return reduction;
    }

    /**
     * The name used in messages: the class's simple name.
     *
     * @return the name, never null
     */
    protected final String name() {
        return getClass().getSimpleName();
    }

    /**
     * The settings shown by {@link #toString()} before the reduction, e.g. {@code delta=1.0}; empty
     * by default.
     *
     * @return the settings, {@code ", "}-separated; empty for none
     */
    protected String settings() {
        return "";
    }

    /** {@code MSELoss(reduction=MEAN)}, {@code HuberLoss(delta=1.0, reduction=MEAN)}. */
    @Override
    public String toString() {
        String settings = settings();
        return name() + "(" + (settings.isEmpty() ? "" : settings + ", ") + "reduction=" + reduction + ")";
    }
}
