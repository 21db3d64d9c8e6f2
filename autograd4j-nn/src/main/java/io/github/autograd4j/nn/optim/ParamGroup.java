package io.github.autograd4j.nn.optim;

import io.github.autograd4j.Tensor;
import java.util.List;
import java.util.Objects;

/**
 * A set of parameters that an optimiser updates with the same hyper-parameters, as a parameter
 * group ({@code optimizer.param_groups[i]}) in PyTorch: typically a whole model, or the parts of one
 * that train with their own learning rate or weight decay. Optimisers make their groups (see
 * {@link OptimizerBuilder#group}); a group's options are typed, and {@link #setOptions} and
 * {@link #setLr} check new values with the optimiser's rules before changing anything.
 *
 * <pre>{@code
 * SGD opt = SGD.builder().lr(0.01).momentum(0.9)
 *         .group(backbone)                          // lr 0.01, momentum 0.9
 *         .group(head, g -> g.lr(0.1))              // lr 0.1, momentum 0.9
 *         .build();
 * ParamGroup<SGDOptions> group = opt.paramGroups().get(1);
 * group.setOptions(group.options().withMomentum(0.5)); // checked by SGD's rules
 * }</pre>
 *
 * @param <O> the optimiser's options record
 */
public final class ParamGroup<O extends OptimizerOptions<O>> {

    private final List<Tensor> params;
    private O options;
    private AbstractOptimizer<O> owner;
    private int index;

    /**
     * A group not yet given to an optimiser, which checks the options when it takes the group.
     *
     * @param params  the parameters (the list is copied)
     * @param options their hyper-parameters
     * @throws NullPointerException when the list, a parameter or the options are null
     */
    public ParamGroup(List<Tensor> params, O options) {
        Objects.requireNonNull(params, "ParamGroup: params are null");
        for (int i = 0; i < params.size(); i++) {
            Objects.requireNonNull(params.get(i), "ParamGroup: parameter " + i + " is null");
        }
        this.params = List.copyOf(params);
        this.options = Objects.requireNonNull(options, "ParamGroup: options are null");
    }

    /**
     * The parameters, in the order given.
     *
     * @return the parameters (read-only)
     */
    public List<Tensor> params() {
        return params;
    }

    /**
     * The hyper-parameters.
     *
     * @return the options
     */
    public O options() {
        return options;
    }

    /**
     * Replaces the hyper-parameters, as {@code group['momentum'] = 0.5} in PyTorch; in a group that
     * belongs to an optimiser they are checked first.
     *
     * @param newOptions the new hyper-parameters
     * @throws IllegalArgumentException when the optimiser rejects them (nothing changes)
     */
    public void setOptions(O newOptions) {
        if (owner != null) {
            owner.check(newOptions, index);
        }
        options = Objects.requireNonNull(newOptions, "ParamGroup: options are null");
    }

    /**
     * The learning rate.
     *
     * @return the learning rate
     */
    public double lr() {
        return options.lr();
    }

    /**
     * Sets the learning rate (schedulers call this), after the optimiser's check.
     *
     * @param lr the learning rate
     * @throws IllegalArgumentException when it is negative or not finite (nothing changes)
     */
    public void setLr(double lr) {
        setOptions(options.withLr(lr));
    }

    /** Makes this group the {@code position}-th of {@code optimizer}, which has checked its options. */
    void attach(AbstractOptimizer<O> optimizer, int position) {
        owner = optimizer;
        index = position;
    }

    /** Replaces the options with values already checked. */
    void assign(O checked) {
        options = checked;
    }

    boolean attached() {
        return owner != null;
    }

    int index() {
        return index;
    }

    @Override
    public String toString() {
        return "ParamGroup(" + params.size() + " parameters, " + options + ")";
    }
}
