package io.github.autograd4j.nn.optim;

import io.github.autograd4j.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The builder every optimiser offers ({@code SGD.builder()}, {@code Adam.builder()}, ...): it
 * starts from the optimiser's defaults (PyTorch's), its typed setters give the options of every
 * group, and a group may override any of them, as the dicts of PyTorch's
 * {@code torch.optim.SGD([{'params': base}, {'params': head, 'lr': 1e-3}], lr=1e-2, momentum=0.9)}:
 *
 * <pre>{@code
 * SGD one = SGD.builder().lr(0.01).momentum(0.9).nesterov(true).weightDecay(1e-4).build(params);
 * SGD two = SGD.builder().lr(0.01).momentum(0.9)
 *         .group(base)
 *         .group(head, g -> g.lr(1e-3))
 *         .build();
 * }</pre>
 *
 * Values are checked when the optimiser is built, so the setters may be called in any order.
 *
 * @param <B> the concrete builder
 * @param <T> the optimiser it builds
 * @param <O> the optimiser's options record
 */
public abstract class OptimizerBuilder<B extends OptimizerBuilder<B, T, O>, T extends Optimizer, O extends OptimizerOptions<O>> {

    /** A group added with {@code group(...)}: its parameters and what it overrides. */
    private record Group<B>(List<Tensor> params, Consumer<B> overrides) {
    }

    private O options;
    private final List<Group<B>> groups = new ArrayList<>();
    private final Supplier<B> newBuilder;
    private final Function<List<ParamGroup<O>>, T> create;

    /**
     * A builder that starts from {@code defaults}.
     *
     * @param defaults   the optimiser's default options
     * @param newBuilder makes a new builder of the same kind, on which a group's overrides are recorded
     * @param create     makes the optimiser from groups
     */
    protected OptimizerBuilder(O defaults, Supplier<B> newBuilder, Function<List<ParamGroup<O>>, T> create) {
        this.options = defaults;
        this.newBuilder = newBuilder;
        this.create = create;
    }

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }

    /**
     * Changes the options being built, for the concrete builders' setters.
     *
     * @param change e.g. {@code o -> o.withMomentum(momentum)}
     * @return this builder
     */
    protected final B edit(UnaryOperator<O> change) {
        options = change.apply(options);
        return self();
    }

    /**
     * The learning rate.
     *
     * @param lr the learning rate
     * @return this builder
     */
    public final B lr(double lr) {
        return edit(o -> o.withLr(lr));
    }

    /**
     * The weight decay.
     *
     * @param weightDecay the weight decay
     * @return this builder
     */
    public final B weightDecay(double weightDecay) {
        return edit(o -> o.withWeightDecay(weightDecay));
    }

    /**
     * Maximise the objective instead of minimising it (the gradient is negated first).
     *
     * @param maximize true to maximise
     * @return this builder
     */
    public final B maximize(boolean maximize) {
        return edit(o -> o.withMaximize(maximize));
    }

    /**
     * Adds a group of {@code params} with the builder's options.
     *
     * @param params the group's parameters
     * @return this builder
     */
    public final B group(List<Tensor> params) {
        return group(params, g -> { });
    }

    /**
     * Adds a group of {@code params} whose options {@code overrides} changes, e.g. {@code g -> g.lr(1e-3)};
     * the overrides apply to the builder's options as they are when {@link #build()} is called.
     *
     * @param params    the group's parameters
     * @param overrides sets the options that differ, on a builder of the same kind
     * @return this builder
     */
    public final B group(List<Tensor> params, Consumer<B> overrides) {
        Objects.requireNonNull(params, "group: params are null");
        groups.add(new Group<>(params, Objects.requireNonNull(overrides, "group: overrides are null")));
        return self();
    }

    /**
     * The optimiser over one group of {@code params}.
     *
     * @param params the parameters
     * @return the optimiser
     * @throws IllegalStateException    when groups were added (call {@link #build()})
     * @throws IllegalArgumentException for a parameter or option that is not acceptable
     */
    public final T build(List<Tensor> params) {
        if (!groups.isEmpty()) {
            throw new IllegalStateException("build(params): " + groups.size() + " group(s) were added with group(...);"
                    + " call build() to use them");
        }
        return create.apply(List.of(new ParamGroup<>(params, options)));
    }

    /**
     * The optimiser over the groups added with {@code group(...)}.
     *
     * @return the optimiser
     * @throws IllegalStateException    when no group was added
     * @throws IllegalArgumentException for a parameter or option that is not acceptable
     */
    public final T build() {
        if (groups.isEmpty()) {
            throw new IllegalStateException("build(): no group was added; call group(params) first, or build(params)");
        }
        List<ParamGroup<O>> made = new ArrayList<>();
        for (Group<B> g : groups) {
            B own = newBuilder.get();
            OptimizerBuilder<B, T, O> ownOptions = own;
            ownOptions.options = options;
            g.overrides().accept(own);
            made.add(new ParamGroup<>(g.params(), ownOptions.options));
        }
        return create.apply(made);
    }
}
