package io.github.autograd4j.nn.scalar;

import io.github.autograd4j.Value;

/** The nonlinearity a {@link Neuron} applies to its weighted sum; {@link #LINEAR} applies none (and adds no node). */
public enum Activation {
    /** The identity: the neuron outputs its weighted sum. */
    LINEAR("Linear"),
    /** The hyperbolic tangent. */
    TANH("Tanh"),
    /** {@code max(x, 0)}. */
    RELU("ReLU"),
    /** The logistic function {@code 1 / (1 + e^-x)}. */
    SIGMOID("Sigmoid");

    private final String displayName;

    Activation(String displayName) {
        this.displayName = displayName;
    }

    /**
     * Applies this activation to {@code x}: one graph node, or {@code x} itself for
     * {@link #LINEAR}.
     *
     * @param x the weighted sum
     * @return the activation's value, a new node ({@code x} itself for {@link #LINEAR})
     */
    public Value apply(Value x) {
        return switch (this) {
            case LINEAR -> x;
            case TANH -> x.tanh();
            case RELU -> x.relu();
            case SIGMOID -> x.sigmoid();
        };
    }

    /**
     * The name micrograd's repr uses, e.g. {@code "ReLU"} in {@code ReLUNeuron(2)}.
     *
     * @return the name, e.g. {@code "ReLU"}
     */
    public String displayName() {
        return displayName;
    }
}
