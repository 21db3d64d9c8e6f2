package io.github.autograd4j.examples.train;

import io.github.autograd4j.examples.data.LabelledData;
import io.github.autograd4j.examples.plot.Charts;
import io.github.autograd4j.nn.Dropout;
import io.github.autograd4j.nn.Linear;
import io.github.autograd4j.nn.MLP;
import io.github.autograd4j.nn.Module;
import io.github.autograd4j.nn.ReLU;
import io.github.autograd4j.nn.Sequential;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * What the {@code digits} and {@code mnist} commands share: an MLP with ReLU (and optionally
 * dropout) between its layers, initialised from the run seed, trained by {@link Trainer} and summed up in a line of text and a
 * PNG of its loss and accuracy curves.
 *
 * @param history the epochs, first to last
 * @param model   the trained model
 * @param curves  the PNG of the training curves
 * @param seconds the wall time of training (this run's epochs only, when resumed)
 */
public record ClassifierRun(History history, Module model, Path curves, double seconds) {

    /** The test accuracy after the last epoch, a fraction. */
    public double testAccuracy() {
        return history.last().testAccuracy();
    }

    /** The validation accuracy after the last epoch, a fraction; NaN without a validation set. */
    public double validationAccuracy() {
        return history.last().validationAccuracy();
    }

    /**
     * A network and the {@link Random}s its dropout layers draw from, which {@link Trainer}
     * reseeds every epoch.
     *
     * @param model    the network
     * @param perEpoch one {@link Random} per dropout layer
     */
    public record Net(Module model, List<Random> perEpoch) {
    }

    /** The MLP of the given layer sizes with ReLU between them, initialised from {@code seed}'s {@code "init"} stream. */
    public static Module mlp(long seed, int... layers) {
        return mlp(seed, 0, layers).model();
    }

    /**
     * An MLP of the given layer sizes with ReLU between them, each ReLU followed by a
     * {@link Dropout} of probability {@code dropout} when it is above 0, initialised from
     * {@code seed}'s {@code "init"} stream.
     */
    public static Net mlp(long seed, double dropout, int... layers) {
        Random init = RunSeeds.random(seed, "init");
        if (dropout == 0) {
            return new Net(new MLP(init, layers), List.of());
        }
        Sequential net = new Sequential();
        List<Random> perEpoch = new ArrayList<>();
        for (int i = 0; i + 1 < layers.length; i++) {
            net.add(new Linear(layers[i], layers[i + 1], true, init));
            if (i + 2 < layers.length) {
                Random masks = new Random();
                perEpoch.add(masks);
                net.add(new ReLU()).add(new Dropout(dropout, masks));
            }
        }
        return new Net(net, List.copyOf(perEpoch));
    }

    /**
     * Trains {@link #mlp(long, double, int...)} on {@code data.train()}, evaluating and summing up as
     * {@link #train(String, String, Net, DataSplit, TrainOptions, PrintStream)}.
     */
    public static ClassifierRun train(String task, int[] layers, double dropout, DataSplit data, TrainOptions options,
                                      PrintStream out) throws IOException {
        String shape = "MLP " + Arrays.stream(layers).mapToObj(Integer::toString).collect(Collectors.joining("-"))
                + (dropout > 0 ? ", dropout " + dropout : "");
        return train(task, shape, mlp(options.seed(), dropout, layers), data, options, out);
    }

    /**
     * Trains {@code net} on {@code data.train()}, evaluates on its validation set (if any) and its
     * test set after every epoch, writes {@code <task>-curves.png} into the output directory and
     * prints a summary to {@code out}.
     *
     * @param description the model in a few words for the summary and the plot, e.g. {@code "MLP 64-256-128-10"}
     */
    public static ClassifierRun train(String task, String description, Net net, DataSplit data, TrainOptions options,
                                      PrintStream out) throws IOException {
        Objects.requireNonNull(data.test(), "ClassifierRun.train: the data have no test set");
        String validation = data.validation() == null ? "" : ", " + data.validation().size() + " validation";
        out.printf(Locale.ROOT, "%s: %s, %d training%s and %d test samples, %s lr %s, batch %d, %d epochs, seed %d%n",
                task, description, data.train().size(), validation, data.test().size(), options.optimizer(), options.lr(),
                options.batchSize(), options.epochs(), options.seed());
        long start = System.nanoTime();
        History history = new Trainer(task, net.model(), net.perEpoch(), options).fit(data);
        double seconds = (System.nanoTime() - start) / 1e9;
        Path curves = Charts.trainingCurves(options.out().resolve(task + "-curves.png"), task + " " + description, history);
        ClassifierRun run = new ClassifierRun(history, net.model(), curves, seconds);
        if (data.validation() != null) {
            out.printf(Locale.ROOT, "%s: validation accuracy %s%n", task, ofSet(run.validationAccuracy(), data.validation()));
        }
        out.printf(Locale.ROOT, "%s: test accuracy %s after %d epochs in %.1f s%n", task, ofSet(run.testAccuracy(), data.test()),
                history.epochs().size(), seconds);
        out.println(task + ": training curves in " + curves);
        return run;
    }

    /** An accuracy on a set as a percentage and a count, e.g. {@code "98.33 % (353 of 359)"}. */
    private static String ofSet(double accuracy, LabelledData set) {
        return String.format(Locale.ROOT, "%.2f %% (%d of %d)", 100 * accuracy, Math.round(accuracy * set.size()), set.size());
    }
}
