package io.github.autograd4j.examples.bench;

import io.github.autograd4j.DType;
import io.github.autograd4j.Tensor;
import io.github.autograd4j.nn.MLP;
import io.github.autograd4j.nn.loss.CrossEntropyLoss;
import io.github.autograd4j.nn.optim.SGD;
import java.util.Random;

/**
 * One training step of an MNIST-sized MLP, 784-256-128-10 with ReLU, on a fixed random batch:
 * zero the gradients, forward, cross-entropy, backward, plain SGD (lr 0.01). The same step as
 * {@code bench/mlp_step.py} runs in PyTorch, in {@code float64} or {@code float32}.
 */
public final class MlpStep {

    /** The layer sizes: input, two hidden layers, classes. */
    public static final int[] SIZES = {784, 256, 128, 10};
    /** SGD's learning rate. */
    public static final double LEARNING_RATE = 0.01;

    private final MLP net;
    private final SGD optimizer;
    private final CrossEntropyLoss criterion = new CrossEntropyLoss();
    private final Tensor inputs;
    private final Tensor labels;

    /** The names of the element types the step runs in, as PyTorch names them. */
    public static final String FLOAT64 = "float64";
    /** See {@link #FLOAT64}. */
    public static final String FLOAT32 = "float32";

    /** A model, a batch of {@code batch} standard-normal inputs and random labels, all drawn from {@code seed}, in float64. */
    public MlpStep(int batch, long seed) {
        this(batch, seed, FLOAT64);
    }

    /**
     * A model, a batch of {@code batch} standard-normal inputs and random labels, all drawn from
     * {@code seed}, in {@code dtype} ({@link #FLOAT64} or {@link #FLOAT32}): the same values in
     * either, rounded to float32 in the second.
     *
     * @throws IllegalArgumentException for any other name
     */
    public MlpStep(int batch, long seed, String dtype) {
        DType type = dtypeNamed(dtype);
        Random rng = new Random(seed);
        net = new MLP(rng, SIZES);
        net.to(type);
        optimizer = new SGD(net.parameters(), LEARNING_RATE);   // after to(), which replaces the parameters
        inputs = Tensor.randn(rng, batch, SIZES[0]).to(type);
        double[] classes = new double[batch];
        for (int i = 0; i < batch; i++) {
            classes[i] = rng.nextInt(SIZES[SIZES.length - 1]);
        }
        labels = Tensor.of(classes, batch).to(type);
    }

    private static DType dtypeNamed(String dtype) {
        return switch (dtype) {
            case FLOAT64 -> DType.FLOAT64;
            case FLOAT32 -> DType.FLOAT32;
            default -> throw new IllegalArgumentException("MlpStep: dtype must be " + FLOAT64 + " or " + FLOAT32
                    + ", got " + dtype);
        };
    }

    /** The model, for tests to look at its parameters. */
    MLP model() {
        return net;
    }

    /** One step; returns the loss before the update. */
    public double step() {
        optimizer.zeroGrad();
        Tensor loss = criterion.forward(net.forward(inputs), labels);
        loss.backward();
        optimizer.step();
        return loss.item();
    }
}
