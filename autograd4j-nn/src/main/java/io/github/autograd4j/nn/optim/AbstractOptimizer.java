package io.github.autograd4j.nn.optim;

import io.github.autograd4j.Grad;
import io.github.autograd4j.Tensor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What every optimiser shares: its parameter groups and their checked options, the per-parameter
 * state, and the step loop. The state dict is encoded and checked by {@code OptimizerStateDict}.
 *
 * <p><b>Parameters</b> are leaves that require grad, each listed once. <b>A step</b> runs with
 * recording off, skips parameters whose gradient is null, prepares every new value and state first
 * ({@link #prepare}) and only then writes the values into the parameters: an exception leaves
 * parameters and state as they were. With {@code maximize} the gradient is negated first,
 * as PyTorch does. Each piece of per-parameter state is created when it is first needed, with
 * PyTorch's first-step value; so switching on momentum or amsgrad during training works, and state a
 * group's options no longer use is dropped at the parameter's next step.
 *
 * <p><b>Writing an optimiser.</b> Give a public options record implementing
 * {@link OptimizerOptions} (doubles and booleans; the state dict reads and makes it through its
 * components), name the per-parameter state in {@link #stateSlots} and compute one parameter's
 * new value in {@link #update}.
 *
 * @param <O> the options record
 */
public abstract class AbstractOptimizer<O extends OptimizerOptions<O>> implements Optimizer {

    private final String name;
    private final List<ParamGroup<O>> groups;
    private final List<Tensor> params;
    private final List<Map<String, Tensor>> state;

    /**
     * Takes {@code groups}: checks the parameters (leaves that require grad, each once) and every
     * group's options.
     *
     * @param name   the optimiser's name, for messages ({@code "SGD"})
     * @param groups the parameter groups, not yet given to another optimiser
     * @throws IllegalArgumentException for a parameter or option that is not acceptable
     */
    protected AbstractOptimizer(String name, List<ParamGroup<O>> groups) {
        this.name = Objects.requireNonNull(name, "Optimizer: name is null");
        Objects.requireNonNull(groups, name + ": parameter groups are null");
        if (groups.isEmpty()) {
            throw new IllegalArgumentException(name + ": got no parameter groups");
        }
        this.groups = List.copyOf(groups);
        List<Tensor> flat = checkParams(this.groups);
        for (int g = 0; g < groups.size(); g++) {
            check(groups.get(g).options(), g);
        }
        for (int g = 0; g < groups.size(); g++) {
            groups.get(g).attach(this, g);
        }
        this.params = List.copyOf(flat);
        this.state = new ArrayList<>();
        for (int i = 0; i < flat.size(); i++) {
            state.add(new LinkedHashMap<>());
        }
    }

    private List<Tensor> checkParams(List<ParamGroup<O>> given) {
        List<Tensor> flat = new ArrayList<>();
        Map<Tensor, Integer> seen = new IdentityHashMap<>();
        for (int g = 0; g < given.size(); g++) {
            ParamGroup<O> group = given.get(g);
            if (group.attached()) {
                throw new IllegalArgumentException(name + ": group " + g + " already belongs to another optimizer;"
                        + " make a new ParamGroup for each optimizer");
            }
            if (group.params().isEmpty()) {
                throw new IllegalArgumentException(given.size() == 1 ? name + ": got an empty parameter list"
                        : name + ": group " + g + " has no parameters");
            }
            for (Tensor p : group.params()) {
                int i = flat.size();
                String what = name + ": parameter " + i + " (shape " + p.shape() + ")";
                if (!p.isLeaf()) {
                    throw new IllegalArgumentException(what + " was made by an operation (" + p.opName()
                            + "); an optimizer updates leaves, such as Tensor.randn(rng, ...).requiresGrad(true)");
                }
                if (!p.requiresGrad()) {
                    throw new IllegalArgumentException(what + " does not require grad; call requiresGrad(true) on it or leave it out");
                }
                Integer first = seen.putIfAbsent(p, i);
                if (first != null) {
                    throw new IllegalArgumentException(what + " appears more than once (first as parameter " + first + ")");
                }
                flat.add(p);
            }
        }
        return flat;
    }

    // ------------------------------------------------------------------ what a subclass provides

    /**
     * The state kept for a parameter under {@code options}, in order. A parameter has every slot
     * marked {@link StateSlot#always()} after its first step, none before.
     *
     * @param options a group's options
     * @return the slots
     */
    protected abstract List<StateSlot> stateSlots(O options);

    /**
     * One parameter's new value: called with recording off for each parameter that has a gradient.
     *
     * @param param   the parameter (read it; do not write it)
     * @param grad    its gradient, already negated when {@code maximize} is on
     * @param state   its state, without the pieces not yet needed (empty before its first step); put
     *                the new state tensors in it (state tensors are replaced, never changed in place)
     * @param options its group's options
     * @return the new value, of the parameter's shape
     */
    protected abstract Tensor update(Tensor param, Tensor grad, Map<String, Tensor> state, O options);

    /**
     * One parameter's step in two parts, so that an optimiser can write the parameter in place
     * and a step still changes nothing when it fails: this method does all that can fail (checks,
     * new state tensors put in {@code state}) and returns the write, which runs only once every
     * parameter's part has succeeded, and must not fail. The default computes {@link #update} and
     * writes it with {@link Tensor#copyFrom}; an optimiser that writes the new values straight into
     * the parameter's array saves a new tensor and a copy, and calls
     * {@link Tensor#incrementVersion()} when done.
     *
     * @param param   the parameter (read it now; write it only in the returned write)
     * @param grad    its gradient, already negated when {@code maximize} is on
     * @param state   its state, as for {@link #update}
     * @param options its group's options
     * @return the write of the new value (and of any new state that is not yet written)
     */
    protected Runnable prepare(Tensor param, Tensor grad, Map<String, Tensor> state, O options) {
        Tensor value = update(param, grad, state, options);
        if (!value.shape().equals(param.shape())) {
            throw new IllegalStateException(name + ": the update of parameter " + params.indexOf(param) + " (shape " + param.shape()
                    + ") returned shape " + value.shape());
        }
        return () -> param.copyFrom(value);
    }

    // ------------------------------------------------------------------ the training loop

    @Override
    @SuppressWarnings("try") // the scope is used for its effect only
    public void step() {
        int n = params.size();
        Runnable[] writes = new Runnable[n];
        List<Map<String, Tensor>> states = new ArrayList<>(Collections.nCopies(n, null));
        try (var recordingOff = Grad.disabled()) {
            int i = 0;
            for (ParamGroup<O> group : groups) {
                O options = group.options();
                for (Tensor p : group.params()) {
                    Tensor grad = p.grad();
                    if (grad != null) {
                        Map<String, Tensor> s = new LinkedHashMap<>(state.get(i));
                        writes[i] = prepare(p, options.maximize() ? grad.neg() : grad, s, options);
                        s.keySet().retainAll(slotNames(options));
                        states.set(i, s);
                    }
                    i++;
                }
            }
            for (i = 0; i < n; i++) {
                if (writes[i] != null) {
                    writes[i].run();
                    state.set(i, states.get(i));
                }
            }
        }
    }

    @Override
    public void zeroGrad() {
        for (Tensor p : params) {
            p.zeroGrad();
        }
    }

    // ------------------------------------------------------------------ groups and learning rates

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<ParamGroup<O>> paramGroups() {
        return groups;
    }

    @Override
    public List<Tensor> params() {
        return params;
    }

    @Override
    public double lr() {
        double lr = groups.get(0).lr();
        for (ParamGroup<O> g : groups) {
            if (g.lr() != lr) {
                List<Double> all = new ArrayList<>();
                groups.forEach(each -> all.add(each.lr()));
                throw new IllegalStateException(name + ": groups have different learning rates " + all
                        + "; read paramGroups().get(i).lr()");
            }
        }
        return lr;
    }

    @Override
    public void setLr(double lr) {
        for (ParamGroup<O> g : groups) {
            check(g.options().withLr(lr), g.index());
        }
        for (ParamGroup<O> g : groups) {
            g.assign(g.options().withLr(lr));
        }
    }

    // ------------------------------------------------------------------ checkpoints

    @Override
    public Map<String, Tensor> stateDict() {
        return OptimizerStateDict.encode(this);
    }

    @Override
    public void loadStateDict(Map<String, Tensor> dict) {
        OptimizerStateDict.Decoded<O> loaded = OptimizerStateDict.decode(this, dict);
        for (int g = 0; g < groups.size(); g++) {
            groups.get(g).assign(loaded.options().get(g));
        }
        for (int i = 0; i < params.size(); i++) {
            state.set(i, loaded.state().get(i));
        }
    }

    /** Parameter {@code i}'s state (read-only), for the state dict. */
    final Map<String, Tensor> state(int i) {
        return Collections.unmodifiableMap(state.get(i));
    }

    final List<String> slotNames(O options) {
        return stateSlots(options).stream().map(StateSlot::name).toList();
    }

    // ------------------------------------------------------------------ checks

    /**
     * Checks options for the {@code g}-th group: every value finite, {@code lr} and
     * {@code weight_decay} {@code >= 0}, then the optimiser's own rules.
     */
    final void check(O options, int g) {
        String where = where(g);
        Objects.requireNonNull(options, where + ": options are null");
        OptionsMap.of(options).forEach((option, value) -> {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException(where + ": " + option + " must be finite, got " + value);
            }
        });
        OptionCheck check = new OptionCheck(where);
        check.atLeast("lr", options.lr(), 0);
        check.atLeast("weight_decay", options.weightDecay(), 0);
        options.validate(check);
    }

    /** "SGD", or "SGD (group 1)" when there are several groups. */
    final String where(int g) {
        return groups.size() > 1 ? name + " (group " + g + ")" : name;
    }

    // ------------------------------------------------------------------ helpers for update rules

    /**
     * Adds one to the step count (0 before the first step) and returns the new count.
     *
     * @param state a parameter's state
     * @return the step now being taken, from 1
     */
    protected static double nextStep(Map<String, Tensor> state) {
        Tensor previous = state.get(StateSlot.STEP_NAME);
        double step = (previous == null ? 0 : previous.item()) + 1;
        state.put(StateSlot.STEP_NAME, Tensor.scalar(step));
        return step;
    }

    /**
     * The state {@code name}, or {@code initial} everywhere in the parameter's shape when it is not there yet.
     *
     * @param state   a parameter's state
     * @param name    the piece of state
     * @param param   the parameter
     * @param initial the value of a new piece
     * @return the piece
     */
    protected static Tensor stateOr(Map<String, Tensor> state, String name, Tensor param, double initial) {
        Tensor t = state.get(name);
        return t != null ? t : Tensor.full(initial, param.dtype(), param.shape().toArray());
    }

    /**
     * The values of the state {@code name}, for an update written as one loop.
     *
     * @param state a parameter's state
     * @param name  the piece of state
     * @return its values (read them only), or null when it is not there yet
     */
    protected static double[] stateValues(Map<String, Tensor> state, String name) {
        Tensor t = state.get(name);
        return t == null ? null : t.doubles();
    }

    /**
     * {@code grad + weightDecay * param}: weight decay as an L2 penalty added to the gradient.
     *
     * @param grad        the gradient
     * @param param       the parameter
     * @param weightDecay the weight decay
     * @return the penalised gradient
     */
    protected static Tensor withL2(Tensor grad, Tensor param, double weightDecay) {
        return weightDecay == 0 ? grad : grad.add(param.mul(weightDecay));
    }

    /** A copy with its own storage, so that later in-place writes to {@code t} do not reach it. */
    static Tensor copyOf(Tensor t) {
        return t.detach().clone();
    }
}
