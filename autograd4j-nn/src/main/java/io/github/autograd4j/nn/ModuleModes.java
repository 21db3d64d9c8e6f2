package io.github.autograd4j.nn;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A model's training and evaluation modes as checkpoint metadata, so that a restored model
 * behaves as the saved one did (Dropout, BatchNorm): {@value #KEY} holds the root module's mode,
 * {@code "true"} or {@code "false"}, and {@value #EXCEPTIONS_KEY}, present only when some
 * descendants are in the other mode (a frozen batch norm in {@code eval()} inside a model in
 * training), their dotted names separated by commas. PyTorch saves no modes; a file without
 * {@value #KEY} leaves the modes as they are.
 */
public final class ModuleModes {

    /** The metadata key of the root module's mode. */
    public static final String KEY = "model.training";
    /** The metadata key of the modules whose mode is not the root's. */
    public static final String EXCEPTIONS_KEY = "model.training.exceptions";

    private ModuleModes() {
    }

    /**
     * The metadata entries that describe {@code module}'s modes.
     *
     * @param module the model
     * @return {@value #KEY}, and {@value #EXCEPTIONS_KEY} when some module differs from the root
     */
    public static Map<String, String> metadata(Module module) {
        Objects.requireNonNull(module, "ModuleModes.metadata: module is null");
        boolean root = module.isTraining();
        List<String> exceptions = new ArrayList<>();
        module.namedModules().forEach((name, m) -> {
            if (m.isTraining() != root) {
                exceptions.add(name);
            }
        });
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put(KEY, Boolean.toString(root));
        if (!exceptions.isEmpty()) {
            metadata.put(EXCEPTIONS_KEY, String.join(",", exceptions));
        }
        return metadata;
    }

    /**
     * Checks the modes in {@code metadata} against {@code module} and returns what sets them, to
     * run once everything else has loaded; nothing changes before it runs.
     *
     * @param op       names the operation in messages, e.g. {@code "checkpoint"}
     * @param module   the model
     * @param metadata the file's metadata
     * @return sets each module's mode as saved (does nothing when the metadata holds no modes)
     * @throws IllegalArgumentException when a mode is not {@code true} or {@code false}, or an
     *                                  exception names no module of the model
     */
    public static Runnable checked(String op, Module module, Map<String, String> metadata) {
        Objects.requireNonNull(module, op + ": module is null");
        Objects.requireNonNull(metadata, op + ": metadata is null");
        String root = metadata.get(KEY);
        if (root == null) {
            return () -> { };
        }
        if (!root.equals("true") && !root.equals("false")) {
            throw new IllegalArgumentException(op + ": metadata '" + KEY + "' must be 'true' or 'false', got '" + root + "'");
        }
        boolean training = Boolean.parseBoolean(root);
        Map<String, Module> modules = module.namedModules();
        String listed = metadata.getOrDefault(EXCEPTIONS_KEY, "");
        Set<String> exceptions = listed.isEmpty() ? Set.of() : new HashSet<>(List.of(listed.split(",", -1)));
        for (String name : exceptions) {
            if (name.isEmpty() || !modules.containsKey(name)) {
                throw new IllegalArgumentException(op + ": metadata '" + EXCEPTIONS_KEY + "' names module '" + name
                        + "', which the model lacks; its modules are "
                        + modules.keySet().stream().filter(n -> !n.isEmpty()).toList());
            }
        }
        return () -> modules.forEach((name, m) -> m.setOwnMode(exceptions.contains(name) != training));
    }
}
