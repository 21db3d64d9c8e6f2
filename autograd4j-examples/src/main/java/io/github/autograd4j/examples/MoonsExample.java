package io.github.autograd4j.examples;

import io.github.autograd4j.Grad;
import io.github.autograd4j.Value;
import io.github.autograd4j.examples.bench.MoonsStep;
import io.github.autograd4j.examples.plot.Charts;
import io.github.autograd4j.nn.scalar.ScalarMLP;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;

/**
 * The {@code moons} command: micrograd's demo on the scalar engine. A 2-16-16-1 ReLU net learns
 * 100 moons points by full-batch gradient descent on the SVM loss with L2 penalty 1e-4 (the loss
 * of {@link MoonsStep}), the rate falling from 1.0 to 0.1 as in the demo; it prints the loss,
 * accuracy and milliseconds per step, and draws the decision boundary.
 */
public final class MoonsExample {

    /**
     * A run.
     *
     * @param steps how many steps
     * @param seed  the seed of the data and the initialisation (micrograd's demo: 1337)
     * @param dir   where the decision-boundary PNG goes
     * @param out   where the progress is printed
     */
    public record Config(int steps, long seed, Path dir, PrintStream out) {

        /** Checks the step count. */
        public Config {
            UsageException.require(steps >= 1, "--steps must be at least 1, got " + steps);
        }
    }

    /**
     * What a run ends with.
     *
     * @param losses    the loss before each step
     * @param accuracy  the fraction of points on the right side of 0 after the last step
     * @param msPerStep the mean wall time of a step (forward, backward, update)
     * @param boundary  the decision-boundary PNG
     */
    public record Result(double[] losses, double accuracy, double msPerStep, Path boundary) {
    }

    private MoonsExample() {
    }

    /** Trains, prints and plots. */
    public static Result run(Config config) throws IOException {
        FileOptions.requireWritableDirectory("--out", config.dir());
        PrintStream out = config.out();
        Moons data = Moons.make(100, 0.1, new Random(config.seed()));
        ScalarMLP model = new ScalarMLP(new Random(config.seed()), 2, 16, 16, 1);
        MoonsStep step = new MoonsStep(model, data);
        out.printf(Locale.ROOT, "moons: MLP 2-16-16-1 (ReLU), %d parameters, %d points, SVM loss + %s * L2, %d steps%n",
                model.parameters().size(), data.size(), MoonsStep.ALPHA, config.steps());
        double[] losses = new double[config.steps()];
        long start = System.nanoTime();
        for (int k = 0; k < losses.length; k++) {
            double lr = 1.0 - 0.9 * k / losses.length;
            Value loss = step.loss();
            model.zeroGrad();
            loss.backward();
            GradientDescent.step(model.parameters(), lr);
            losses[k] = loss.data();
            if ((k + 1) % Math.max(1, losses.length / 10) == 0 || k == 0) {
                out.printf(Locale.ROOT, "  step %4d  loss %.6f  accuracy %5.1f %%%n", k + 1, losses[k], 100 * accuracy(model, data));
            }
        }
        double msPerStep = (System.nanoTime() - start) / 1e6 / losses.length;
        double accuracy = accuracy(model, data);
        Path png = Charts.decisionBoundary(config.dir().resolve("moons-boundary.png"),
                String.format(Locale.ROOT, "moons: MLP 2-16-16-1 after %d steps, accuracy %.0f %%", losses.length, 100 * accuracy),
                data.points(), data.labels(), (x, y) -> score(model, x, y));
        out.printf(Locale.ROOT, "moons: accuracy %.1f %%, %.2f ms per step (%d nodes per step's graph)%n", 100 * accuracy, msPerStep,
                step.operationsPerStep());
        out.println("moons: decision boundary in " + png);
        return new Result(losses, accuracy, msPerStep, png);
    }

    @SuppressWarnings("try") // the scope is used for its effect only
    private static double score(ScalarMLP model, double x, double y) {
        try (var off = Grad.disabled()) {
            return model.forward(x, y)[0].data();
        }
    }

    private static double accuracy(ScalarMLP model, Moons data) {
        int right = 0;
        for (int i = 0; i < data.size(); i++) {
            right += score(model, data.points()[i][0], data.points()[i][1]) * data.labels()[i] > 0 ? 1 : 0;
        }
        return right / (double) data.size();
    }
}
