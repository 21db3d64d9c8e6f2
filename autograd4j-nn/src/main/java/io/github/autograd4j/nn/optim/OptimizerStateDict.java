package io.github.autograd4j.nn.optim;

import io.github.autograd4j.Shape;
import io.github.autograd4j.Tensor;
import io.github.autograd4j.nn.StateReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An optimiser's state dict: its encoding ({@link #encode}) and the checks that a dict read back
 * must pass before anything is assigned ({@link #decode}). Keys are {@code "group.{g}.{option}"}
 * (options under PyTorch's names, see {@link OptionsMap}), {@code "group.{g}.params"} (the
 * positions of the group's parameters) and {@code "param.{i}.{state}"}; the file format of
 * checkpoints, so these names never change.
 */
final class OptimizerStateDict {

    private static final String GROUP = "group.";
    private static final String PARAM = "param.";
    private static final String PARAMS = "params";

    /** Checked options for every group and state for every parameter, ready to assign. */
    record Decoded<O>(List<O> options, List<Map<String, Tensor>> state) {
    }

    private OptimizerStateDict() {
    }

    static <O extends OptimizerOptions<O>> Map<String, Tensor> encode(AbstractOptimizer<O> optimizer) {
        Map<String, Tensor> dict = new LinkedHashMap<>();
        int first = 0;
        for (ParamGroup<O> group : optimizer.paramGroups()) {
            String prefix = GROUP + group.index() + ".";
            OptionsMap.of(group.options()).forEach((option, value) -> dict.put(prefix + option, Tensor.scalar(value)));
            dict.put(prefix + PARAMS, Tensor.vector(positions(first, group.params().size())));
            first += group.params().size();
        }
        int i = 0;
        for (ParamGroup<O> group : optimizer.paramGroups()) {
            List<String> kept = optimizer.slotNames(group.options());
            for (int k = 0; k < group.params().size(); k++, i++) {
                for (String stateName : kept) {
                    Tensor t = optimizer.state(i).get(stateName);
                    if (t != null) {
                        dict.put(PARAM + i + "." + stateName, AbstractOptimizer.copyOf(t));
                    }
                }
            }
        }
        return dict;
    }

    /**
     * Reads {@code dict} for {@code optimizer}, checking everything.
     *
     * @throws IllegalArgumentException naming the first key that does not fit
     */
    static <O extends OptimizerOptions<O>> Decoded<O> decode(AbstractOptimizer<O> optimizer, Map<String, Tensor> dict) {
        String name = optimizer.name();
        StateReader in = StateReader.of(name, dict);
        List<ParamGroup<O>> groups = optimizer.paramGroups();
        int paramCount = optimizer.params().size();
        List<Map<String, Double>> given = new ArrayList<>();
        List<Map<String, Tensor>> loaded = new ArrayList<>();
        groups.forEach(g -> given.add(new LinkedHashMap<>()));
        for (int i = 0; i < paramCount; i++) {
            loaded.add(new LinkedHashMap<>());
        }
        boolean[] positionsSeen = new boolean[groups.size()];
        @SuppressWarnings("unchecked")
        Class<O> type = (Class<O>) groups.get(0).options().getClass();
        List<String> optionNames = OptionsMap.names(type);
        for (Map.Entry<String, Tensor> e : dict.entrySet()) {
            String key = e.getKey();
            StateKey k = StateKey.parse(key, groups.size(), paramCount, in);
            if (!k.group()) {
                loaded.get(k.index()).put(k.name(), e.getValue());
            } else if (k.name().equals(PARAMS)) {
                checkPositions(key, e.getValue(), groups, k.index(), in);
                positionsSeen[k.index()] = true;
            } else if (optionNames.contains(k.name())) {
                given.get(k.index()).put(k.name(), in.scalar(key, e.getValue()));
            } else {
                throw in.error("unknown key '" + key + "'; " + name + " has the hyper-parameters " + optionNames);
            }
        }
        List<O> options = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            for (String option : optionNames) {
                in.get(GROUP + g + "." + option);
            }
            if (!positionsSeen[g]) {
                in.get(GROUP + g + "." + PARAMS);
            }
            try {
                O candidate = OptionsMap.from(type, given.get(g), optimizer.where(g));
                optimizer.check(candidate, g);
                options.add(candidate);
            } catch (IllegalArgumentException e) {
                throw in.error("a hyper-parameter in the state dict is not acceptable: " + e.getMessage());
            }
        }
        List<Map<String, Tensor>> state = new ArrayList<>();
        int i = 0;
        for (int g = 0; g < groups.size(); g++) {
            List<StateSlot> slots = optimizer.stateSlots(options.get(g));
            for (Tensor p : groups.get(g).params()) {
                state.add(checkedState(name, i, p.shape(), loaded.get(i), slots, in));
                i++;
            }
        }
        return new Decoded<>(options, state);
    }

    /** Parameter {@code i}'s loaded state in the slots' order, copied, after checking it is complete, finite and of the right shapes. */
    private static Map<String, Tensor> checkedState(String name, int i, Shape shape, Map<String, Tensor> given,
                                                    List<StateSlot> slots, StateReader in) {
        List<String> names = slots.stream().map(StateSlot::name).toList();
        for (String stateName : given.keySet()) {
            if (!names.contains(stateName)) {
                throw in.error("unknown key '" + PARAM + i + "." + stateName + "'; " + name + " keeps " + names
                        + " for a parameter with these hyper-parameters");
            }
        }
        List<String> together = slots.stream().filter(StateSlot::always).map(StateSlot::name).toList();
        if (!given.isEmpty()) {
            for (String required : together) {
                if (!given.containsKey(required)) {
                    throw in.error("missing '" + PARAM + i + "." + required + "': parameter " + i + " has the state "
                            + given.keySet() + ", but " + name + " keeps " + together + " together from a parameter's first step");
                }
            }
        }
        Map<String, Tensor> checked = new LinkedHashMap<>();
        for (StateSlot slot : slots) {
            Tensor t = given.get(slot.name());
            if (t == null) {
                continue;
            }
            String key = PARAM + i + "." + slot.name();
            if (slot.name().equals(StateSlot.STEP_NAME)) {
                in.wholeNumber(key, t, 0, Long.MAX_VALUE);
            } else if (!t.shape().equals(shape)) {
                throw in.error("'" + key + "' has shape " + t.shape() + ", expected " + shape + " (the parameter's shape)");
            }
            double[] values = t.toArray();
            in.requireFinite(key, values);
            if (slot.nonNegative()) {
                for (int e = 0; e < values.length; e++) {
                    if (values[e] < 0) {
                        throw in.error("'" + key + "' must hold values >= 0, got " + values[e] + " at index " + e);
                    }
                }
            }
            checked.put(slot.name(), Tensor.of(values, t.shape().toArray()).to(t.dtype()));
        }
        return checked;
    }

    private static void checkPositions(String key, Tensor value, List<? extends ParamGroup<?>> groups, int g, StateReader in) {
        int first = 0;
        for (int before = 0; before < g; before++) {
            first += groups.get(before).params().size();
        }
        double[] expected = positions(first, groups.get(g).params().size());
        if (!value.shape().equals(Shape.of(expected.length)) || !Arrays.equals(value.toArray(), expected)) {
            throw in.error("'" + key + "' lists the parameters " + listed(value.toArray()) + ", but group " + g
                    + " here holds the parameters " + listed(expected));
        }
    }

    private static double[] positions(int first, int count) {
        double[] positions = new double[count];
        for (int k = 0; k < count; k++) {
            positions[k] = first + k;
        }
        return positions;
    }

    private static String listed(double[] values) {
        StringBuilder s = new StringBuilder("[");
        for (int k = 0; k < values.length; k++) {
            s.append(k == 0 ? "" : ", ").append(OptionCheck.format(values[k]));
        }
        return s.append(']').toString();
    }

    /** A key of a state dict: "group.{index}.{name}" or "param.{index}.{name}". */
    private record StateKey(boolean group, int index, String name) {

        static StateKey parse(String key, int groupCount, int paramCount, StateReader in) {
            boolean group = key.startsWith(GROUP);
            if (!group && !key.startsWith(PARAM)) {
                throw unknown(key, in);
            }
            String rest = key.substring(group ? GROUP.length() : PARAM.length());
            int dot = rest.indexOf('.');
            if (dot <= 0 || dot == rest.length() - 1) {
                throw unknown(key, in);
            }
            int index;
            try {
                index = Integer.parseInt(rest.substring(0, dot));
            } catch (NumberFormatException e) {
                throw unknown(key, in);
            }
            int count = group ? groupCount : paramCount;
            if (index < 0 || index >= count) {
                throw in.error("'" + key + "' names " + (group ? "group " : "parameter ") + index
                        + ", but this optimizer has " + count + (group ? " group(s)" : " parameter(s)"));
            }
            return new StateKey(group, index, rest.substring(dot + 1));
        }

        private static IllegalArgumentException unknown(String key, StateReader in) {
            return in.error("unknown key '" + key + "'; expected 'group.{g}.{hyper-parameter}' or 'param.{i}.{state}'");
        }
    }
}
