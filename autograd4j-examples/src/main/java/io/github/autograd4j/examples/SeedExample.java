package io.github.autograd4j.examples;

import io.github.autograd4j.Value;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * Seed example 000, step by step: a two-layer sigmoid net without biases
 * (x = [1, -2], W1 = [[1, -1], [2, 1]], W2 = [2, -1], y = 1, J = 1/2 (yhat - y)^2), its forward
 * values, every node's gradient in backward order, and gradient-descent steps at rate 0.1.
 */
public final class SeedExample {

    /**
     * A run.
     *
     * @param steps how many gradient-descent steps (the first is printed in full)
     * @param out   where the values are printed
     */
    public record Config(int steps, PrintStream out) {
    }

    /** What a run ends with: the loss before each step and the weights after the last. */
    public record Result(double[] losses, double[][] w1, double[] w2) {
    }

    private static final double LEARNING_RATE = 0.1;

    private SeedExample() {
    }

    /**
     * Runs the configured gradient-descent steps, printing the first in full detail.
     *
     * @throws UsageException when there are fewer than 1 steps
     */
    public static Result run(Config config) {
        int steps = config.steps();
        PrintStream out = config.out();
        UsageException.require(steps >= 1, "--steps must be at least 1, got " + steps);
        Value[] x = {Value.constant(1).label("x[0]"), Value.constant(-2).label("x[1]")};
        Value[][] w1 = {
            {Value.of(1, "W1[0,0]"), Value.of(-1, "W1[0,1]")},
            {Value.of(2, "W1[1,0]"), Value.of(1, "W1[1,1]")}};
        Value[] w2 = {Value.of(2, "W2[0]"), Value.of(-1, "W2[1]")};
        Value[] params = {w1[0][0], w1[0][1], w1[1][0], w1[1][1], w2[0], w2[1]};
        double[] losses = new double[steps];

        for (int step = 0; step < steps; step++) {
            Value[] z1 = new Value[2];
            Value[] a1 = new Value[2];
            for (int i = 0; i < 2; i++) {
                z1[i] = w1[i][0].mul(x[0]).add(w1[i][1].mul(x[1])).label("z1[" + i + "]");
                a1[i] = z1[i].sigmoid().label("a1[" + i + "]");
            }
            Value z2 = w2[0].mul(a1[0]).add(w2[1].mul(a1[1])).label("z2");
            Value yhat = z2.sigmoid().label("yhat");
            Value loss = yhat.sub(1.0).pow(2.0).mul(0.5).label("J");
            losses[step] = loss.data();

            boolean detailed = step == 0;
            if (detailed) {
                out.println("Seed example 000: a 2-2-1 sigmoid net, no biases, J = 1/2 (yhat - y)^2, y = 1");
                out.println();
                out.println("Forward");
                for (Value v : new Value[] {z1[0], z1[1], a1[0], a1[1], z2, yhat, loss}) {
                    out.printf(Locale.ROOT, "  %-8s %-8s data = %12.8f%n", v.label(), v.opName(), v.data());
                }
            }
            for (Value p : params) {
                p.zeroGrad();
            }
            loss.backward();
            if (detailed) {
                out.println();
                out.println("Backward (each node's gradient dJ/dnode, outputs first)");
                print(out, loss, yhat, z2, a1[0], a1[1], z1[0], z1[1], w2[0], w2[1], w1[0][0], w1[0][1], w1[1][0], w1[1][1]);
            }
            GradientDescent.step(List.of(params), LEARNING_RATE);
            if (detailed) {
                out.println();
                out.println("Update: W <- W - 0.1 * dJ/dW");
                for (Value p : params) {
                    out.printf(Locale.ROOT, "  %-8s = %12.8f%n", p.label(), p.data());
                }
            } else if (step == steps - 1 || (step + 1) % Math.max(1, steps / 10) == 0) {
                out.printf(Locale.ROOT, "step %5d  J = %.8f%n", step + 1, loss.data());
            }
        }
        return new Result(losses,
                new double[][] {{w1[0][0].data(), w1[0][1].data()}, {w1[1][0].data(), w1[1][1].data()}},
                new double[] {w2[0].data(), w2[1].data()});
    }

    private static void print(PrintStream out, Value... nodes) {
        for (Value v : nodes) {
            out.printf(Locale.ROOT, "  %-8s %-8s data = %12.8f   grad = %12.8f%n", v.label(), v.opName(), v.data(), v.grad());
        }
    }
}
