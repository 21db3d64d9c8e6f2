package io.github.autograd4j.examples.bench;

import io.github.autograd4j.Tensor;
import io.github.autograd4j.nn.MLP;
import io.github.autograd4j.nn.loss.CrossEntropyLoss;
import io.github.autograd4j.nn.optim.SGD;
import java.util.Random;

/**
 * One training step of an MNIST-sized MLP, 784-256-128-10 with ReLU, on a fixed random batch:
 * zero the gradients, forward, cross-entropy, backward, plain SGD (lr 0.01). The same step as
 * {@code bench/mlp_step.py} runs in PyTorch.
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

    /** A model, a batch of {@code batch} standard-normal inputs and random labels, all drawn from {@code seed}. */
    public MlpStep(int batch, long seed) {
        Random rng = new Random(seed);
        net = new MLP(rng, SIZES);
        optimizer = new SGD(net.parameters(), LEARNING_RATE);
        inputs = Tensor.randn(rng, batch, SIZES[0]);
        double[] classes = new double[batch];
        for (int i = 0; i < batch; i++) {
            classes[i] = rng.nextInt(SIZES[SIZES.length - 1]);
        }
        labels = Tensor.of(classes, batch);
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
