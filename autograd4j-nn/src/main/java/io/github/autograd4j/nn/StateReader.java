package io.github.autograd4j.nn;

import io.github.autograd4j.Shape;
import io.github.autograd4j.Tensor;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;

/**
 * Reads a state dict inside a {@link Stateful#loadStateDict(Map)}: checks its keys and values
 * and throws with a message that names the owner, the key and what was expected, e.g.
 * {@code "StepLR.loadStateDict: 'steps' must be a whole number in [0, 2147483647], got 1.5"}. It
 * only reads, so a {@code loadStateDict} that reads everything first and then assigns changes
 * nothing when a value does not fit.
 *
 * <pre>{@code
 * StateReader in = StateReader.of("StepLR", state).expectKeys(List.of("steps", "base_lrs"));
 * int steps = (int) in.wholeNumber("steps", 0, Integer.MAX_VALUE);
 * }</pre>
 */
public final class StateReader {

    private final String where;
    private final Map<String, Tensor> state;

    private StateReader(String where, Map<String, Tensor> state) {
        this.where = where;
        this.state = state;
    }

    /**
     * A reader of {@code state} for {@code owner}'s {@code loadStateDict}.
     *
     * @param owner names the class in messages, e.g. {@code "StepLR"}
     * @param state the state dict to read
     * @return the reader
     * @throws NullPointerException when the dict, a key or a value is null
     */
    public static StateReader of(String owner, Map<String, Tensor> state) {
        String where = owner + ".loadStateDict: ";
        Objects.requireNonNull(state, where + "the state dict is null");
        state.forEach((key, value) -> {
            Objects.requireNonNull(key, where + "a key is null");
            Objects.requireNonNull(value, where + "'" + key + "' is null");
        });
        return new StateReader(where, state);
    }

    /**
     * Checks that the keys are exactly {@code keys}.
     *
     * @param keys the keys expected
     * @return this reader
     * @throws IllegalArgumentException naming an unknown key first, then a missing one
     */
    public StateReader expectKeys(Collection<String> keys) {
        for (String key : state.keySet()) {
            if (!keys.contains(key)) {
                throw error("unknown key '" + key + "'; expected " + keys);
            }
        }
        for (String key : keys) {
            get(key);
        }
        return this;
    }

    /**
     * The tensor under {@code key}.
     *
     * @param key the key
     * @return the tensor
     * @throws IllegalArgumentException when there is none
     */
    public Tensor get(String key) {
        Tensor t = state.get(key);
        if (t == null) {
            throw error("missing '" + key + "'");
        }
        return t;
    }

    /**
     * The value of the 0-d tensor under {@code key}.
     *
     * @param key the key
     * @return its value
     * @throws IllegalArgumentException when it is missing or not 0-d
     */
    public double scalar(String key) {
        return scalar(key, get(key));
    }

    /**
     * The value of {@code value}, which must be a 0-d tensor, read as the entry {@code key}.
     *
     * @param key   names the entry in messages
     * @param value the tensor
     * @return its value
     * @throws IllegalArgumentException when it is not 0-d
     */
    public double scalar(String key, Tensor value) {
        if (value.dim() != 0) {
            throw error("'" + key + "' has shape " + value.shape() + ", expected a 0-d tensor");
        }
        return value.item();
    }

    /**
     * The 0-d tensor under {@code key} as a whole number in {@code [min, max]}.
     *
     * @param key the key
     * @param min the smallest value accepted
     * @param max the largest value accepted
     * @return the number
     * @throws IllegalArgumentException when it is missing, not 0-d, fractional or out of range
     */
    public long wholeNumber(String key, long min, long max) {
        return wholeNumber(key, get(key), min, max);
    }

    /**
     * {@code value}, a 0-d tensor read as the entry {@code key}, as a whole number in {@code [min, max]}.
     *
     * @param key   names the entry in messages
     * @param value the tensor
     * @param min   the smallest value accepted
     * @param max   the largest value accepted
     * @return the number
     * @throws IllegalArgumentException when it is not 0-d, fractional or out of range
     */
    public long wholeNumber(String key, Tensor value, long min, long max) {
        double v = scalar(key, value);
        if (!(v >= min && v <= max && v == Math.rint(v))) {
            String range = max == Long.MAX_VALUE ? ">= " + min : "in [" + min + ", " + max + "]";
            throw error("'" + key + "' must be a whole number " + range + ", got " + v);
        }
        return (long) v;
    }

    /**
     * The values of the 1-d tensor under {@code key}, which must hold {@code length} finite values.
     *
     * @param key    the key
     * @param length the number of values expected
     * @return a copy of the values
     * @throws IllegalArgumentException when it is missing, of another shape, or holds a NaN or infinity
     */
    public double[] finiteVector(String key, int length) {
        Tensor t = get(key);
        if (!t.shape().equals(Shape.of(length))) {
            throw error("'" + key + "' has shape " + t.shape() + ", expected " + Shape.of(length));
        }
        double[] values = t.toArray();
        requireFinite(key, values);
        return values;
    }

    /**
     * Checks that every value read as the entry {@code key} is finite.
     *
     * @param key    names the entry in messages
     * @param values the values
     * @throws IllegalArgumentException naming the first NaN or infinity and its index
     */
    public void requireFinite(String key, double[] values) {
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw error("'" + key + "' must hold finite values, got " + values[i] + " at index " + i);
            }
        }
    }

    /**
     * An exception saying what is wrong, prefixed with the owner: {@code "StepLR.loadStateDict: {detail}"}.
     *
     * @param detail what is wrong
     * @return the exception, to throw
     */
    public IllegalArgumentException error(String detail) {
        return new IllegalArgumentException(where + detail);
    }
}
