package io.github.autograd4j.examples;

import io.github.autograd4j.examples.data.Mnist;
import io.github.autograd4j.examples.output.OutputDirectory;
import io.github.autograd4j.examples.train.ClassifierRun;
import io.github.autograd4j.examples.train.DataSplit;
import io.github.autograd4j.examples.train.OptimizerKind;
import io.github.autograd4j.examples.train.Progress;
import io.github.autograd4j.examples.train.TrainOptions;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The {@code mnist} command: an MLP 784-256-128-10 on MNIST, read from its four IDX files (not
 * shipped; see the README), trained on the 60,000 training images and tested on the 10,000 others.
 */
public final class MnistExample {

    /** The layer sizes. */
    public static final int[] LAYERS = {784, 256, 128, 10};

    /**
     * A run.
     *
     * @param data  the directory holding the IDX files
     * @param train the training options
     * @param out   where the summary is printed
     */
    public record Config(Path data, TrainOptions train, PrintStream out) {
    }

    private MnistExample() {
    }

    /** The default training options: Adam at 1e-3 with batches of 64 for 3 epochs, seed 0. */
    public static TrainOptions defaults() {
        return new TrainOptions(3, 64, 1e-3, OptimizerKind.ADAM, 0, 0, 0, OutputDirectory.DEFAULT, Progress.Mode.BAR, null, null);
    }

    /**
     * Reads the data and trains.
     *
     * @throws UsageException when {@code data} is not a directory
     * @throws io.github.autograd4j.examples.data.DataFormatException naming the file that is malformed
     */
    public static ClassifierRun run(Config config) throws IOException {
        UsageException.require(Files.isDirectory(config.data()), "--data " + config.data()
                + ": no such directory; it must hold MNIST's four IDX files (see the README)");
        config.train().checkFiles();
        Mnist mnist = Mnist.load(config.data());
        TrainOptions options = config.train();
        DataSplit data = DataSplit.holdingOut(mnist.train(), mnist.test(), options.validation(), options.seed());
        return ClassifierRun.train("mnist", LAYERS, 0, data, options, config.out());
    }
}
