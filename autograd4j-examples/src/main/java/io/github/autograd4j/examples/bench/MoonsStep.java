package io.github.autograd4j.examples.bench;

import io.github.autograd4j.Grad;
import io.github.autograd4j.Node;
import io.github.autograd4j.Value;
import io.github.autograd4j.examples.Moons;
import io.github.autograd4j.nn.scalar.ScalarMLP;
import java.util.List;
import java.util.Random;

/**
 * One step of micrograd's moons demo on the scalar engine: the SVM max-margin loss
 * {@code mean(relu(1 - y * score)) + 1e-4 * sum(p * p)} over all points, zero grad, backward, and
 * an SGD update under {@link Grad#disabled()}.
 */
public final class MoonsStep {

    /** The demo's data and model seed (micrograd's demo uses 1337 too). */
    public static final long SEED = 1337;
    /** SGD's learning rate. */
    public static final double LEARNING_RATE = 0.1;
    /** The weight of the L2 penalty. */
    public static final double ALPHA = 1e-4;

    private final ScalarMLP model;
    private final Moons data;

    /** A step that trains {@code model} on {@code data}. */
    public MoonsStep(ScalarMLP model, Moons data) {
        this.model = model;
        this.data = data;
    }

    /** micrograd's demo network: 2-16-16-1, ReLU hidden layers, linear output, drawn from {@link #SEED}. */
    public static ScalarMLP demoModel() {
        return new ScalarMLP(new Random(SEED), 2, 16, 16, 1);
    }

    /** micrograd's demo data: 100 moons points with noise 0.1, drawn from {@link #SEED}. */
    public static Moons demoData() {
        return Moons.make(100, 0.1, new Random(SEED));
    }

    /** Builds the loss graph for the current parameters. */
    public Value loss() {
        double[][] x = data.points();
        double[] y = data.labels();
        Value dataLoss = null;
        for (int i = 0; i < x.length; i++) {
            Value score = model.forward(x[i])[0];
            Value margin = score.mul(-y[i]).add(1.0).relu();
            dataLoss = dataLoss == null ? margin : dataLoss.add(margin);
        }
        Value penalty = null;
        for (Value p : model.parameters()) {
            Value square = p.mul(p);
            penalty = penalty == null ? square : penalty.add(square);
        }
        return dataLoss.mul(1.0 / x.length).add(penalty.mul(ALPHA));
    }

    /** Forward, zero grad, backward, update; returns the loss before the update. */
    @SuppressWarnings("try") // the scope is used only for closing
    public double step() {
        Value loss = loss();
        model.zeroGrad();
        loss.backward();
        try (var noGrad = Grad.disabled()) {
            for (Value p : model.parameters()) {
                p.setData(p.data() - LEARNING_RATE * p.grad());
            }
        }
        return loss.data();
    }

    /** How many nodes (elementary operations) one step's loss graph has: each runs forward once and backward once. */
    public int operationsPerStep() {
        List<Node> nodes = loss().topologicalOrder();
        return (int) nodes.stream().filter(n -> !n.isLeaf()).count();
    }
}
