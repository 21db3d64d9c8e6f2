package io.github.autograd4j.nn;

import io.github.autograd4j.Generator;
import java.util.Arrays;
import java.util.Objects;
import java.util.Random;
import java.util.function.Supplier;

/**
 * A multi-layer perceptron: {@link Linear} layers of the given sizes with a fresh activation
 * between consecutive layers and none after the last, as a {@link Sequential}. For sizes
 * {@code 2, 16, 16, 1}: {@code Linear(2, 16), act, Linear(16, 16), act, Linear(16, 1)}, children
 * {@code "0"} to {@code "4"}.
 *
 * <pre>{@code
 * MLP net = new MLP(Tanh::new, 2, 16, 16, 1);                  // drawn from Generator.current()
 * MLP same = new MLP(new Random(0), Tanh::new, 2, 16, 16, 1);  // drawn from a Random of its own
 * }</pre>
 */
public final class MLP extends Sequential {

    /**
     * Layers of the given sizes with ReLU between them, initialised from {@link Generator#current()}.
     *
     * @param sizes the input size, the hidden sizes and the output size
     * @throws IllegalArgumentException when fewer than 2 sizes are given or a size is not positive
     */
    public MLP(int... sizes) {
        this(Generator.current(), sizes);
    }

    /**
     * Layers of the given sizes with {@code activation.get()} between them, initialised from
     * {@link Generator#current()}.
     *
     * @param activation makes each activation module
     * @param sizes      the input size, the hidden sizes and the output size
     * @throws IllegalArgumentException when fewer than 2 sizes are given or a size is not positive
     */
    public MLP(Supplier<? extends Module> activation, int... sizes) {
        this(Generator.current(), activation, sizes);
    }

    /**
     * Layers of the given sizes with ReLU between them, initialised from {@code rng}.
     *
     * @param rng   the source of every layer's initial values, layer by layer
     * @param sizes the input size, the hidden sizes and the output size; at least 2, all positive
     */
    public MLP(Random rng, int... sizes) {
        this(rng, ReLU::new, sizes);
    }

    /**
     * Layers of the given sizes with {@code activation.get()} between them, initialised from
     * {@code rng} layer by layer.
     *
     * @param rng        the source of every layer's initial values
     * @param activation makes each activation module (called once per hidden layer)
     * @param sizes the input size, the hidden sizes and the output size
     * @throws IllegalArgumentException when fewer than 2 sizes are given or a size is not positive
     */
    public MLP(Random rng, Supplier<? extends Module> activation, int... sizes) {
        Objects.requireNonNull(rng, "MLP: rng is null");
        Objects.requireNonNull(activation, "MLP: activation is null");
        Objects.requireNonNull(sizes, "MLP: sizes are null");
        if (sizes.length < 2 || Arrays.stream(sizes).anyMatch(s -> s < 1)) {
            throw new IllegalArgumentException("MLP: expected at least 2 positive sizes (input and output), got "
                    + Arrays.toString(sizes));
        }
        for (int i = 0; i + 1 < sizes.length; i++) {
            add(new Linear(sizes[i], sizes[i + 1], true, rng));
            if (i + 2 < sizes.length) {
                add(Objects.requireNonNull(activation.get(), "MLP: activation supplier returned null"));
            }
        }
    }
}
