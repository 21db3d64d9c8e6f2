package io.github.autograd4j.nn.optim;

import io.github.autograd4j.Grad;
import io.github.autograd4j.Shape;
import io.github.autograd4j.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Updates parameters from their gradients, as {@code torch.optim.Optimizer}: the training loop reads
 * as in PyTorch,
 *
 * <pre>{@code
 * Optimizer opt = new SGD(net.parameters(), 0.01);
 * for (...) {
 *     opt.zeroGrad();
 *     Tensor loss = criterion.forward(net.forward(x), y);
 *     loss.backward();
 *     opt.step();
 * }
 * }</pre>
 *
 * <p><b>Parameters</b> are leaves that require grad, each listed once; they are held in
 * {@link ParamGroup}s, each with its own hyper-parameters. Position {@code i} in the flattened list
 * of every group's parameters ({@link #params()}) names a parameter's state in {@link #stateDict()}.
 *
 * <p><b>A step</b> ({@link #step()}) runs with recording off, skips parameters whose gradient is
 * null, computes every new value and state first and only then writes the values into the
 * parameters with {@link Tensor#copyFrom}: an exception leaves parameters and state as they were.
 * With {@code maximize} the gradient is negated first, as PyTorch does. Each piece of
 * per-parameter state (moment estimates, momentum buffers, step counts) is created when it is first
 * needed, with PyTorch's first-step value; so switching on momentum or amsgrad during training
 * works, and state a group's hyper-parameters no longer use is dropped at the parameter's next step.
 *
 * <p><b>Writing an optimiser.</b> A subclass gives its name and defaults (which must include
 * {@value #LR}, {@value #WEIGHT_DECAY} and {@value #MAXIMIZE}), checks its own hyper-parameters in
 * {@link #validate}, names its per-parameter state in {@link #stateNames} and computes one
 * parameter's new value in {@link #update}.
 */
public abstract class Optimizer {

    /** The learning rate, in every optimiser. */
    public static final String LR = "lr";
    /** The weight decay, in every optimiser. */
    public static final String WEIGHT_DECAY = "weight_decay";
    /** Whether to maximise the objective instead of minimising it (1 or 0), in every optimiser. */
    public static final String MAXIMIZE = "maximize";
    /** The per-parameter step count, a 0-d tensor; every other state tensor has its parameter's shape. */
    protected static final String STEP = "step";

    private static final String GROUP = "group.";
    private static final String PARAM = "param.";
    private static final String PARAMS = "params";

    private final String name;
    private final Map<String, Double> defaults;
    private final int groupCount;
    private final List<ParamGroup> groups;
    private final List<Tensor> params;
    private final List<Map<String, Tensor>> state;

    /**
     * Takes {@code groups}: checks the parameters (leaves that require grad, each once), completes
     * every group's hyper-parameters from {@code defaults} and checks them.
     *
     * @param name     the optimiser's name, for messages ("SGD")
     * @param defaults every hyper-parameter with its default, in the order {@link #stateDict()} lists them
     * @param groups   the parameter groups, not yet given to another optimiser
     * @throws IllegalArgumentException for a parameter or hyper-parameter that is not acceptable
     */
    protected Optimizer(String name, Map<String, Double> defaults, List<ParamGroup> groups) {
        this.name = Objects.requireNonNull(name, "Optimizer: name is null");
        Objects.requireNonNull(defaults, name + ": defaults are null");
        Objects.requireNonNull(groups, name + ": parameter groups are null");
        for (String required : List.of(LR, WEIGHT_DECAY, MAXIMIZE)) {
            if (!defaults.containsKey(required)) {
                throw new IllegalArgumentException(name + ": defaults must include '" + required + "', got " + defaults.keySet());
            }
        }
        if (groups.isEmpty()) {
            throw new IllegalArgumentException(name + ": got no parameter groups");
        }
        this.defaults = new LinkedHashMap<>(defaults);
        this.groupCount = groups.size();
        List<Tensor> flat = checkParams(groups);
        List<Map<String, Double>> completed = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            completed.add(complete(groups.get(g), g));
        }
        for (int g = 0; g < groups.size(); g++) {
            groups.get(g).attach(this, g, completed.get(g));
        }
        this.groups = List.copyOf(groups);
        this.params = List.copyOf(flat);
        this.state = new ArrayList<>();
        for (int i = 0; i < flat.size(); i++) {
            state.add(new LinkedHashMap<>());
        }
    }

    private List<Tensor> checkParams(List<ParamGroup> given) {
        List<Tensor> flat = new ArrayList<>();
        Map<Tensor, Integer> seen = new IdentityHashMap<>();
        for (int g = 0; g < given.size(); g++) {
            ParamGroup group = Objects.requireNonNull(given.get(g), name + ": group " + g + " is null");
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

    /** The group's options in the order of the defaults, missing ones filled in, checked. */
    private Map<String, Double> complete(ParamGroup group, int g) {
        for (String option : group.options().keySet()) {
            if (!defaults.containsKey(option)) {
                throw new IllegalArgumentException(where(g) + ": unknown hyper-parameter '" + option + "'; "
                        + name + " has " + defaults.keySet());
            }
        }
        Map<String, Double> completed = new LinkedHashMap<>();
        defaults.forEach((option, value) -> completed.put(option, group.options().getOrDefault(option, value)));
        ParamGroup candidate = group.withOptions(completed, g);
        checkOptions(candidate, g);
        return completed;
    }

    // ------------------------------------------------------------------ what a subclass provides

    /**
     * Checks the optimiser's own hyper-parameters in {@code group} (already known to be finite,
     * with {@code lr} and {@code weight_decay} >= 0), throwing with {@link #invalid} or the
     * {@code require...} helpers.
     */
    protected abstract void validate(ParamGroup group);

    /**
     * The names of the state kept for a parameter under {@code group}'s hyper-parameters, in order;
     * {@value #STEP} is 0-d, every other one has the parameter's shape. A parameter has all of them
     * after a step, none before its first.
     */
    protected abstract List<String> stateNames(ParamGroup group);

    /**
     * One parameter's new value: called with recording off for each parameter that has a gradient.
     *
     * @param param the parameter (read it; do not write it)
     * @param grad  its gradient, already negated when {@code maximize} is on
     * @param state its state, without the pieces not yet needed (empty before its first step); put
     *              the new state tensors in it (state tensors are replaced, never changed in place)
     * @param group its group's hyper-parameters
     * @return the new value, of the parameter's shape
     */
    protected abstract Tensor update(Tensor param, Tensor grad, Map<String, Tensor> state, ParamGroup group);

    // ------------------------------------------------------------------ the training loop

    /**
     * Updates every parameter that has a gradient, with recording off; computes all new values and
     * states before writing any, so that an exception changes nothing.
     */
    public void step() {
        int n = params.size();
        Tensor[] values = new Tensor[n];
        List<Map<String, Tensor>> states = new ArrayList<>(Collections.nCopies(n, null));
        try (var recordingOff = Grad.disabled()) {
            int i = 0;
            for (ParamGroup group : groups) {
                for (Tensor p : group.params()) {
                    Tensor grad = p.grad();
                    if (grad != null) {
                        Map<String, Tensor> s = new LinkedHashMap<>(state.get(i));
                        values[i] = update(p, group.flag(MAXIMIZE) ? grad.neg() : grad, s, group);
                        if (!values[i].shape().equals(p.shape())) {
                            throw new IllegalStateException(name + ": the update of parameter " + i + " (shape " + p.shape()
                                    + ") returned shape " + values[i].shape());
                        }
                        s.keySet().retainAll(stateNames(group));
                        states.set(i, s);
                    }
                    i++;
                }
            }
            for (i = 0; i < n; i++) {
                if (values[i] != null) {
                    params.get(i).copyFrom(values[i]);
                    state.set(i, states.get(i));
                }
            }
        }
    }

    /** Clears every parameter's gradient (sets it to null, as PyTorch's {@code zero_grad()}). */
    public void zeroGrad() {
        for (Tensor p : params) {
            p.zeroGrad();
        }
    }

    // ------------------------------------------------------------------ groups and learning rates

    /** The optimiser's name, as in messages ("SGD"). */
    public String name() {
        return name;
    }

    /** The parameter groups, in order (read-only list; a group's hyper-parameters can be set). */
    public List<ParamGroup> paramGroups() {
        return groups;
    }

    /** Every group's parameters, in order: position {@code i} is "param.i" in {@link #stateDict()}. */
    public List<Tensor> params() {
        return params;
    }

    /**
     * The learning rate shared by all groups.
     *
     * @throws IllegalStateException when groups have different learning rates (read each group's)
     */
    public double lr() {
        double lr = groups.get(0).lr();
        for (ParamGroup g : groups) {
            if (g.lr() != lr) {
                List<Double> all = new ArrayList<>();
                groups.forEach(each -> all.add(each.lr()));
                throw new IllegalStateException(name + ": groups have different learning rates " + all
                        + "; read paramGroups().get(i).lr()");
            }
        }
        return lr;
    }

    /**
     * Sets the learning rate of every group, after checking it.
     *
     * @throws IllegalArgumentException when it is negative or not finite (nothing changes)
     */
    public void setLr(double lr) {
        for (ParamGroup g : groups) {
            Map<String, Double> candidate = new LinkedHashMap<>(g.options());
            candidate.put(LR, lr);
            checkGroup(g.withOptions(candidate, g.index()));
        }
        for (ParamGroup g : groups) {
            g.setLr(lr);
        }
    }

    // ------------------------------------------------------------------ checks, for subclasses

    /** Checks a group's candidate options with the common rules and then {@link #validate}. */
    final void checkGroup(ParamGroup candidate) {
        checkOptions(candidate, candidate.index());
    }

    private void checkOptions(ParamGroup candidate, int g) {
        String where = where(g);
        candidate.options().forEach((option, value) -> {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException(where + ": " + option + " must be finite, got " + value);
            }
        });
        requireAtLeast(candidate, LR, 0);
        requireAtLeast(candidate, WEIGHT_DECAY, 0);
        requireFlag(candidate, MAXIMIZE);
        validate(candidate);
    }

    /** "SGD", or "SGD (group 1)" when there are several groups. */
    private String where(int g) {
        return groupCount > 1 ? name + " (group " + g + ")" : name;
    }

    /** An exception saying what is wrong with a hyper-parameter of {@code group}: "SGD: {detail}". */
    protected final IllegalArgumentException invalid(ParamGroup group, String detail) {
        return new IllegalArgumentException(where(group.index()) + ": " + detail);
    }

    /** Rejects {@code option < min}: "SGD: lr must be >= 0, got -0.1". */
    protected final void requireAtLeast(ParamGroup group, String option, double min) {
        double value = group.get(option);
        if (!(value >= min)) {
            throw invalid(group, option + " must be >= " + format(min) + ", got " + value);
        }
    }

    /** Rejects a value outside {@code [0, 1)}: "Adam: beta1 must be in [0, 1), got 1.2". */
    protected final void requireFraction(ParamGroup group, String option) {
        double value = group.get(option);
        if (!(value >= 0 && value < 1)) {
            throw invalid(group, option + " must be in [0, 1), got " + value);
        }
    }

    /** Rejects a switch that is not 0 or 1. */
    protected final void requireFlag(ParamGroup group, String option) {
        double value = group.get(option);
        if (value != 0.0 && value != 1.0) {
            throw invalid(group, option + " is a switch and must be 0 (off) or 1 (on), got " + value);
        }
    }

    /** {@code 0} rather than {@code 0.0} for whole numbers, for messages. */
    static String format(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }

    // ------------------------------------------------------------------ helpers for update rules

    /** Adds one to the step count (0 before the first step) and returns the new count. */
    protected static double nextStep(Map<String, Tensor> state) {
        Tensor previous = state.get(STEP);
        double step = (previous == null ? 0 : previous.item()) + 1;
        state.put(STEP, Tensor.scalar(step));
        return step;
    }

    /** The state {@code name}, or {@code initial} everywhere in the parameter's shape when it is not there yet. */
    protected static Tensor stateOr(Map<String, Tensor> state, String name, Tensor param, double initial) {
        Tensor t = state.get(name);
        return t != null ? t : Tensor.full(initial, param.shape().toArray());
    }

    /** The values of the state {@code name}, for an update written as one loop; null when it is not there yet. */
    protected static double[] stateValues(Map<String, Tensor> state, String name) {
        Tensor t = state.get(name);
        return t == null ? null : t.storage();
    }

    /** {@code grad + weightDecay * param}: weight decay as an L2 penalty added to the gradient. */
    protected static Tensor withL2(Tensor grad, Tensor param, double weightDecay) {
        return weightDecay == 0 ? grad : grad.add(param.mul(weightDecay));
    }

    /** A copy with its own storage, so that later in-place writes to {@code t} do not reach it. */
    protected static Tensor copyOf(Tensor t) {
        return Tensor.of(t.toArray(), t.shape().toArray());
    }

    // ------------------------------------------------------------------ checkpoints

    /**
     * A snapshot of the optimiser for checkpoints: every group's hyper-parameters as 0-d tensors
     * ({@code "group.0.lr"}, {@code "group.0.momentum"}, ...) with its parameters' positions
     * ({@code "group.0.params"}, 1-d), and every parameter's state ({@code "param.3.exp_avg"},
     * {@code "param.3.step"} as a 0-d tensor, ...) under its position in {@link #params()}. The
     * tensors are copies.
     */
    public Map<String, Tensor> stateDict() {
        Map<String, Tensor> dict = new LinkedHashMap<>();
        int first = 0;
        for (ParamGroup group : groups) {
            String prefix = GROUP + group.index() + ".";
            group.options().forEach((option, value) -> dict.put(prefix + option, Tensor.scalar(value)));
            double[] positions = new double[group.params().size()];
            for (int k = 0; k < positions.length; k++) {
                positions[k] = first + k;
            }
            dict.put(prefix + PARAMS, Tensor.vector(positions));
            first += positions.length;
        }
        int i = 0;
        for (ParamGroup group : groups) {
            List<String> kept = stateNames(group);
            for (int k = 0; k < group.params().size(); k++, i++) {
                for (String stateName : kept) {
                    Tensor t = state.get(i).get(stateName);
                    if (t != null) {
                        dict.put(PARAM + i + "." + stateName, copyOf(t));
                    }
                }
            }
        }
        return dict;
    }

    /**
     * Restores a snapshot from {@link #stateDict()} of an optimiser of the same kind over parameters
     * of the same shapes in the same groups. Everything is checked before anything changes: every
     * key is known, every group hyper-parameter is present and acceptable, each parameter's state
     * is state this optimiser keeps under the loaded hyper-parameters (with its step count, where
     * it counts steps), and every tensor has the expected shape.
     *
     * @throws IllegalArgumentException naming the first key that does not fit (nothing changes)
     */
    public void loadStateDict(Map<String, Tensor> dict) {
        Objects.requireNonNull(dict, name + ".loadStateDict: the state dict is null");
        String where = name + ".loadStateDict: ";
        List<Map<String, Double>> options = new ArrayList<>();
        List<Map<String, Tensor>> loaded = new ArrayList<>();
        groups.forEach(g -> options.add(new LinkedHashMap<>()));
        params.forEach(p -> loaded.add(new LinkedHashMap<>()));
        boolean[] positionsSeen = new boolean[groups.size()];
        for (Map.Entry<String, Tensor> e : dict.entrySet()) {
            String key = Objects.requireNonNull(e.getKey(), where + "a key is null");
            Tensor value = Objects.requireNonNull(e.getValue(), where + "'" + key + "' is null");
            StateKey k = StateKey.parse(key, groups.size(), params.size(), where);
            if (k.group) {
                ParamGroup group = groups.get(k.index);
                if (k.name.equals(PARAMS)) {
                    checkPositions(key, value, k.index, where);
                    positionsSeen[k.index] = true;
                } else if (!group.options().containsKey(k.name)) {
                    throw new IllegalArgumentException(where + "unknown key '" + key + "'; " + name + " has the hyper-parameters "
                            + group.options().keySet());
                } else {
                    options.get(k.index).put(k.name, scalarOf(key, value, where));
                }
            } else {
                loaded.get(k.index).put(k.name, value);
            }
        }
        List<ParamGroup> candidates = new ArrayList<>();
        for (ParamGroup group : groups) {
            Map<String, Double> given = options.get(group.index());
            for (String option : group.options().keySet()) {
                if (!given.containsKey(option)) {
                    throw new IllegalArgumentException(where + "missing '" + GROUP + group.index() + "." + option + "'");
                }
            }
            if (!positionsSeen[group.index()]) {
                throw new IllegalArgumentException(where + "missing '" + GROUP + group.index() + "." + PARAMS + "'");
            }
            Map<String, Double> ordered = new LinkedHashMap<>();
            group.options().keySet().forEach(option -> ordered.put(option, given.get(option)));
            ParamGroup candidate = group.withOptions(ordered, group.index());
            try {
                checkGroup(candidate);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + "a hyper-parameter in the state dict is not acceptable: " + e.getMessage(), e);
            }
            candidates.add(candidate);
        }
        List<Map<String, Tensor>> newState = new ArrayList<>();
        int i = 0;
        for (ParamGroup candidate : candidates) {
            for (Tensor p : candidate.params()) {
                newState.add(checkedState(i, p.shape(), loaded.get(i), stateNames(candidate), where));
                i++;
            }
        }
        for (int g = 0; g < groups.size(); g++) {
            groups.get(g).assign(candidates.get(g).options());
        }
        for (i = 0; i < params.size(); i++) {
            state.set(i, newState.get(i));
        }
    }

    private void checkPositions(String key, Tensor value, int g, String where) {
        int first = 0;
        for (int before = 0; before < g; before++) {
            first += groups.get(before).params().size();
        }
        double[] expected = new double[groups.get(g).params().size()];
        for (int k = 0; k < expected.length; k++) {
            expected[k] = first + k;
        }
        if (!value.shape().equals(Shape.of(expected.length)) || !Arrays.equals(value.toArray(), expected)) {
            throw new IllegalArgumentException(where + "'" + key + "' lists the parameters " + positions(value.toArray())
                    + ", but group " + g + " here holds the parameters " + positions(expected));
        }
    }

    private static String positions(double[] values) {
        StringBuilder s = new StringBuilder("[");
        for (int k = 0; k < values.length; k++) {
            s.append(k == 0 ? "" : ", ").append(format(values[k]));
        }
        return s.append(']').toString();
    }

    private static double scalarOf(String key, Tensor value, String where) {
        if (value.dim() != 0) {
            throw new IllegalArgumentException(where + "'" + key + "' has shape " + value.shape() + ", expected a 0-d tensor");
        }
        return value.item();
    }

    /** Parameter {@code i}'s loaded state in {@code names}' order, copied, after checking names and shapes. */
    private Map<String, Tensor> checkedState(int i, Shape shape, Map<String, Tensor> given, List<String> names, String where) {
        Map<String, Tensor> checked = new LinkedHashMap<>();
        for (String stateName : given.keySet()) {
            if (!names.contains(stateName)) {
                throw new IllegalArgumentException(where + "unknown key '" + PARAM + i + "." + stateName + "'; "
                        + name + " keeps " + names + " for a parameter with these hyper-parameters");
            }
        }
        if (!given.isEmpty() && names.contains(STEP) && !given.containsKey(STEP)) {
            throw new IllegalArgumentException(where + "missing '" + PARAM + i + "." + STEP + "': parameter " + i
                    + " has the state " + given.keySet() + " but no step count");
        }
        for (String stateName : names) {
            Tensor t = given.get(stateName);
            if (t == null) {
                continue;
            }
            String key = PARAM + i + "." + stateName;
            if (stateName.equals(STEP)) {
                double step = scalarOf(key, t, where);
                if (!(step >= 0 && step == Math.rint(step))) {
                    throw new IllegalArgumentException(where + "'" + key + "' must be a whole number >= 0, got " + step);
                }
            } else if (!t.shape().equals(shape)) {
                throw new IllegalArgumentException(where + "'" + key + "' has shape " + t.shape()
                        + ", expected " + shape + " (the parameter's shape)");
            }
            checked.put(stateName, copyOf(t));
        }
        return checked;
    }

    /** A key of a state dict: "group.{index}.{name}" or "param.{index}.{name}". */
    private record StateKey(boolean group, int index, String name) {

        static StateKey parse(String key, int groupCount, int paramCount, String where) {
            boolean group = key.startsWith(GROUP);
            if (!group && !key.startsWith(PARAM)) {
                throw unknown(key, where);
            }
            String rest = key.substring(group ? GROUP.length() : PARAM.length());
            int dot = rest.indexOf('.');
            if (dot <= 0 || dot == rest.length() - 1) {
                throw unknown(key, where);
            }
            int index;
            try {
                index = Integer.parseInt(rest.substring(0, dot));
            } catch (NumberFormatException e) {
                throw unknown(key, where);
            }
            int count = group ? groupCount : paramCount;
            if (index < 0 || index >= count) {
                throw new IllegalArgumentException(where + "'" + key + "' names " + (group ? "group " : "parameter ") + index
                        + ", but this optimizer has " + count + (group ? " group(s)" : " parameter(s)"));
            }
            return new StateKey(group, index, rest.substring(dot + 1));
        }

        private static IllegalArgumentException unknown(String key, String where) {
            return new IllegalArgumentException(where + "unknown key '" + key
                    + "'; expected 'group.{g}.{hyper-parameter}' or 'param.{i}.{state}'");
        }
    }
}
