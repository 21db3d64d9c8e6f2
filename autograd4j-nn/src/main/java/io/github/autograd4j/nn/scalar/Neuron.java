package io.github.autograd4j.nn.scalar;

import io.github.autograd4j.Value;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Random;

/**
 * One neuron on the scalar engine, as in micrograd: {@code activation(b + w·x)} with its weights
 * and bias as {@link Value} leaves. Weights start uniform in [-1, 1) from the given {@link Random}
 * (so a seed repeats a run exactly) and the bias at 0.
 *
 * <p>A forward pass with {@code n} inputs makes exactly {@code 2n} nodes ({@code n} products and
 * {@code n} sums, starting from the bias) plus one for a nonlinear activation.
 */
public final class Neuron implements ScalarModule {

    private final Value[] weights;
    private final Value bias;
    private final Activation activation;
    private final List<Value> parameters;

    /**
     * A neuron with {@code fanIn} inputs.
     *
     * @param rng        the source of the initial weights, one draw per weight
     * @param fanIn      the number of inputs, at least 1
     * @param activation applied to the weighted sum ({@link Activation#LINEAR} for none)
     * @throws IllegalArgumentException if {@code fanIn < 1}
     */
    public Neuron(Random rng, int fanIn, Activation activation) {
        Objects.requireNonNull(rng, "Neuron: rng is null");
        this.activation = Objects.requireNonNull(activation, "Neuron: activation is null");
        weights = new Value[Sizes.positive("Neuron", "fan-in", fanIn)];
        List<Value> all = new ArrayList<>(fanIn + 1);
        for (int i = 0; i < fanIn; i++) {
            weights[i] = Value.of(rng.nextDouble() * 2.0 - 1.0);
            all.add(weights[i]);
        }
        bias = Value.of(0.0);
        all.add(bias);
        parameters = Collections.unmodifiableList(all);
    }

    /**
     * {@code activation(b + w·x)} for inputs that are graph nodes.
     *
     * @param x {@link #fanIn()} inputs
     * @return the output, a new node
     */
    public Value forward(Value... x) {
        Sizes.inputs("Neuron", weights.length, x.length);
        return forward(x, null);
    }

    /**
     * {@code activation(b + w·x)} for plain numbers, which enter the graph as constants of the
     * products.
     *
     * @param x {@link #fanIn()} inputs
     * @return the output, a new node
     */
    public Value forward(double... x) {
        Sizes.inputs("Neuron", weights.length, x.length);
        return forward(null, x);
    }

    /** The forward pass for inputs given either as nodes or as numbers (the other array null), already checked. */
    Value forward(Value[] nodes, double[] numbers) {
        Value sum = bias;
        for (int i = 0; i < weights.length; i++) {
            sum = sum.add(nodes != null ? weights[i].mul(nodes[i]) : weights[i].mul(numbers[i]));
        }
        return activation.apply(sum);
    }

    /** The weights in input order, then the bias. */
    @Override
    public List<Value> parameters() {
        return parameters;
    }

    /**
     * How many inputs this neuron takes.
     *
     * @return the count, at least 1
     */
    public int fanIn() {
        return weights.length;
    }

    /**
     * The activation applied to the weighted sum.
     *
     * @return the activation given to the constructor
     */
    public Activation activation() {
        return activation;
    }

    /** micrograd's repr, e.g. {@code ReLUNeuron(2)}. */
    @Override
    public String toString() {
        return activation.displayName() + "Neuron(" + weights.length + ")";
    }
}
