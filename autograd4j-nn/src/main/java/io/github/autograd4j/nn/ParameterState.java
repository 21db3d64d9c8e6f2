package io.github.autograd4j.nn;

import io.github.autograd4j.Grad;
import io.github.autograd4j.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Loads saved tensors into a model's live parameters, all or nothing: the one check (the same
 * names, none missing and none extra, equal shapes, every parameter a leaf) that
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
        try (var noGrad = Grad.disabled()) {
            live.forEach((name, parameter) -> parameter.copyFrom(saved.get(name)));
        }
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
        Objects.requireNonNull(live, op + ": parameters are null");
        Objects.requireNonNull(saved, op + ": state is null");
        List<String> problems = new ArrayList<>();
        live.forEach((name, parameter) -> {
            Tensor tensor = saved.get(name);
            if (parameter == null) {
                problems.add("parameter '" + name + "' of the model is null");
            } else if (tensor == null) {
                problems.add("parameter '" + name + "' of the model is missing from " + source);
            } else if (!tensor.shape().equals(parameter.shape())) {
                problems.add("parameter '" + name + "' has shape " + tensor.shape() + " in " + source + " but "
                        + parameter.shape() + " in the model");
            } else if (!parameter.isLeaf()) {
                problems.add("parameter '" + name + "' of the model was made by " + parameter.opName()
                        + "; only leaves can be loaded into");
            }
        });
        saved.keySet().stream().filter(name -> !live.containsKey(name))
                .forEach(name -> problems.add(source + " has parameter '" + name + "', which the model lacks"));
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(op + ": " + String.join("; ", problems));
        }
    }
}
