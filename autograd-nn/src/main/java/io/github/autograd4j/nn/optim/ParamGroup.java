package io.github.autograd4j.nn.optim;

import io.github.autograd4j.Tensor;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A set of parameters that an {@link Optimizer} updates with the same hyper-parameters, as a
 * parameter group ({@code optimizer.param_groups[i]}) in PyTorch: typically a whole model, or the
 * parts of one that train with their own learning rate or weight decay.
 *
 * <p>Hyper-parameters are named as in PyTorch ({@code "lr"}, {@code "momentum"},
 * {@code "weight_decay"}, {@code "beta1"}, ...) and held as doubles; switches such as
 * {@code "nesterov"} are 1 (on) or 0 (off). A group made with {@link #ParamGroup(List, Map)} names
 * only what differs from the optimiser's defaults; the optimiser fills in the rest and checks every
 * value when it takes the group. After that, {@link #set} and {@link #setLr} check the new value
 * with the optimiser's rules before changing anything.
 *
 * <pre>{@code
 * SGD opt = SGD.builder().lr(0.01).momentum(0.9)
 *         .group(backbone)                                 // lr 0.01, momentum 0.9
 *         .group(new ParamGroup(head, Map.of("lr", 0.1)))  // lr 0.1, momentum 0.9
 *         .build();
 * opt.paramGroups().get(1).set("momentum", 0.5);           // checked by SGD's rules
 * }</pre>
 */
public final class ParamGroup {

    private final List<Tensor> params;
    private Map<String, Double> options;
    private Optimizer owner;
    private int index;

    /**
     * A group of {@code params} with the hyper-parameters in {@code options} (the optimiser's
     * defaults fill in the others).
     *
     * @throws NullPointerException when a list, a parameter, a name or a value is null
     */
    public ParamGroup(List<Tensor> params, Map<String, Double> options) {
        Objects.requireNonNull(params, "ParamGroup: params are null");
        Objects.requireNonNull(options, "ParamGroup: options are null");
        for (int i = 0; i < params.size(); i++) {
            Objects.requireNonNull(params.get(i), "ParamGroup: parameter " + i + " is null");
        }
        options.forEach((name, value) -> {
            Objects.requireNonNull(name, "ParamGroup: a hyper-parameter name is null");
            Objects.requireNonNull(value, "ParamGroup: hyper-parameter '" + name + "' is null");
        });
        this.params = List.copyOf(params);
        this.options = new LinkedHashMap<>(options);
    }

    /** A copy with other options, for checking candidate values before they are set. */
    private ParamGroup(ParamGroup from, Map<String, Double> options, int index) {
        this.params = from.params;
        this.options = options;
        this.owner = from.owner;
        this.index = index;
    }

    /** The parameters, in the order given. */
    public List<Tensor> params() {
        return params;
    }

    /** The learning rate. */
    public double lr() {
        return get(Optimizer.LR);
    }

    /** Sets the learning rate (schedulers call this), after the optimiser's check. */
    public void setLr(double lr) {
        set(Optimizer.LR, lr);
    }

    /** The weight decay. */
    public double weightDecay() {
        return get(Optimizer.WEIGHT_DECAY);
    }

    /**
     * The hyper-parameter {@code name}.
     *
     * @throws IllegalArgumentException when the group has no such hyper-parameter
     */
    public double get(String name) {
        Double value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException(ownerName() + ": no hyper-parameter '" + name
                    + "'; this group has " + options.keySet());
        }
        return value;
    }

    /** The switch {@code name} (stored as 1 or 0) as a boolean. */
    public boolean flag(String name) {
        return get(name) != 0.0;
    }

    /**
     * Sets the hyper-parameter {@code name}, as {@code group['momentum'] = 0.5} in PyTorch. In a
     * group that belongs to an optimiser the value is checked first and nothing changes when it is
     * rejected.
     *
     * @throws IllegalArgumentException when the optimiser has no such hyper-parameter or rejects the value
     */
    public void set(String name, double value) {
        Objects.requireNonNull(name, "ParamGroup: a hyper-parameter name is null");
        Map<String, Double> candidate = new LinkedHashMap<>(options);
        candidate.put(name, value);
        if (owner != null) {
            owner.checkGroup(new ParamGroup(this, candidate, index));
        }
        options = candidate;
    }

    /** Every hyper-parameter by name, in the optimiser's order (read-only). */
    public Map<String, Double> options() {
        return Collections.unmodifiableMap(options);
    }

    /** This group with other options as the {@code index}-th group: what {@link Optimizer} checks before assigning. */
    ParamGroup withOptions(Map<String, Double> newOptions, int position) {
        return new ParamGroup(this, new LinkedHashMap<>(newOptions), position);
    }

    /** Makes this group the {@code index}-th of {@code optimizer}, with its options completed and checked. */
    void attach(Optimizer optimizer, int position, Map<String, Double> completed) {
        owner = optimizer;
        index = position;
        options = completed;
    }

    /** Replaces the options with values already checked. */
    void assign(Map<String, Double> checked) {
        options = new LinkedHashMap<>(checked);
    }

    boolean attached() {
        return owner != null;
    }

    int index() {
        return index;
    }

    private String ownerName() {
        return owner == null ? "ParamGroup" : owner.name();
    }

    @Override
    public String toString() {
        return "ParamGroup(" + params.size() + " parameters, " + options + ")";
    }
}
