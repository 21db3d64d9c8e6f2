package io.github.autograd4j.nn;

import io.github.autograd4j.DType;
import io.github.autograd4j.Tensor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * A building block of a network, as PyTorch's {@code nn.Module}: a function {@link #forward} of a
 * tensor that owns named parameters (leaves that require grad) and named child modules.
 *
 * <pre>{@code
 * import io.github.autograd4j.nn.Linear;
 * import io.github.autograd4j.nn.Module;   // by name: a wildcard import of nn clashes with java.lang.Module
 * import io.github.autograd4j.nn.ReLU;
 * import io.github.autograd4j.nn.Sequential;
 *
 * Module net = new Sequential(new Linear(10, 20), new ReLU(), new Linear(20, 5));
 * net.namedParameters().keySet();   // [0.weight, 0.bias, 2.weight, 2.bias]
 * net.numParameters();              // 325
 * net.eval();                       // recursively, e.g. Dropout becomes the identity
 * }</pre>
 *
 * <p>Subclasses register what they own in their constructor with {@link #registerParameter},
 * {@link #registerBuffer} and {@link #registerModule}, and read their parameters back with
 * {@link #parameter} inside {@code forward}, which lets {@link #forwardWith} stand other tensors in
 * for them (PyTorch's {@code torch.func.functional_call}). Registration order is the order of
 * {@link #parameters()}, {@link #namedParameters()} and {@link #toString()}: a module's own
 * parameters first, then each child's, depth first, as PyTorch does; a tensor registered twice is
 * listed once. Buffers (a batch norm's running statistics) are state that is not trained: saved by
 * {@link #stateDict()} and checkpoints, converted by {@link #to}, never given to an optimiser.
 *
 * <p>A module is not thread-safe: share one between threads only for reading.
 */
public abstract class Module implements Stateful {

    private final Map<String, Tensor> ownParameters = new LinkedHashMap<>();
    private final Map<String, Tensor> ownBuffers = new LinkedHashMap<>();
    private final Map<String, Module> children = new LinkedHashMap<>();
    private boolean training = true;

    /**
     * The output for input {@code x}; recorded for backward when a parameter or {@code x} requires
     * grad.
     *
     * @param x the input, its shape as the module expects (a batch first, for most)
     * @return the output: a new tensor, or {@code x} itself for a module that passes it through
     *         (an empty {@code Sequential}, {@code Dropout} in evaluation mode)
     */
    public abstract Tensor forward(Tensor x);

    // ------------------------------------------------------------------ registration

    /**
     * Registers {@code tensor} as this module's parameter {@code name} and marks it as requiring
     * grad (as wrapping it in PyTorch's {@code nn.Parameter} does), labelling it {@code name} for
     * graphs and messages unless it has a label; returns it.
     *
     * @param name   the parameter's name in this module, non-empty, without dots
     * @param tensor a leaf; from now on it requires grad
     * @return {@code tensor}, for a field initialiser
     * @throws IllegalArgumentException when the name is empty, contains a dot or is already used,
     *                                  or the tensor was made by an operation (a parameter must be a leaf)
     */
    protected final Tensor registerParameter(String name, Tensor tensor) {
        checkNewName(name);
        Objects.requireNonNull(tensor, describe() + ": parameter '" + name + "' is null");
        if (!tensor.isLeaf()) {
            throw new IllegalArgumentException(describe() + ": parameter '" + name + "' of shape " + tensor.shape()
                    + " was made by " + tensor.opName() + "; a parameter must be a leaf (detach() it first)");
        }
        tensor.requiresGrad(true);
        if (tensor.label() == null) {
            tensor.label(name);
        }
        ownParameters.put(name, tensor);
        return tensor;
    }

    /**
     * Registers {@code tensor} as this module's buffer {@code name}, as PyTorch's
     * {@code register_buffer}: state that is saved and loaded with the parameters (a batch norm's
     * {@code running_mean}) but not trained, so it is not among {@link #parameters()}. Labelled
     * {@code name} unless it has a label; returns it. The module changes it in place
     * ({@link Tensor#copyFrom}), so the tensor stays the same object.
     *
     * @param name   the buffer's name in this module, non-empty, without dots
     * @param tensor a leaf that does not require grad
     * @return {@code tensor}, for a field initialiser
     * @throws IllegalArgumentException when the name is empty, contains a dot or is already used,
     *                                  or the tensor was made by an operation or requires grad
     */
    protected final Tensor registerBuffer(String name, Tensor tensor) {
        checkNewName(name);
        Objects.requireNonNull(tensor, describe() + ": buffer '" + name + "' is null");
        if (!tensor.isLeaf() || tensor.requiresGrad()) {
            throw new IllegalArgumentException(describe() + ": buffer '" + name + "' of shape " + tensor.shape()
                    + (tensor.isLeaf() ? " requires grad" : " was made by " + tensor.opName())
                    + "; a buffer must be a leaf that does not require grad (detach() it first)");
        }
        if (tensor.label() == null) {
            tensor.label(name);
        }
        ownBuffers.put(name, tensor);
        return tensor;
    }

    /**
     * Registers {@code module} as child {@code name}; returns it.
     *
     * @param <M>    the child's type, kept for the caller's field
     * @param name   the child's name in this module, non-empty, without dots
     * @param module the child, not this module
     * @return {@code module}, for a field initialiser
     * @throws IllegalArgumentException when the name is empty, contains a dot or is already used,
     *                                  or the module is this one
     */
    protected final <M extends Module> M registerModule(String name, M module) {
        checkNewName(name);
        Objects.requireNonNull(module, describe() + ": module '" + name + "' is null");
        if (module == this) {
            throw new IllegalArgumentException(describe() + ": a module cannot be its own child ('" + name + "')");
        }
        children.put(name, module);
        return module;
    }

    private void checkNewName(String name) {
        Objects.requireNonNull(name, describe() + ": name is null");
        if (name.isEmpty() || name.contains(".")) {
            throw new IllegalArgumentException(describe() + ": name '" + name
                    + "' must be non-empty and free of dots (dots separate the levels of a dotted name)");
        }
        if (ownParameters.containsKey(name) || ownBuffers.containsKey(name) || children.containsKey(name)) {
            throw new IllegalArgumentException(describe() + ": name '" + name + "' is already used");
        }
    }

    /**
     * This module's own parameter {@code name}, for use in {@code forward}.
     *
     * @param name the name it was registered under
     * @return the parameter, or its stand-in during {@link #forwardWith}
     * @throws IllegalArgumentException when there is no such parameter
     */
    protected final Tensor parameter(String name) {
        Tensor t = ownParameters.get(name);
        if (t == null) {
            throw new IllegalArgumentException(describe() + ": no parameter '" + name + "'; it has "
                    + ownParameters.keySet());
        }
        return t;
    }

    /**
     * This module's own buffer {@code name}, for use in {@code forward}.
     *
     * @param name the name it was registered under
     * @return the buffer
     * @throws IllegalArgumentException when there is no such buffer
     */
    protected final Tensor buffer(String name) {
        Tensor t = ownBuffers.get(name);
        if (t == null) {
            throw new IllegalArgumentException(describe() + ": no buffer '" + name + "'; it has " + ownBuffers.keySet());
        }
        return t;
    }

    // ------------------------------------------------------------------ parameters, buffers and children

    /**
     * Every parameter, in registration order, depth first, each tensor once.
     *
     * @return a new unmodifiable list, empty for a module without parameters
     */
    public final List<Tensor> parameters() {
        return List.copyOf(namedParameters().values());
    }

    /**
     * Every parameter by its dotted name ({@code "weight"}, {@code "0.bias"}, {@code "encoder.2.weight"}),
     * in the order of {@link #parameters()}. A tensor registered under several names keeps the first.
     *
     * @return a new map, the caller's to change; its tensors are the live parameters
     */
    public final LinkedHashMap<String, Tensor> namedParameters() {
        LinkedHashMap<String, Tensor> named = new LinkedHashMap<>();
        collect("", named, Collections.newSetFromMap(new IdentityHashMap<>()));
        return named;
    }

    /**
     * Every buffer by its dotted name ({@code "1.running_mean"}), in registration order, depth
     * first, each tensor once.
     *
     * @return a new map, the caller's to change; its tensors are the live buffers
     */
    public final LinkedHashMap<String, Tensor> namedBuffers() {
        LinkedHashMap<String, Tensor> named = new LinkedHashMap<>();
        collect("", false, true, named, Collections.newSetFromMap(new IdentityHashMap<>()));
        return named;
    }

    /**
     * Every buffer, in the order of {@link #namedBuffers()}.
     *
     * @return a new unmodifiable list, empty for a module without buffers
     */
    public final List<Tensor> buffers() {
        return List.copyOf(namedBuffers().values());
    }

    /**
     * The live parameters and buffers by dotted name, in PyTorch's {@code state_dict} order: each
     * module's own parameters, then its own buffers, then its children's, depth first.
     */
    final LinkedHashMap<String, Tensor> namedState() {
        LinkedHashMap<String, Tensor> named = new LinkedHashMap<>();
        collect("", true, true, named, Collections.newSetFromMap(new IdentityHashMap<>()));
        return named;
    }

    private void collect(String prefix, Map<String, Tensor> named, Set<Tensor> seen) {
        collect(prefix, true, false, named, seen);
    }

    private void collect(String prefix, boolean parameters, boolean buffers, Map<String, Tensor> named, Set<Tensor> seen) {
        if (parameters) {
            addUnseen(prefix, ownParameters, named, seen);
        }
        if (buffers) {
            addUnseen(prefix, ownBuffers, named, seen);
        }
        children.forEach((name, child) -> child.collect(prefix + name + ".", parameters, buffers, named, seen));
    }

    private static void addUnseen(String prefix, Map<String, Tensor> own, Map<String, Tensor> named, Set<Tensor> seen) {
        own.forEach((name, t) -> {
            if (seen.add(t)) {
                named.put(prefix + name, t);
            }
        });
    }

    /**
     * Converts every parameter and buffer, in this module and its children, to type {@code dtype}
     * (PyTorch's {@code module.to(dtype)}): each becomes a new leaf of that type with the same
     * values (rounded to float32, or widened exactly), labelled as before, a parameter requiring
     * grad and without a gradient. Make the optimiser after this call, as in PyTorch: one made
     * before holds the old tensors. (A count kept as a buffer, such as batch norm's
     * {@code num_batches_tracked}, is exact in float32 up to 2^24.)
     *
     * @param dtype the type wanted
     * @return this module
     */
    public Module to(DType dtype) {
        Objects.requireNonNull(dtype, describe() + ": dtype is null");
        convert(dtype, new IdentityHashMap<>());
        return this;
    }

    /** {@link #to}, converting a parameter shared by several modules once, so that it stays shared. */
    private void convert(DType dtype, Map<Tensor, Tensor> converted) {
        UnaryOperator<Tensor> convertOnce = p -> p.dtype() == dtype ? p : converted.computeIfAbsent(p, old -> {
            Tensor t = old.detach().to(dtype).requiresGrad(old.requiresGrad());
            return old.label() == null ? t : t.label(old.label());
        });
        ownParameters.replaceAll((name, p) -> convertOnce.apply(p));
        ownBuffers.replaceAll((name, b) -> convertOnce.apply(b));
        children.values().forEach(child -> child.convert(dtype, converted));
    }
    /**
     * A copy of every parameter and buffer by name, as PyTorch's {@code state_dict()} and in its
     * order (each module's parameters, then its buffers, then its children's): what
     * {@link #loadStateDict} takes back, and what a checkpoint saves.
     *
     * @return the values by dotted name, copied
     */
    @Override
    public Map<String, Tensor> stateDict() {
        Map<String, Tensor> state = new LinkedHashMap<>();
        namedState().forEach((name, p) -> state.put(name, p.detach().clone()));
        return state;
    }

    /**
     * Overwrites every parameter and buffer with the tensor of its name in {@code state}, as
     * PyTorch's {@code load_state_dict()}, recording nothing; all checked first (the same names,
     * equal shapes), so a mismatch changes nothing.
     *
     * @param state values by name, as {@link #stateDict()} gives them
     * @throws IllegalArgumentException listing every mismatch
     */
    @Override
    public void loadStateDict(Map<String, Tensor> state) {
        ParameterState.load("loadStateDict", "the state dict", this, state);
    }

    /**
     * This module and every descendant by dotted name, as PyTorch's {@code named_modules()}: this
     * module first under {@code ""}, then each child and its descendants, depth first, each module
     * once.
     *
     * @return a new map, the caller's to change
     */
    public final LinkedHashMap<String, Module> namedModules() {
        LinkedHashMap<String, Module> named = new LinkedHashMap<>();
        collectModules("", named, Collections.newSetFromMap(new IdentityHashMap<>()));
        return named;
    }

    private void collectModules(String name, Map<String, Module> named, Set<Module> seen) {
        if (seen.add(this)) {
            named.put(name, this);
            children.forEach((child, m) -> m.collectModules(name.isEmpty() ? child : name + "." + child, named, seen));
        }
    }

    /**
     * The direct children by name, in registration order.
     *
     * @return an unmodifiable view, empty for a module without children
     */
    public final Map<String, Module> namedChildren() {
        return Collections.unmodifiableMap(children);
    }

    /**
     * The direct children, in registration order.
     *
     * @return a new unmodifiable list, empty for a module without children
     */
    public final List<Module> children() {
        return List.copyOf(children.values());
    }

    /**
     * The number of parameter elements, each tensor counted once.
     *
     * @return the total element count, 0 or more
     */
    public final long numParameters() {
        long n = 0;
        for (Tensor t : parameters()) {
            n += t.numel();
        }
        return n;
    }

    /** Clears every parameter's gradient (sets it to null, as PyTorch's {@code zero_grad(set_to_none=True)}). */
    public final void zeroGrad() {
        for (Tensor t : parameters()) {
            t.zeroGrad();
        }
    }

    // ------------------------------------------------------------------ functional call

    /**
     * {@link #forward} with some parameters replaced by other tensors, given by dotted name, as
     * PyTorch's {@code torch.func.functional_call}: gradients then flow to those tensors, which
     * lets {@code GradCheck} check a module with respect to its weights, or {@code Autograd}
     * take a Hessian in them. The module's own parameters are put back afterwards, also when
     * {@code forward} throws.
     *
     * @param replacements stand-ins by dotted name (as {@link #namedParameters()} names them), each
     *                     of its parameter's shape
     * @param x            the input
     * @return the output, computed from the stand-ins
     * @throws IllegalArgumentException when a name is not a parameter or a shape differs, before
     *                                  anything is replaced
     */
    public final Tensor forwardWith(Map<String, Tensor> replacements, Tensor x) {
        Objects.requireNonNull(replacements, describe() + ": replacements are null");
        List<Runnable> restore = new ArrayList<>();
        Map<Module, Map<String, Tensor>> plan = new IdentityHashMap<>();
        replacements.forEach((name, t) -> {
            Module owner = owner(name);
            String local = name.substring(name.lastIndexOf('.') + 1);
            Tensor current = owner.ownParameters.get(local);
            Objects.requireNonNull(t, describe() + ": replacement for '" + name + "' is null");
            if (!t.shape().equals(current.shape())) {
                throw new IllegalArgumentException(describe() + ": replacement for '" + name + "' has shape "
                        + t.shape() + ", expected " + current.shape());
            }
            plan.computeIfAbsent(owner, m -> new LinkedHashMap<>()).put(local, t);
        });
        try {
            plan.forEach((owner, swaps) -> swaps.forEach((local, t) -> {
                Tensor saved = owner.ownParameters.put(local, t);
                restore.add(() -> owner.ownParameters.put(local, saved));
            }));
            return forward(x);
        } finally {
            restore.forEach(Runnable::run);
        }
    }

    /** The module that owns the parameter of dotted name {@code name}. */
    private Module owner(String name) {
        Objects.requireNonNull(name, describe() + ": parameter name is null");
        Module m = this;
        String[] parts = name.split("\\.", -1);
        for (int i = 0; i < parts.length - 1 && m != null; i++) {
            m = m.children.get(parts[i]);
        }
        if (m == null || !m.ownParameters.containsKey(parts[parts.length - 1])) {
            throw new IllegalArgumentException(describe() + ": no parameter named '" + name + "'; it has "
                    + namedParameters().keySet());
        }
        return m;
    }

    // ------------------------------------------------------------------ training mode

    /**
     * Sets training mode ({@code true}) or evaluation mode on this module and every descendant;
     * returns this.
     *
     * @param mode true for training mode, false for evaluation mode
     * @return this module
     */
    public Module train(boolean mode) {
        training = mode;
        for (Module child : children.values()) {
            child.train(mode);
        }
        return this;
    }

    /** Sets this module's mode alone, not its descendants' (restoring a checkpoint's modes, {@link ModuleModes}). */
    final void setOwnMode(boolean mode) {
        training = mode;
    }

    /**
     * Training mode, recursively (the default); returns this.
     *
     * @return this module
     */
    public final Module train() {
        return train(true);
    }

    /**
     * Evaluation mode, recursively (as PyTorch's {@code eval()}); returns this.
     *
     * @return this module
     */
    public final Module eval() {
        return train(false);
    }

    /**
     * True in training mode.
     *
     * @return whether this module is in training mode
     */
    public final boolean isTraining() {
        return training;
    }

    // ------------------------------------------------------------------ printing

    /**
     * The name shown by {@link #toString()}: the class's simple name.
     *
     * @return the name, never null
     */
    protected String name() {
        String simple = getClass().getSimpleName();
        return simple.isEmpty() ? "Module" : simple;
    }

    /**
     * The settings shown between the parentheses of {@link #toString()}, e.g.
     * {@code in_features=10}; empty by default.
     *
     * @return the settings, {@code ", "}-separated; empty for none
     */
    protected String extraRepr() {
        return "";
    }

    /**
     * A tree as PyTorch prints modules:
     * <pre>
     * Sequential(
     *   (0): Linear(in_features=10, out_features=20, bias=true)
     *   (1): ReLU()
     * )
     * </pre>
     */
    @Override
    public String toString() {
        List<String> lines = new ArrayList<>();
        String extra = extraRepr();
        if (!extra.isEmpty()) {
            lines.addAll(List.of(extra.split("\n", -1)));
        }
        children.forEach((name, child) -> lines.add("(" + name + "): " + child.toString().replace("\n", "\n  ")));
        if (lines.isEmpty()) {
            return name() + "()";
        }
        if (children.isEmpty() && lines.size() == 1) {
            return name() + "(" + lines.get(0) + ")";
        }
        return name() + "(\n  " + String.join("\n  ", lines) + "\n)";
    }

    /**
     * How error messages name this module: the name with its extra repr, e.g. {@code
     * Flatten(start_dim=1, end_dim=-1)}, or just the name when there is none; Linear says {@code Linear(3, 2)}.
     */
    String describe() {
        String extra = extraRepr();
        return extra.isEmpty() ? name() : name() + "(" + extra + ")";
    }
}
