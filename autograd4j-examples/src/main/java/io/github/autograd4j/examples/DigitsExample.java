package io.github.autograd4j.examples;

import io.github.autograd4j.examples.data.BundledData;
import io.github.autograd4j.examples.data.LabelledData;
import io.github.autograd4j.examples.data.StratifiedSplit;
import io.github.autograd4j.examples.output.OutputDirectory;
import io.github.autograd4j.examples.train.ClassifierRun;
import io.github.autograd4j.examples.train.DataSplit;
import io.github.autograd4j.examples.train.OptimizerKind;
import io.github.autograd4j.examples.train.Progress;
import io.github.autograd4j.examples.train.RunSeeds;
import io.github.autograd4j.examples.train.TrainOptions;
import java.io.IOException;
import java.io.PrintStream;

/**
 * The {@code digits} command: an MLP 64-256-128-10 with dropout 0.3 on the UCI handwritten digits
 * shipped with this module (1,797 images of 8 x 8 pixels, scaled to [0, 1]), split 80/20 per class
 * from the seed. The architecture, dropout, learning rate and epochs are those of the best mean
 * validation accuracy in {@link DigitsTuning}'s search (docs/digits-tuning.md).
 */
public final class DigitsExample {

    /** The layer sizes (chosen on validation accuracy, as the dropout and the default rate and epochs). */
    public static final int[] LAYERS = {64, 256, 128, 10};
    /** The dropout after each hidden layer. */
    public static final double DROPOUT = 0.3;
    /** The share of each class held out for testing. */
    public static final double TEST_FRACTION = 0.2;

    /**
     * A run.
     *
     * @param train the training options
     * @param out   where the summary is printed
     */
    public record Config(TrainOptions train, PrintStream out) {
    }

    private DigitsExample() {
    }

    /** The default training options: Adam at 1e-2 with batches of 32 for 30 epochs, seed 0, no validation set. */
    public static TrainOptions defaults() {
        return new TrainOptions(30, 32, 1e-2, OptimizerKind.ADAM, 0, 0, 0, OutputDirectory.DEFAULT, Progress.Mode.BAR, null, null);
    }

    /** Trains and evaluates; the run's history, model and curves PNG. */
    public static ClassifierRun run(Config config) throws IOException {
        TrainOptions options = config.train();
        options.checkFiles();
        return ClassifierRun.train("digits", LAYERS, DROPOUT, split(options.seed(), options.validation()), options, config.out());
    }

    /**
     * The bundled digits, scaled to [0, 1], split into training and test sets ({@link #TEST_FRACTION}
     * of each class) by the seed's {@code "split"} stream, with {@code validation} of the training
     * set held out as a validation set ({@link DataSplit#holdingOut}).
     */
    public static DataSplit split(long seed, double validation) throws IOException {
        LabelledData all = BundledData.digits().scaled(1.0 / BundledData.DIGITS_MAX_PIXEL);
        StratifiedSplit split = StratifiedSplit.of(all.labels(), TEST_FRACTION, RunSeeds.random(seed, "split"));
        return DataSplit.holdingOut(all.select(split.train()), all.select(split.test()), validation, seed);
    }
}
