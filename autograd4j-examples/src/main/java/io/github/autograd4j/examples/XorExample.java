package io.github.autograd4j.examples;

import io.github.autograd4j.Grad;
import io.github.autograd4j.Tensor;
import io.github.autograd4j.Value;
import io.github.autograd4j.nn.Linear;
import io.github.autograd4j.nn.Module;
import io.github.autograd4j.nn.Sequential;
import io.github.autograd4j.nn.Sigmoid;
import io.github.autograd4j.nn.loss.BCELoss;
import io.github.autograd4j.nn.loss.Loss;
import io.github.autograd4j.nn.loss.MSELoss;
import io.github.autograd4j.nn.optim.SGD;
import io.github.autograd4j.nn.scalar.Activation;
import io.github.autograd4j.nn.scalar.ScalarMLP;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;

/**
 * The {@code xor} command: the XOR seed examples, full-batch gradient descent on the four points
 * with sigmoid nets (biases included), on the scalar ({@link Value}) or the tensor engine:
 * 2-4-1 with binary cross-entropy, and 2-2-1 with squared error.
 */
public final class XorExample {

    private static final double[][] INPUTS = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};
    private static final double[] TARGETS = {0, 1, 1, 0};

    /** The engine the net is built on. */
    public enum Engine {
        /** {@link Value}s and {@code nn.scalar.ScalarMLP}. */
        VALUE,
        /** {@link Tensor}s and {@code nn} modules. */
        TENSOR;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The two seed nets, each with the rate and step count that solve it from seed 1 on both engines. */
    public enum Net {
        /** 2-4-1, sigmoid, binary cross-entropy. */
        BCE(4, 1.0, 3000),
        /** 2-2-1, sigmoid, mean squared error. */
        MSE(2, 2.0, 10000);

        private final int hidden;
        private final double lr;
        private final int iterations;

        Net(int hidden, double lr, int iterations) {
            this.hidden = hidden;
            this.lr = lr;
            this.iterations = iterations;
        }

        /** The default learning rate. */
        public double lr() {
            return lr;
        }

        /** The default number of steps. */
        public int iterations() {
            return iterations;
        }

        /** {@code "2-4-1 sigmoid + BCE"}. */
        public String describe() {
            return "2-" + hidden + "-1 sigmoid + " + name();
        }

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * A run.
     *
     * @param engine     the engine
     * @param net        the net and loss
     * @param lr         the learning rate
     * @param iterations the number of full-batch steps
     * @param seed       the initialisation's seed
     * @param out        where the progress is printed
     */
    public record Config(Engine engine, Net net, double lr, int iterations, long seed, PrintStream out) {

        /** Checks the numbers. */
        public Config {
            UsageException.require(lr > 0 && Double.isFinite(lr), "--lr must be a positive number, got " + lr);
            UsageException.require(iterations >= 1, "--iterations must be at least 1, got " + iterations);
        }
    }

    /**
     * What a run ends with.
     *
     * @param losses      the loss before each step
     * @param predictions the net's outputs for (0,0), (0,1), (1,0), (1,1) after the last step
     * @param accuracy    the fraction of the four on the right side of 0.5
     */
    public record Result(double[] losses, double[] predictions, double accuracy) {
    }

    /** One full-batch step at a time. */
    private interface Trainee {
        double step(double lr);

        double[] predictions();
    }

    private XorExample() {
    }

    /** Trains and prints the loss ten times and the final outputs. */
    public static Result run(Config config) {
        PrintStream out = config.out();
        out.printf(Locale.ROOT, "xor: %s on the %s engine, lr %s, %d steps, seed %d%n", config.net().describe(),
                config.engine(), config.lr(), config.iterations(), config.seed());
        Trainee trainee = config.engine() == Engine.VALUE ? scalar(config) : tensor(config);
        double[] losses = new double[config.iterations()];
        for (int i = 0; i < losses.length; i++) {
            losses[i] = trainee.step(config.lr());
            if ((i + 1) % Math.max(1, losses.length / 10) == 0 || i == 0) {
                out.printf(Locale.ROOT, "  step %6d  loss %.6f%n", i + 1, losses[i]);
            }
        }
        double[] p = trainee.predictions();
        int right = 0;
        for (int i = 0; i < p.length; i++) {
            out.printf(Locale.ROOT, "  xor(%.0f, %.0f) = %.0f   net: %.4f%n", INPUTS[i][0], INPUTS[i][1], TARGETS[i], p[i]);
            right += (p[i] > 0.5) == (TARGETS[i] == 1) ? 1 : 0;
        }
        out.printf(Locale.ROOT, "  %d of 4 right%n", right);
        return new Result(losses, p, right / 4.0);
    }

    private static Trainee scalar(Config config) {
        ScalarMLP net = new ScalarMLP(new Random(config.seed()), Activation.SIGMOID, Activation.SIGMOID, 2, config.net().hidden, 1);
        return new Trainee() {
            @Override
            public double step(double lr) {
                Value loss = null;
                for (int i = 0; i < INPUTS.length; i++) {
                    Value term = scalarTerm(config.net(), net.forward(INPUTS[i])[0], TARGETS[i]);
                    loss = loss == null ? term : loss.add(term);
                }
                loss = loss.mul(1.0 / INPUTS.length);
                net.zeroGrad();
                loss.backward();
                GradientDescent.step(net.parameters(), lr);
                return loss.data();
            }

            @Override
            public double[] predictions() {
                return Arrays.stream(INPUTS).mapToDouble(x -> net.forward(x)[0].data()).toArray();
            }
        };
    }

    /** One sample's term of the loss: squared error, or the negative log-likelihood of the target. */
    private static Value scalarTerm(Net net, Value p, double target) {
        if (net == Net.MSE) {
            return p.sub(target).pow(2.0);
        }
        return (target == 1 ? p.log() : p.neg().add(1.0).log()).neg();
    }

    private static Trainee tensor(Config config) {
        Random rng = new Random(config.seed());
        Module net = new Sequential(new Linear(2, config.net().hidden, rng), new Sigmoid(), new Linear(config.net().hidden, 1, rng),
                new Sigmoid());
        Loss criterion = config.net() == Net.MSE ? new MSELoss() : new BCELoss();
        SGD optimizer = new SGD(net.parameters(), config.lr());
        Tensor x = Tensor.of(INPUTS);
        Tensor y = Tensor.of(TARGETS, 4, 1);
        return new Trainee() {
            @Override
            public double step(double lr) {
                optimizer.zeroGrad();
                Tensor loss = criterion.forward(net.forward(x), y);
                loss.backward();
                optimizer.step();
                return loss.item();
            }

            @Override
            @SuppressWarnings("try") // the scope is used for its effect only
            public double[] predictions() {
                try (var off = Grad.disabled()) {
                    return net.forward(x).toArray();
                }
            }
        };
    }
}
