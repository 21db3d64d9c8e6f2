package io.github.autograd4j.nn.optim;

import io.github.autograd4j.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The builder every optimiser offers ({@code SGD.builder()}, {@code Adam.builder()}, ...): the
 * hyper-parameters set on it are the defaults of every group, the optimiser's own defaults (PyTorch's)
 * fill in the rest, and a group may override any of them, as the dicts of PyTorch's
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
 * Values are checked when the optimiser is built.
 *
 * @param <B> the concrete builder
 * @param <O> the optimiser it builds
 */
public abstract class OptimizerBuilder<B extends OptimizerBuilder<B, O>, O extends Optimizer> {

    private final Map<String, Double> options = new LinkedHashMap<>();
    private final List<ParamGroup> groups = new ArrayList<>();
    private final Supplier<B> newBuilder;
    private final Function<List<ParamGroup>, O> create;

    /**
     * A builder with nothing set.
     *
     * @param newBuilder makes a new builder of the same kind, on which a group's overrides are recorded
     * @param create     makes the optimiser from groups (its constructor fills in its defaults)
     */
    protected OptimizerBuilder(Supplier<B> newBuilder, Function<List<ParamGroup>, O> create) {
        this.newBuilder = newBuilder;
        this.create = create;
    }

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }

    /** Sets the hyper-parameter {@code name}. */
    protected final B set(String name, double value) {
        options.put(name, value);
        return self();
    }

    /** Sets the switch {@code name} (stored as 1 or 0). */
    protected final B set(String name, boolean on) {
        return set(name, on ? 1.0 : 0.0);
    }

    /** The learning rate. */
    public final B lr(double lr) {
        return set(Optimizer.LR, lr);
    }

    /** The weight decay. */
    public final B weightDecay(double weightDecay) {
        return set(Optimizer.WEIGHT_DECAY, weightDecay);
    }

    /** Maximise the objective instead of minimising it (the gradient is negated first). */
    public final B maximize(boolean maximize) {
        return set(Optimizer.MAXIMIZE, maximize);
    }

    /** Adds a group of {@code params} with the builder's hyper-parameters. */
    public final B group(List<Tensor> params) {
        return group(new ParamGroup(params, Map.of()));
    }

    /** Adds a group of {@code params} whose hyper-parameters {@code overrides} changes, e.g. {@code g -> g.lr(1e-3)}. */
    public final B group(List<Tensor> params, Consumer<B> overrides) {
        Objects.requireNonNull(overrides, "group: overrides are null");
        B own = newBuilder.get();
        overrides.accept(own);
        return group(new ParamGroup(params, ((OptimizerBuilder<?, ?>) own).options));
    }

    /** Adds a group; the hyper-parameters it names override the builder's. */
    public final B group(ParamGroup group) {
        groups.add(Objects.requireNonNull(group, "group: the group is null"));
        return self();
    }

    /**
     * The optimiser over one group of {@code params}.
     *
     * @throws IllegalStateException    when groups were added (call {@link #build()})
     * @throws IllegalArgumentException for a parameter or hyper-parameter that is not acceptable
     */
    public final O build(List<Tensor> params) {
        if (!groups.isEmpty()) {
            throw new IllegalStateException("build(params): " + groups.size() + " group(s) were added with group(...);"
                    + " call build() to use them");
        }
        return create.apply(List.of(new ParamGroup(params, options)));
    }

    /**
     * The optimiser over the groups added with {@code group(...)}.
     *
     * @throws IllegalStateException    when no group was added
     * @throws IllegalArgumentException for a parameter or hyper-parameter that is not acceptable
     */
    public final O build() {
        if (groups.isEmpty()) {
            throw new IllegalStateException("build(): no group was added; call group(params) first, or build(params)");
        }
        List<ParamGroup> complete = new ArrayList<>();
        for (ParamGroup g : groups) {
            Map<String, Double> merged = new LinkedHashMap<>(options);
            merged.putAll(g.options());
            complete.add(new ParamGroup(g.params(), merged));
        }
        return create.apply(complete);
    }
}
