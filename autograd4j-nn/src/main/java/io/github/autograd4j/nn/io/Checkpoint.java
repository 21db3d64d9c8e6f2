package io.github.autograd4j.nn.io;

import io.github.autograd4j.DType;
import io.github.autograd4j.Grad;
import io.github.autograd4j.Tensor;
import io.github.autograd4j.nn.Module;
import io.github.autograd4j.nn.ModuleModes;
import io.github.autograd4j.nn.ParameterState;
import io.github.autograd4j.nn.Stateful;
import io.github.autograd4j.nn.optim.Optimizer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A training checkpoint: a model's parameters, an optimiser's state and the state of anything
 * else training needs to resume exactly (a learning-rate scheduler, a data loader's position) in
 * one safetensors file, with metadata strings such as the epoch. In the file the model's names
 * are prefixed {@value #MODEL_PREFIX} (so {@code 0.weight} is stored as {@code model.0.weight}),
 * the optimiser's {@value #OPTIMIZER_PREFIX} and each other state's {@value #STATE_PREFIX}
 * followed by the name it was saved under. The file is replaced atomically, so a crash while
 * saving keeps the previous checkpoint. As PyTorch's
 * {@code torch.save({'model': ..., 'optimizer': ..., 'scheduler': ...}, path)}:
 *
 * <pre>{@code
 * Map<String, Stateful> more = Map.of("scheduler", scheduler, "loader", loader);
 * Checkpoint.save(path, net, optimizer, more, Map.of("epoch", "3"));
 * ...
 * Checkpoint ckpt = Checkpoint.restore(path, net, optimizer, more);   // checks everything, then loads
 * int epoch = Integer.parseInt(ckpt.metadata().get("epoch"));
 * }</pre>
 *
 * @param model     the model's tensors by name, without the prefix
 * @param optimizer the optimiser's tensors by name, without the prefix
 * @param states    each other state's tensors by name, under the name it was saved with
 * @param metadata  the metadata strings
 */
public record Checkpoint(Map<String, Tensor> model, Map<String, Tensor> optimizer, Map<String, Map<String, Tensor>> states,
                         Map<String, String> metadata) {

    /** The prefix of the model's tensors in the file. */
    public static final String MODEL_PREFIX = "model.";
    /** The prefix of the optimiser's tensors in the file. */
    public static final String OPTIMIZER_PREFIX = "optim.";
    /** The prefix of the other states' tensors in the file, followed by the state's name and a dot. */
    public static final String STATE_PREFIX = "state.";

    private static final Pattern STATE_NAME = Pattern.compile("[A-Za-z0-9_-]+");

    /**
     * Keeps the maps' order; they are unmodifiable.
     *
     * @param model     the model's tensors by name, without the prefix
     * @param optimizer the optimiser's tensors by name, without the prefix
     * @param states    each other state's tensors by name, under the name it was saved with
     * @param metadata  the metadata strings
     */
    public Checkpoint {
        model = SafeTensorsFile.frozen(model, "model tensors");
        optimizer = SafeTensorsFile.frozen(optimizer, "optimizer tensors");
        Map<String, Map<String, Tensor>> frozenStates = new LinkedHashMap<>();
        SafeTensorsFile.frozen(states, "states").forEach((name, state) -> frozenStates.put(name, SafeTensorsFile.frozen(state, "state tensors")));
        states = Collections.unmodifiableMap(frozenStates);
        metadata = SafeTensorsFile.frozen(metadata, "metadata");
    }

    /**
     * {@link #save(Path, Map, Map, Map, DType)} with each tensor in its own type, which restores
     * values exactly.
     *
     * @param path           the file
     * @param modelState     e.g. {@code module.namedParameters()}
     * @param optimizerState e.g. {@code optimizer.stateDict()}; empty for none
     * @param metadata       strings stored with them; null or empty for none
     * @throws IOException when writing fails; the previous file is then unchanged
     */
    public static void save(Path path, Map<String, Tensor> modelState, Map<String, Tensor> optimizerState,
                            Map<String, String> metadata) throws IOException {
        write(path, modelState, optimizerState, Map.of(), metadata, null);
    }

    /**
     * Saves a model's and an optimiser's tensors to one file, replacing it atomically.
     *
     * @param path           the file
     * @param modelState     e.g. {@code module.namedParameters()}
     * @param optimizerState e.g. {@code optimizer.stateDict()}; empty for none
     * @param metadata       strings stored with them; null or empty for none
     * @param dtype          the type every tensor is stored in (float32 halves a float64 model's file, rounded)
     * @throws IOException when writing fails; the previous file is then unchanged
     */
    public static void save(Path path, Map<String, Tensor> modelState, Map<String, Tensor> optimizerState,
                            Map<String, String> metadata, DType dtype) throws IOException {
        Objects.requireNonNull(dtype, "Checkpoint.save: dtype is null");
        write(path, modelState, optimizerState, Map.of(), metadata, dtype);
    }

    /**
     * Saves a module's parameters and buffers, its modes ({@link ModuleModes}) and an optimiser's
     * state (each tensor in its own type, so values restore exactly).
     *
     * @param path      the file
     * @param module    the model
     * @param optimizer its optimiser
     * @param metadata  strings stored with them; null or empty for none
     * @throws IOException when writing fails; the previous file is then unchanged
     */
    public static void save(Path path, Module module, Optimizer optimizer, Map<String, String> metadata) throws IOException {
        save(path, module, optimizer, Map.of(), metadata);
    }

    /**
     * Saves a module's parameters and buffers ({@link Module#stateDict()}), its training and
     * evaluation modes (as metadata, {@link ModuleModes}), an optimiser's state and the state of
     * each of {@code states} under its name (each tensor in its own type, so values restore
     * exactly): what a run needs to resume exactly, e.g.
     * {@code Map.of("scheduler", scheduler, "loader", loader)}.
     *
     * @param path      the file
     * @param module    the model
     * @param optimizer its optimiser
     * @param states    more state by name (letters, digits, {@code _} and {@code -}); empty for none
     * @param metadata  strings stored with them; null or empty for none
     * @throws IllegalArgumentException when a state's name is not acceptable, or the metadata uses a
     *                                  key of the modes
     * @throws IOException              when writing fails; the previous file is then unchanged
     */
    public static void save(Path path, Module module, Optimizer optimizer, Map<String, ? extends Stateful> states,
                            Map<String, String> metadata) throws IOException {
        Objects.requireNonNull(module, "Checkpoint.save: module is null");
        Objects.requireNonNull(optimizer, "Checkpoint.save: optimizer is null");
        Map<String, Map<String, Tensor>> stateDicts = new LinkedHashMap<>();
        named(states, "Checkpoint.save").forEach((name, state) -> stateDicts.put(name, state.stateDict()));
        Map<String, String> withModes = new LinkedHashMap<>(metadata == null ? Map.of() : metadata);
        for (String key : List.of(ModuleModes.KEY, ModuleModes.EXCEPTIONS_KEY)) {
            if (withModes.containsKey(key)) {
                throw new IllegalArgumentException("Checkpoint.save: metadata key '" + key
                        + "' is reserved for the model's training mode, which is saved from the module");
            }
        }
        withModes.putAll(ModuleModes.metadata(module));
        write(path, module.stateDict(), optimizer.stateDict(), stateDicts, withModes, null);
    }

    private static void write(Path path, Map<String, Tensor> modelState, Map<String, Tensor> optimizerState,
                              Map<String, Map<String, Tensor>> states, Map<String, String> metadata, DType dtype) throws IOException {
        Objects.requireNonNull(modelState, "Checkpoint.save: model state is null");
        Objects.requireNonNull(optimizerState, "Checkpoint.save: optimizer state is null");
        Map<String, Tensor> all = new LinkedHashMap<>();
        modelState.forEach((name, t) -> all.put(MODEL_PREFIX + name, t));
        optimizerState.forEach((name, t) -> all.put(OPTIMIZER_PREFIX + name, t));
        states.forEach((name, state) -> state.forEach((key, t) -> all.put(STATE_PREFIX + name + "." + key, t)));
        if (dtype == null) {
            SafeTensors.write(path, all, metadata);
        } else {
            SafeTensors.write(path, all, metadata, dtype);
        }
    }

    /** {@code states}, checked: no null, every name acceptable as part of a tensor's name. */
    private static <S extends Stateful> Map<String, S> named(Map<String, S> states, String op) {
        Objects.requireNonNull(states, op + ": states are null");
        states.forEach((name, state) -> {
            Objects.requireNonNull(name, op + ": a state's name is null");
            Objects.requireNonNull(state, op + ": state '" + name + "' is null");
            if (!STATE_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException(op + ": state name '" + name
                        + "' must be letters, digits, '_' or '-' (it becomes part of the tensors' names)");
            }
        });
        return states;
    }

    /**
     * Reads a checkpoint written by {@link #save}.
     *
     * @param path the file
     * @return what it holds
     * @throws CheckpointFormatException when the file is not a valid safetensors file or holds a
     *                                   tensor with none of the prefixes
     * @throws IOException               when the file cannot be read
     */
    public static Checkpoint load(Path path) throws IOException {
        SafeTensorsFile file = SafeTensors.read(path);
        Map<String, Tensor> model = new LinkedHashMap<>();
        Map<String, Tensor> optimizer = new LinkedHashMap<>();
        Map<String, Map<String, Tensor>> states = new LinkedHashMap<>();
        for (Map.Entry<String, Tensor> e : file.tensors().entrySet()) {
            String name = e.getKey();
            if (name.startsWith(MODEL_PREFIX)) {
                model.put(name.substring(MODEL_PREFIX.length()), e.getValue());
            } else if (name.startsWith(OPTIMIZER_PREFIX)) {
                optimizer.put(name.substring(OPTIMIZER_PREFIX.length()), e.getValue());
            } else if (name.startsWith(STATE_PREFIX) && name.indexOf('.', STATE_PREFIX.length()) > STATE_PREFIX.length()) {
                int dot = name.indexOf('.', STATE_PREFIX.length());
                states.computeIfAbsent(name.substring(STATE_PREFIX.length(), dot), s -> new LinkedHashMap<>())
                        .put(name.substring(dot + 1), e.getValue());
            } else {
                throw new CheckpointFormatException("checkpoint " + path + ": tensor '" + name + "' has none of the prefixes '"
                        + MODEL_PREFIX + "', '" + OPTIMIZER_PREFIX + "' and '" + STATE_PREFIX
                        + "{name}.'; was it written by Checkpoint.save?");
            }
        }
        return new Checkpoint(model, optimizer, states, file.metadata());
    }

    /**
     * Loads a checkpoint into a module and its optimiser: checks the module's parameters and
     * buffers (names and shapes), its modes and the optimiser's state, and only then changes
     * either, so a checkpoint of another architecture or optimiser leaves both as they were. Other
     * states in the file are left unread.
     *
     * @param path      the file
     * @param module    the model
     * @param optimizer its optimiser
     * @return the checkpoint, for its metadata
     * @throws IllegalArgumentException when the model or the optimiser state does not match
     * @throws IOException              when the file cannot be read or is not a checkpoint
     */
    public static Checkpoint restore(Path path, Module module, Optimizer optimizer) throws IOException {
        return restore(path, module, optimizer, Map.of());
    }

    /**
     * Loads a checkpoint into a module, its optimiser and each of {@code states} (by the name it was
     * saved under), as a run resuming: the module's parameters, buffers and modes are checked, then
     * the optimiser and every state load theirs (each checks before it changes); if any refuses,
     * those loaded already get their previous state back, and nothing has changed. Then the
     * module's tensors and modes (training or evaluation, when the file has them) are set.
     *
     * @param path      the file
     * @param module    the model
     * @param optimizer its optimiser
     * @param states    more state by name, as given to {@link #save(Path, Module, Optimizer, Map, Map)}
     * @return the checkpoint, for its metadata
     * @throws IllegalArgumentException when the model, the optimiser state or a state does not
     *                                  match, or the file lacks one of {@code states}
     * @throws IOException              when the file cannot be read or is not a checkpoint
     */
    public static Checkpoint restore(Path path, Module module, Optimizer optimizer, Map<String, ? extends Stateful> states)
            throws IOException {
        Objects.requireNonNull(module, "Checkpoint.restore: module is null");
        Objects.requireNonNull(optimizer, "Checkpoint.restore: optimizer is null");
        named(states, "Checkpoint.restore");
        Checkpoint checkpoint = load(path);
        ParameterState.check("checkpoint", "the file", module, checkpoint.model());
        Runnable setModes = ModuleModes.checked("checkpoint", module, checkpoint.metadata());
        Map<Stateful, Map<String, Tensor>> targets = new LinkedHashMap<>();
        targets.put(optimizer, checkpoint.optimizer());
        states.forEach((name, state) -> {
            Map<String, Tensor> saved = checkpoint.states().get(name);
            if (saved == null) {
                throw new IllegalArgumentException("checkpoint: the file has no state '" + name + "' (it has "
                        + checkpoint.states().keySet() + "); was it saved with one?");
            }
            targets.put(state, saved);
        });
        loadAll(targets);
        ParameterState.load("checkpoint", "the file", module, checkpoint.model());
        setModes.run();
        return checkpoint;
    }

    /** Loads each state; when one refuses, gives those already loaded their previous state back. */
    private static void loadAll(Map<Stateful, Map<String, Tensor>> targets) {
        Map<Stateful, Map<String, Tensor>> before = new LinkedHashMap<>();
        targets.keySet().forEach(target -> before.put(target, target.stateDict()));
        List<Stateful> loaded = new ArrayList<>();
        try {
            for (Map.Entry<Stateful, Map<String, Tensor>> e : targets.entrySet()) {
                e.getKey().loadStateDict(e.getValue());
                loaded.add(e.getKey());
            }
        } catch (RuntimeException refused) {
            for (int i = loaded.size() - 1; i >= 0; i--) {
                loaded.get(i).loadStateDict(before.get(loaded.get(i)));
            }
            throw refused;
        }
    }
    /**
     * Loads a checkpoint and copies its model tensors into {@code modelParams} (see
     * {@link #copyModelInto(Map)}); returns it, for the optimiser state and metadata.
     *
     * @param path        the checkpoint file
     * @param modelParams the live parameters by name, e.g. {@code module.namedParameters()}
     * @return the checkpoint read, whose model tensors are now in {@code modelParams}
     * @throws IllegalArgumentException when names or shapes do not match; nothing is copied then
     * @throws IOException when the file cannot be read or is not a well-formed checkpoint
     *                     ({@link CheckpointFormatException}); nothing is copied then
     */
    public static Checkpoint loadInto(Path path, Map<String, Tensor> modelParams) throws IOException {
        Checkpoint checkpoint = load(path);
        checkpoint.copyModelInto(modelParams);
        return checkpoint;
    }

    /**
     * Overwrites the live parameters {@code params} with this checkpoint's model tensors of the
     * same names, in place, under {@link Grad#disabled()}. Everything is checked first, so a
     * mismatch changes nothing: the same names, no parameter missing and none extra, equal
     * shapes, and every parameter a leaf.
     *
     * @param params the live parameters by name, e.g. {@code module.namedParameters()}: leaves
     *               whose names and shapes are those of {@link #model()}
     * @throws IllegalArgumentException listing every mismatch, e.g. "checkpoint: parameter
     *                                  '0.weight' has shape (20, 10) in the file but (20, 12) in the model"
     */
    public void copyModelInto(Map<String, Tensor> params) {
        ParameterState.load("checkpoint", "the file", params, model);
    }

}
