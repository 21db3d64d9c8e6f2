package io.github.autograd4j.nn.io;

import io.github.autograd4j.Grad;
import io.github.autograd4j.Tensor;
import io.github.autograd4j.nn.Module;
import io.github.autograd4j.nn.optim.Optimizer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A training checkpoint: a model's parameters and an optimiser's state in one safetensors file,
 * the model's names prefixed {@value #MODEL_PREFIX} and the optimiser's {@value #OPTIMIZER_PREFIX}
 * (so {@code 0.weight} is stored as {@code model.0.weight}), with metadata strings such as the
 * epoch. The file is replaced atomically, so a crash while saving keeps the previous checkpoint.
 *
 * <pre>{@code
 * Checkpoint.save(path, net, optimizer, Map.of("epoch", "3"));
 * ...
 * Checkpoint ckpt = Checkpoint.restore(path, net, optimizer);   // checks both, then copies
 * int epoch = Integer.parseInt(ckpt.metadata().get("epoch"));
 * }</pre>
 *
 * @param model     the model's tensors by name, without the prefix
 * @param optimizer the optimiser's tensors by name, without the prefix
 * @param metadata  the metadata strings
 */
public record Checkpoint(Map<String, Tensor> model, Map<String, Tensor> optimizer, Map<String, String> metadata) {

    /** The prefix of the model's tensors in the file. */
    public static final String MODEL_PREFIX = "model.";
    /** The prefix of the optimiser's tensors in the file. */
    public static final String OPTIMIZER_PREFIX = "optim.";

    /** Keeps the maps' order; they are unmodifiable. */
    public Checkpoint {
        model = SafeTensorsFile.frozen(model, "model tensors");
        optimizer = SafeTensorsFile.frozen(optimizer, "optimizer tensors");
        metadata = SafeTensorsFile.frozen(metadata, "metadata");
    }

    /** {@link #save(Path, Map, Map, Map, DType)} in {@link DType#F64}, which restores values exactly. */
    public static void save(Path path, Map<String, Tensor> modelState, Map<String, Tensor> optimizerState,
                            Map<String, String> metadata) throws IOException {
        save(path, modelState, optimizerState, metadata, DType.F64);
    }

    /**
     * Saves a model's and an optimiser's tensors to one file, replacing it atomically.
     *
     * @param modelState     e.g. {@code module.namedParameters()}
     * @param optimizerState e.g. {@code optimizer.stateDict()}; empty for none
     * @param metadata       strings stored with them; null or empty for none
     * @throws IOException when writing fails; the previous file is then unchanged
     */
    public static void save(Path path, Map<String, Tensor> modelState, Map<String, Tensor> optimizerState,
                            Map<String, String> metadata, DType dtype) throws IOException {
        Objects.requireNonNull(modelState, "Checkpoint.save: model state is null");
        Objects.requireNonNull(optimizerState, "Checkpoint.save: optimizer state is null");
        Map<String, Tensor> all = new LinkedHashMap<>();
        modelState.forEach((name, t) -> all.put(MODEL_PREFIX + name, t));
        optimizerState.forEach((name, t) -> all.put(OPTIMIZER_PREFIX + name, t));
        SafeTensors.write(path, all, metadata, dtype);
    }

    /**
     * Reads a checkpoint written by {@link #save}.
     *
     * @throws CheckpointFormatException when the file is not a valid safetensors file or holds a
     *                                   tensor with neither prefix
     */
    public static Checkpoint load(Path path) throws IOException {
        SafeTensorsFile file = SafeTensors.read(path);
        Map<String, Tensor> model = new LinkedHashMap<>();
        Map<String, Tensor> optimizer = new LinkedHashMap<>();
        for (Map.Entry<String, Tensor> e : file.tensors().entrySet()) {
            String name = e.getKey();
            if (name.startsWith(MODEL_PREFIX)) {
                model.put(name.substring(MODEL_PREFIX.length()), e.getValue());
            } else if (name.startsWith(OPTIMIZER_PREFIX)) {
                optimizer.put(name.substring(OPTIMIZER_PREFIX.length()), e.getValue());
            } else {
                throw new CheckpointFormatException("checkpoint " + path + ": tensor '" + name + "' has neither prefix '"
                        + MODEL_PREFIX + "' nor '" + OPTIMIZER_PREFIX + "'; was it written by Checkpoint.save?");
            }
        }
        return new Checkpoint(model, optimizer, file.metadata());
    }

    /** Saves a module's named parameters and an optimiser's state (F64, so values restore exactly). */
    public static void save(Path path, Module module, Optimizer optimizer, Map<String, String> metadata) throws IOException {
        save(path, module.namedParameters(), optimizer.stateDict(), metadata);
    }

    /**
     * Loads a checkpoint into a module and its optimiser: checks the module's parameters (names
     * and shapes) and the optimiser's state, and only then changes either, so a checkpoint of
     * another architecture or optimiser leaves both as they were.
     *
     * @return the checkpoint, for its metadata
     * @throws IllegalArgumentException when the model or the optimiser state does not match
     */
    public static Checkpoint restore(Path path, Module module, Optimizer optimizer) throws IOException {
        Checkpoint checkpoint = load(path);
        Map<String, Tensor> params = module.namedParameters();
        checkpoint.checkModel(params);
        optimizer.loadStateDict(checkpoint.optimizer());
        checkpoint.copyChecked(params);
        return checkpoint;
    }

    /**
     * Loads a checkpoint and copies its model tensors into {@code modelParams} (see
     * {@link #copyModelInto(Map)}); returns it, for the optimiser state and metadata.
     *
     * @throws IllegalArgumentException when names or shapes do not match; nothing is copied then
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
     * @throws IllegalArgumentException listing every mismatch, e.g. "checkpoint: parameter
     *                                  '0.weight' has shape (20, 10) in the file but (20, 12) in the model"
     */
    public void copyModelInto(Map<String, Tensor> params) {
        checkModel(params);
        copyChecked(params);
    }

    private void copyChecked(Map<String, Tensor> params) {
        try (var noGrad = Grad.disabled()) {
            params.forEach((name, live) -> live.copyFrom(model.get(name)));
        }
    }

    private void checkModel(Map<String, Tensor> params) {
        Objects.requireNonNull(params, "checkpoint: parameters are null");
        List<String> problems = new ArrayList<>();
        params.forEach((name, live) -> {
            Tensor saved = model.get(name);
            if (live == null) {
                problems.add("parameter '" + name + "' of the model is null");
            } else if (saved == null) {
                problems.add("parameter '" + name + "' of the model is missing from the file");
            } else if (!saved.shape().equals(live.shape())) {
                problems.add("parameter '" + name + "' has shape " + saved.shape() + " in the file but "
                        + live.shape() + " in the model");
            } else if (!live.isLeaf()) {
                problems.add("parameter '" + name + "' of the model was made by " + live.opName()
                        + "; only leaves can be loaded into");
            }
        });
        model.keySet().stream().filter(name -> !params.containsKey(name))
                .forEach(name -> problems.add("the file has parameter '" + name + "', which the model lacks"));
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("checkpoint: " + String.join("; ", problems));
        }
    }
}
