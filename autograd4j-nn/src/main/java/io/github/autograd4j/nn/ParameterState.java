package io.github.autograd4j.nn;

import io.github.autograd4j.Grad;
import io.github.autograd4j.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Loads saved tensors into a model's live parameters and buffers, all or nothing: the one check
 * (the same names, none missing and none extra, equal shapes, every tensor a leaf) that
 * {@link Module#loadStateDict} and {@code Checkpoint} share, then the copy, in place and
 * recording nothing.
 */
public final class ParameterState {

    private ParameterState() {
    }

    /**
     * Checks {@code saved} against {@code live}, then overwrites each live parameter with the saved
     * tensor of its name.
     *
     * @param op     names the operation in the message, e.g. {@code "checkpoint"}
     * @param source what {@code saved} came from, e.g. {@code "the file"}
     * @param live   the model's parameters by name
     * @param saved  the tensors to load, by the same names
     * @throws IllegalArgumentException listing every mismatch, e.g. "checkpoint: parameter
     *                                  '0.weight' has shape (20, 10) in the file but (20, 12) in the model";
     *                                  nothing is copied then
     */
    public static void load(String op, String source, Map<String, Tensor> live, Map<String, Tensor> saved) {
        check(op, source, live, saved);
        copy(live, saved);
    }

    /**
     * Checks {@code saved} against {@code module}'s parameters and buffers, then overwrites each
     * with the saved tensor of its name.
     *
     * @param op     names the operation in the message
     * @param source what {@code saved} came from
     * @param module the model
     * @param saved  the tensors to load, by {@link Module#stateDict()} names
     * @throws IllegalArgumentException listing every mismatch; nothing is copied then
     */
    public static void load(String op, String source, Module module, Map<String, Tensor> saved) {
        check(op, source, module, saved);
        copy(module.namedState(), saved);
    }

    private static void copy(Map<String, Tensor> live, Map<String, Tensor> saved) {
        try (var noGrad = Grad.disabled()) {
            live.forEach((name, tensor) -> tensor.copyFrom(saved.get(name)));
        }
    }

    /**
     * The check of {@link #load(String, String, Module, Map)}, alone.
     *
     * @param op     names the operation in the message
     * @param source what {@code saved} came from
     * @param module the model
     * @param saved  the tensors to load
     * @throws IllegalArgumentException listing every mismatch
     */
    public static void check(String op, String source, Module module, Map<String, Tensor> saved) {
        Objects.requireNonNull(module, op + ": module is null");
        check(op, source, module.namedParameters(), module.namedBuffers(), saved);
    }

    /**
     * The check of {@link #load}, alone.
     *
     * @param op     names the operation in the message
     * @param source what {@code saved} came from
     * @param live   the model's parameters by name
     * @param saved  the tensors to load
     * @throws IllegalArgumentException listing every mismatch
     */
    public static void check(String op, String source, Map<String, Tensor> live, Map<String, Tensor> saved) {
        check(op, source, live, Map.of(), saved);
    }

    private static void check(String op, String source, Map<String, Tensor> parameters, Map<String, Tensor> buffers,
                              Map<String, Tensor> saved) {
        Objects.requireNonNull(parameters, op + ": parameters are null");
        Objects.requireNonNull(saved, op + ": state is null");
        List<String> problems = new ArrayList<>();
        parameters.forEach((name, parameter) -> checkOne("parameter", name, parameter, source, saved, problems));
        buffers.forEach((name, buffer) -> checkOne("buffer", name, buffer, source, saved, problems));
        saved.keySet().stream().filter(name -> !parameters.containsKey(name) && !buffers.containsKey(name))
                .forEach(name -> problems.add(source + " has '" + name + "', which the model lacks"));
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(op + ": " + String.join("; ", problems));
        }
    }

    /** Adds what is wrong with loading the saved tensor named {@code name} into {@code live} (a {@code kind}) to {@code problems}. */
    private static void checkOne(String kind, String name, Tensor live, String source, Map<String, Tensor> saved,
                                 List<String> problems) {
        Tensor tensor = saved.get(name);
        if (live == null) {
            problems.add(kind + " '" + name + "' of the model is null");
        } else if (tensor == null) {
            problems.add(kind + " '" + name + "' of the model is missing from " + source);
        } else if (!tensor.shape().equals(live.shape())) {
            problems.add(kind + " '" + name + "' has shape " + tensor.shape() + " in " + source + " but "
                    + live.shape() + " in the model");
        } else if (!live.isLeaf()) {
            problems.add(kind + " '" + name + "' of the model was made by " + live.opName()
                    + "; only leaves can be loaded into");
        }
    }
}
