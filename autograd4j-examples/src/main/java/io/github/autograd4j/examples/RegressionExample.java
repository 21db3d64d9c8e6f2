package io.github.autograd4j.examples;

import io.github.autograd4j.Grad;
import io.github.autograd4j.Tensor;
import io.github.autograd4j.examples.data.BundledData;
import io.github.autograd4j.examples.data.LabelledData;
import io.github.autograd4j.examples.plot.Charts;
import io.github.autograd4j.nn.data.Batch;
import io.github.autograd4j.nn.data.DataLoader;
import io.github.autograd4j.nn.data.TensorDataset;
import io.github.autograd4j.nn.loss.BCELoss;
import io.github.autograd4j.nn.optim.SGD;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.DoubleSupplier;

/**
 * The {@code regression} command, seed example 004: logistic regression with L2 weight decay in
 * the cost, {@code J(w, b) = BCE(sigmoid(X w + b), y) + lambda/2 |w|^2}, on iris (is it virginica?
 * from the four standardised measurements), trained from zero by batch, mini-batch and stochastic
 * gradient descent side by side, with a plot of the three cost curves (the cost on all 150
 * samples after each epoch).
 */
public final class RegressionExample {

    private static final int VIRGINICA = 2;

    /**
     * A run.
     *
     * @param epochs    passes over the data for each of the three
     * @param lr        the learning rate of each
     * @param lambda    the L2 weight in the cost
     * @param batchSize the mini-batch size
     * @param seed      the seed of the shuffles
     * @param dir       where the PNG goes
     * @param out       where the results are printed
     */
    public record Config(int epochs, double lr, double lambda, int batchSize, long seed, Path dir, PrintStream out) {

        /** Checks the numbers. */
        public Config {
            UsageException.require(epochs >= 1, "--epochs must be at least 1, got " + epochs);
            UsageException.require(lr > 0 && Double.isFinite(lr), "--lr must be a positive number, got " + lr);
            UsageException.require(lambda >= 0 && Double.isFinite(lambda), "--lambda must be 0 or more, got " + lambda);
            UsageException.require(batchSize >= 1, "--batch-size must be at least 1, got " + batchSize);
        }
    }

    /**
     * What a run ends with.
     *
     * @param costs    per method ({@code "batch"}, {@code "mini-batch (16)"}, {@code "stochastic"}), the cost after each epoch
     * @param accuracy per method, the fraction of samples classified right at the end
     * @param plot     the PNG of the cost curves
     */
    public record Result(Map<String, double[]> costs, Map<String, Double> accuracy, Path plot) {
    }

    private RegressionExample() {
    }

    /** Trains the three, prints their final costs and accuracies, and plots the curves. */
    public static Result run(Config config) throws IOException {
        FileOptions.requireWritableDirectory("--out", config.dir());
        LabelledData iris = BundledData.iris();
        Tensor x = standardised(iris.x());
        Tensor y = Tensor.of(Arrays.stream(iris.labels()).mapToDouble(l -> l == VIRGINICA ? 1 : 0).toArray(), iris.size());
        PrintStream out = config.out();
        out.printf(Locale.ROOT, "regression: logistic regression, virginica or not, on iris (%d samples, 4 standardised features),"
                + " lambda %s, lr %s, %d epochs%n", iris.size(), config.lambda(), config.lr(), config.epochs());
        Map<String, double[]> costs = new LinkedHashMap<>();
        Map<String, Double> accuracy = new LinkedHashMap<>();
        Map<String, Integer> methods = new LinkedHashMap<>();
        methods.put("batch", iris.size());
        methods.put("mini-batch (" + config.batchSize() + ")", config.batchSize());
        methods.put("stochastic", 1);
        for (Map.Entry<String, Integer> m : methods.entrySet()) {
            Tensor w = Tensor.zeros(4).requiresGrad(true).label("w");
            Tensor b = Tensor.zeros(1).requiresGrad(true).label("b");
            costs.put(m.getKey(), train(x, y, w, b, m.getValue(), config));
            accuracy.put(m.getKey(), accuracy(x, y, w, b));
            double[] c = costs.get(m.getKey());
            out.printf(Locale.ROOT, "  %-16s cost %.6f  accuracy %5.1f %%  w = %s  b = %.4f%n", m.getKey(), c[c.length - 1],
                    100 * accuracy.get(m.getKey()), format(w.toArray()), b.get(0));
        }
        Path plot = Charts.lines(config.dir().resolve("regression-costs.png"),
                "logistic regression on iris: cost J = BCE + lambda/2 |w|^2", "epoch", "cost on all 150 samples", costs);
        out.println("regression: cost curves in " + plot);
        return new Result(costs, accuracy, plot);
    }

    private static double[] train(Tensor x, Tensor y, Tensor w, Tensor b, int batchSize, Config config) {
        SGD optimizer = new SGD(List.of(w, b), config.lr());
        DataLoader loader = new DataLoader(new TensorDataset(x, y), batchSize, true, new Random(config.seed()), false);
        double[] costs = new double[config.epochs()];
        for (int epoch = 0; epoch < costs.length; epoch++) {
            for (Batch batch : loader) {
                optimizer.zeroGrad();
                cost(batch.get(0), batch.get(1), w, b, config.lambda()).backward();
                optimizer.step();
            }
            costs[epoch] = evaluate(() -> cost(x, y, w, b, config.lambda()).item());
        }
        return costs;
    }

    private static Tensor cost(Tensor x, Tensor y, Tensor w, Tensor b, double lambda) {
        return new BCELoss().forward(x.matmul(w).add(b).sigmoid(), y).add(w.pow(2.0).sum().mul(lambda / 2));
    }

    private static double accuracy(Tensor x, Tensor y, Tensor w, Tensor b) {
        return evaluate(() -> x.matmul(w).add(b).gt(0).eq(y).mean().item());
    }

    @SuppressWarnings("try") // the scope is used for its effect only
    private static double evaluate(DoubleSupplier value) {
        try (var off = Grad.disabled()) {
            return value.getAsDouble();
        }
    }

    /** Each column shifted to mean 0 and scaled to standard deviation 1. */
    private static Tensor standardised(Tensor x) {
        Tensor mean = x.mean(0, true);
        Tensor centred = x.sub(mean);
        return centred.div(centred.pow(2.0).mean(0, true).sqrt());
    }

    private static String format(double[] values) {
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < values.length; i++) {
            s.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.4f", values[i]));
        }
        return s.append(']').toString();
    }
}
