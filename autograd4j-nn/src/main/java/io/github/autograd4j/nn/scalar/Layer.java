package io.github.autograd4j.nn.scalar;

import io.github.autograd4j.Value;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** A fully connected layer on the scalar engine: {@code fanOut} {@link Neuron}s that all see the same inputs. */
public final class Layer implements ScalarModule {

    private final Neuron[] neurons;
    private final List<Value> parameters;

    /**
     * A layer mapping {@code fanIn} inputs to {@code fanOut} outputs; weights are drawn neuron by neuron.
     *
     * @param rng        the source of the initial weights
     * @param fanIn      the number of inputs, at least 1
     * @param fanOut     the number of outputs (neurons), at least 1
     * @param activation every neuron's activation
     * @throws IllegalArgumentException if either size is below 1
     */
    public Layer(Random rng, int fanIn, int fanOut, Activation activation) {
        Sizes.positive("Layer", "fan-in", fanIn);
        neurons = new Neuron[Sizes.positive("Layer", "fan-out", fanOut)];
        List<Value> all = new ArrayList<>(fanOut * (fanIn + 1));
        for (int j = 0; j < fanOut; j++) {
            neurons[j] = new Neuron(rng, fanIn, activation);
            all.addAll(neurons[j].parameters());
        }
        parameters = Collections.unmodifiableList(all);
    }

    /**
     * Each neuron's output, for inputs that are graph nodes.
     *
     * @param x {@link #fanIn()} inputs
     * @return a new array of {@link #fanOut()} values, one per neuron
     */
    public Value[] forward(Value... x) {
        Sizes.inputs("Layer", fanIn(), x.length);
        return forward(x, null);
    }

    /**
     * Each neuron's output, for plain numbers.
     *
     * @param x {@link #fanIn()} inputs
     * @return a new array of {@link #fanOut()} values, one per neuron
     */
    public Value[] forward(double... x) {
        Sizes.inputs("Layer", fanIn(), x.length);
        return forward(null, x);
    }

    /** The forward pass for inputs given either as nodes or as numbers (the other array null), already checked. */
    Value[] forward(Value[] nodes, double[] numbers) {
        Value[] out = new Value[neurons.length];
        for (int j = 0; j < neurons.length; j++) {
            out[j] = neurons[j].forward(nodes, numbers);
        }
        return out;
    }

    /** Every neuron's parameters, neuron by neuron (each its weights, then its bias). */
    @Override
    public List<Value> parameters() {
        return parameters;
    }

    /**
     * The neurons, in output order.
     *
     * @return an unmodifiable list of {@link #fanOut()} neurons
     */
    public List<Neuron> neurons() {
        return List.of(neurons);
    }

    /**
     * How many inputs the layer takes.
     *
     * @return the count, at least 1
     */
    public int fanIn() {
        return neurons[0].fanIn();
    }

    /**
     * How many outputs the layer gives.
     *
     * @return the count, at least 1
     */
    public int fanOut() {
        return neurons.length;
    }

    /** micrograd's repr, e.g. {@code Layer of [ReLUNeuron(2), ReLUNeuron(2)]}. */
    @Override
    public String toString() {
        return Stream.of(neurons).map(Neuron::toString).collect(Collectors.joining(", ", "Layer of [", "]"));
    }
}
