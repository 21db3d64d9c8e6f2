package io.github.autograd4j.examples;

import io.github.autograd4j.examples.train.ClassifierRun;
import io.github.autograd4j.examples.train.DataSplit;
import io.github.autograd4j.examples.train.Progress;
import io.github.autograd4j.examples.train.TrainOptions;
import io.github.autograd4j.examples.train.Trainer;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The {@code digits-tuning} command: the search that chose {@code digits}' defaults, on validation
 * sets only. Each {@link Candidate} is trained (Adam, batches of 32, as {@code digits}) on the
 * training part of the split seeds {@code 0..seeds-1} with a share of it held out for validation,
 * and scored by its validation accuracy after the last epoch, averaged over the seeds; the best
 * mean wins. The test part of each split is never evaluated: it is left for the final figure,
 * reported once the defaults are fixed (docs/digits-tuning.md).
 */
public final class DigitsTuning {

    /**
     * One set of hyperparameters.
     *
     * @param layers  the layer sizes, input (64) to output (10)
     * @param dropout the dropout after each hidden layer (0 for none)
     * @param lr      Adam's peak learning rate (cosine schedule to 0)
     * @param epochs  the passes over the training set
     */
    public record Candidate(List<Integer> layers, double dropout, double lr, int epochs) {

        /** Keeps a copy of the layer sizes. */
        public Candidate {
            layers = List.copyOf(layers);
        }

        /** The layer sizes as an array. */
        public int[] layerArray() {
            return layers.stream().mapToInt(Integer::intValue).toArray();
        }

        /** E.g. {@code 64-256-128-10  dropout 0.3  lr 0.003  30 epochs}. */
        public String describe() {
            return String.format(Locale.ROOT, "%-14s dropout %.1f  lr %-6s %2d epochs",
                    layers.stream().map(String::valueOf).collect(Collectors.joining("-")), dropout, lr, epochs);
        }
    }

    /**
     * A candidate's validation accuracies.
     *
     * @param candidate  the candidate
     * @param accuracies one per split seed, a fraction
     */
    public record Score(Candidate candidate, double[] accuracies) {

        /** The mean over the seeds. */
        public double mean() {
            return Arrays.stream(accuracies).average().orElse(Double.NaN);
        }

        /** The lowest. */
        public double min() {
            return Arrays.stream(accuracies).min().orElse(Double.NaN);
        }

        /** The highest. */
        public double max() {
            return Arrays.stream(accuracies).max().orElse(Double.NaN);
        }
    }

    /**
     * A search.
     *
     * @param candidates the candidates, in the order they are tried
     * @param seeds      how many split seeds, from 0
     * @param validation the share of each class of the training part held out for validation
     * @param out        where the table is printed
     */
    public record Config(List<Candidate> candidates, int seeds, double validation, PrintStream out) {

        /** Checks the values. */
        public Config {
            UsageException.require(!candidates.isEmpty(), "digits-tuning: expected at least one candidate");
            UsageException.require(seeds >= 1, "--seeds must be at least 1, got " + seeds);
            UsageException.require(validation > 0 && validation < 1, "--validation must be a fraction in (0, 1), got " + validation);
        }
    }

    /**
     * The candidates of the search recorded in docs/digits-tuning.md, none costing more than about
     * twice the earlier default's training time (the tour trains the winner). Round 1: the earlier
     * default, then one change at a time of dropout, learning rate, epochs, width and depth. Round
     * 2: the best round-1 rate with the other changes that helped, and a rate further on.
     */
    public static final List<Candidate> CANDIDATES = List.of(
            new Candidate(List.of(64, 256, 128, 10), 0.3, 3e-3, 30),
            new Candidate(List.of(64, 256, 128, 10), 0.0, 3e-3, 30),
            new Candidate(List.of(64, 256, 128, 10), 0.5, 3e-3, 30),
            new Candidate(List.of(64, 256, 128, 10), 0.3, 1e-3, 30),
            new Candidate(List.of(64, 256, 128, 10), 0.3, 1e-2, 30),
            new Candidate(List.of(64, 256, 128, 10), 0.3, 3e-3, 15),
            new Candidate(List.of(64, 256, 128, 10), 0.3, 3e-3, 60),
            new Candidate(List.of(64, 128, 64, 10), 0.3, 3e-3, 30),
            new Candidate(List.of(64, 256, 10), 0.3, 3e-3, 30),
            new Candidate(List.of(64, 256, 128, 10), 0.3, 3e-2, 30),
            new Candidate(List.of(64, 256, 128, 10), 0.5, 1e-2, 30),
            new Candidate(List.of(64, 256, 128, 10), 0.3, 1e-2, 60));

    private DigitsTuning() {
    }

    /** Scores every candidate, printing a row per candidate and the winner; returns the scores in the candidates' order. */
    public static List<Score> run(Config config) throws IOException {
        PrintStream out = config.out();
        out.printf(Locale.ROOT, "digits-tuning: %d candidates, split seeds 0-%d, %.0f %% of each training part held out for"
                + " validation; the test parts are not used%n", config.candidates().size(), config.seeds() - 1, 100 * config.validation());
        out.printf(Locale.ROOT, "  %-45s %8s %8s %8s%n", "candidate", "mean", "min", "max");
        List<Score> scores = new ArrayList<>();
        for (Candidate candidate : config.candidates()) {
            double[] accuracies = new double[config.seeds()];
            for (int seed = 0; seed < accuracies.length; seed++) {
                accuracies[seed] = validationAccuracy(candidate, seed, config.validation());
            }
            Score score = new Score(candidate, accuracies);
            scores.add(score);
            out.printf(Locale.ROOT, "  %-45s %7.2f%% %7.2f%% %7.2f%%%n", candidate.describe(), 100 * score.mean(),
                    100 * score.min(), 100 * score.max());
        }
        out.println("digits-tuning: best mean validation accuracy: " + best(scores).candidate().describe());
        return scores;
    }

    /** The score with the highest mean (the first of equals). */
    public static Score best(List<Score> scores) {
        return scores.stream().max(Comparator.comparingDouble(Score::mean)).orElseThrow();
    }

    /** {@code candidate}'s validation accuracy after its last epoch on split seed {@code seed}; its test set is dropped unseen. */
    static double validationAccuracy(Candidate candidate, long seed, double validation) throws IOException {
        DataSplit split = DigitsExample.split(seed, validation);
        DataSplit withoutTest = new DataSplit(split.train(), split.validation(), null);
        TrainOptions defaults = DigitsExample.defaults();
        TrainOptions options = new TrainOptions(candidate.epochs(), defaults.batchSize(), candidate.lr(), defaults.optimizer(), seed,
                validation, 0, defaults.out(), Progress.Mode.NONE, null, null);
        ClassifierRun.Net net = ClassifierRun.mlp(seed, candidate.dropout(), candidate.layerArray());
        return new Trainer("digits-tuning", net.model(), net.perEpoch(), options).fit(withoutTest).last().validationAccuracy();
    }
}
