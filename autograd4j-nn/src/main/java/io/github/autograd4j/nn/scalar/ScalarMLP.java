package io.github.autograd4j.nn.scalar;

import io.github.autograd4j.Value;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A multi-layer perceptron on the scalar engine, as micrograd's {@code MLP}: {@code new ScalarMLP(rng, 2, 16, 16, 1)}
 * takes 2 inputs through two hidden layers of 16 to 1 output. Hidden layers use one activation, the
 * output layer another (by default ReLU and linear, as micrograd).
 */
public final class ScalarMLP implements ScalarModule {

    private final Layer[] layers;
    private final List<Value> parameters;

    /**
     * A ScalarMLP with ReLU hidden layers and a linear output, micrograd's default.
     *
     * @param rng   the source of the initial weights, layer by layer
     * @param sizes the input size, the hidden sizes and the output size; at least two, each at
     *              least 1
     */
    public ScalarMLP(Random rng, int... sizes) {
        this(rng, Activation.RELU, Activation.LINEAR, sizes);
    }

    /**
     * A ScalarMLP whose layer sizes are {@code sizes} (inputs first, outputs last).
     *
     * @param rng    the source of the initial weights, layer by layer
     * @param hidden the activation of the hidden layers
     * @param output the activation of the output layer
     * @param sizes  the input size, the hidden sizes and the output size
     * @throws IllegalArgumentException if there are fewer than two sizes or any is below 1
     */
    public ScalarMLP(Random rng, Activation hidden, Activation output, int... sizes) {
        Objects.requireNonNull(rng, "ScalarMLP: rng is null");
        if (sizes.length < 2 || Arrays.stream(sizes).anyMatch(s -> s < 1)) {
            throw new IllegalArgumentException("ScalarMLP: sizes must be at least two numbers, each at least 1, got "
                    + Arrays.toString(sizes));
        }
        layers = new Layer[sizes.length - 1];
        List<Value> all = new ArrayList<>();
        for (int l = 0; l < layers.length; l++) {
            layers[l] = new Layer(rng, sizes[l], sizes[l + 1], l == layers.length - 1 ? output : hidden);
            all.addAll(layers[l].parameters());
        }
        parameters = Collections.unmodifiableList(all);
    }

    /**
     * The outputs for inputs that are graph nodes.
     *
     * @param x {@link #fanIn()} inputs
     * @return a new array of outputs, as many as the last size
     */
    public Value[] forward(Value... x) {
        Sizes.inputs("ScalarMLP", fanIn(), x.length);
        return forward(x, null);
    }

    /**
     * The outputs for plain numbers (the first layer multiplies by them as constants).
     *
     * @param x {@link #fanIn()} inputs
     * @return a new array of outputs, as many as the last size
     */
    public Value[] forward(double... x) {
        Sizes.inputs("ScalarMLP", fanIn(), x.length);
        return forward(null, x);
    }

    private Value[] forward(Value[] nodes, double[] numbers) {
        Value[] out = layers[0].forward(nodes, numbers);
        for (int l = 1; l < layers.length; l++) {
            out = layers[l].forward(out, null);
        }
        return out;
    }

    /** Every parameter, layer by layer and neuron by neuron (each neuron's weights, then its bias). */
    @Override
    public List<Value> parameters() {
        return parameters;
    }

    /**
     * The layers, inputs first.
     *
     * @return an unmodifiable list, one layer per pair of consecutive sizes
     */
    public List<Layer> layers() {
        return List.of(layers);
    }

    /**
     * How many inputs the network takes.
     *
     * @return the first size
     */
    public int fanIn() {
        return layers[0].fanIn();
    }

    /** micrograd's repr: {@code MLP of [Layer of [...], ...]}. */
    @Override
    public String toString() {
        return Stream.of(layers).map(Layer::toString).collect(Collectors.joining(", ", "MLP of [", "]"));
    }
}
