package io.github.autograd4j.examples;

import io.github.autograd4j.DType;
import io.github.autograd4j.Tensor;
import io.github.autograd4j.examples.data.LabelledData;
import io.github.autograd4j.examples.data.Mnist;
import io.github.autograd4j.examples.output.OutputDirectory;
import io.github.autograd4j.examples.train.ClassifierRun;
import io.github.autograd4j.examples.train.DataSplit;
import io.github.autograd4j.examples.train.EpochStats;
import io.github.autograd4j.examples.train.OptimizerKind;
import io.github.autograd4j.examples.train.Progress;
import io.github.autograd4j.examples.train.RunSeeds;
import io.github.autograd4j.examples.train.TrainOptions;
import io.github.autograd4j.nn.BatchNorm2d;
import io.github.autograd4j.nn.Conv2d;
import io.github.autograd4j.nn.ConvOptions;
import io.github.autograd4j.nn.Flatten;
import io.github.autograd4j.nn.Linear;
import io.github.autograd4j.nn.MaxPool2d;
import io.github.autograd4j.nn.Module;
import io.github.autograd4j.nn.ReLU;
import io.github.autograd4j.nn.Sequential;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The {@code cnn} command: a LeNet-style convolutional network, in float32 by default (two blocks of
 * convolution, batch norm, ReLU and 2 x 2 max pooling, then a hidden layer of 128) on the bundled
 * 8 x 8 digits (3 x 3 kernels, the split of the {@code digits} command) or, with a data directory,
 * on MNIST's 28 x 28 images (5 x 5 kernels, as the {@code mnist} command reads them). It reports
 * the test accuracy and the median time per epoch.
 */
public final class CnnExample {

    /** The channels of the two convolution blocks. */
    static final int[] CHANNELS = {16, 32};
    /** The hidden layer's width. */
    static final int HIDDEN = 128;
    /** The side of MNIST's images. */
    static final int MNIST_SIDE = 28;

    /**
     * A run.
     *
     * @param data  the directory of MNIST's IDX files, or null for the bundled digits
     * @param train the training options
     * @param out   where the summary is printed
     */
    public record Config(Path data, TrainOptions train, PrintStream out) {
    }

    private CnnExample() {
    }

    /**
     * The default training options: Adam with batches of 64 and a cosine schedule, seed 0, no
     * validation set, float32; on MNIST 1e-3 for 3 epochs, on the digits 3e-3 for 15 (checked on
     * a validation split, see the README).
     *
     * @param mnist whether the run is on MNIST
     * @return the options
     */
    public static TrainOptions defaults(boolean mnist) {
        return new TrainOptions(mnist ? 3 : 15, 64, mnist ? 1e-3 : 3e-3, OptimizerKind.ADAM, 0, 0, 0, OutputDirectory.DEFAULT,
                Progress.Mode.BAR, null, null, DType.FLOAT32);
    }

    /**
     * Reads the data, trains and evaluates; the run's history, model and curves PNG.
     *
     * @throws UsageException when {@code data} is not a directory or its images are not 28 x 28
     * @throws io.github.autograd4j.examples.data.DataFormatException naming the file that is malformed
     */
    public static ClassifierRun run(Config config) throws IOException {
        TrainOptions options = config.train();
        DataSplit data;
        int side;
        if (config.data() == null) {
            options.checkFiles();
            data = DigitsExample.split(options.seed(), options.validation());
            side = 8;
        } else {
            UsageException.require(Files.isDirectory(config.data()), "--data " + config.data()
                    + ": no such directory; it must hold MNIST's four IDX files (see the README)");
            options.checkFiles();
            Mnist mnist = Mnist.load(config.data());
            side = MNIST_SIDE;
            requireImages(config.data(), mnist.train(), side);
            requireImages(config.data(), mnist.test(), side);
            data = DataSplit.holdingOut(mnist.train(), mnist.test(), options.validation(), options.seed());
        }
        int kernel = side == MNIST_SIDE ? 5 : 3;
        String description = String.format(Locale.ROOT, "CNN conv%d-%d-pool-conv%d-%d-pool-fc%d-10 (%s)", kernel,
                CHANNELS[0], kernel, CHANNELS[1], HIDDEN, options.dtype().toString().toLowerCase(Locale.ROOT));
        ClassifierRun run = ClassifierRun.train("cnn", description, new ClassifierRun.Net(lenet(side, kernel, options.seed()),
                List.of()), data, options, config.out());
        config.out().printf(Locale.ROOT, "cnn: %.1f s per epoch (median of %d, evaluation included)%n",
                medianEpochSeconds(run.history().epochs()), run.history().epochs().size());
        return run;
    }

    private static void requireImages(Path dir, LabelledData set, int side) {
        UsageException.require(set.featureCount() == side * side, "--data " + dir + ": " + set.name() + " has images of "
                + set.featureCount() + " pixels; the cnn command takes MNIST's " + side + " x " + side + " = " + side * side);
    }

    /**
     * The network for square images of {@code side} pixels (a multiple of 4) given as rows of
     * {@code side * side} values, its parameters drawn from the seed's {@code "init"} stream (in
     * float64; the trainer converts the model to the run's type).
     *
     * @param side   the images' side
     * @param kernel the convolutions' side (odd; padded to keep the size)
     * @param seed   the run seed
     * @return the model
     */
    static Module lenet(int side, int kernel, long seed) {
        Random init = RunSeeds.random(seed, "init");
        ConvOptions same = ConvOptions.defaults().padding(kernel / 2);
        int pooled = side / 4;
        return new Sequential(
                new Images(side),
                new Conv2d(1, CHANNELS[0], new int[] {kernel}, same, init), new BatchNorm2d(CHANNELS[0]), new ReLU(), new MaxPool2d(2),
                new Conv2d(CHANNELS[0], CHANNELS[1], new int[] {kernel}, same, init), new BatchNorm2d(CHANNELS[1]), new ReLU(),
                new MaxPool2d(2),
                new Flatten(),
                new Linear(CHANNELS[1] * pooled * pooled, HIDDEN, true, init), new ReLU(),
                new Linear(HIDDEN, 10, true, init));
    }

    private static double medianEpochSeconds(List<EpochStats> epochs) {
        double[] seconds = epochs.stream().mapToDouble(EpochStats::seconds).sorted().toArray();
        int n = seconds.length;
        return n % 2 == 1 ? seconds[n / 2] : (seconds[n / 2 - 1] + seconds[n / 2]) / 2;
    }

    /** Rows of {@code side * side} pixels as one-channel images {@code (N, 1, side, side)}. */
    private static final class Images extends Module {

        private final int side;

        Images(int side) {
            this.side = side;
        }

        @Override
        public Tensor forward(Tensor x) {
            if (x.dim() != 2 || x.size(1) != side * side) {
                throw new IllegalArgumentException("Images: expected rows of " + side * side + " pixels, got " + x.shape());
            }
            return x.reshape(x.size(0), 1, side, side);
        }

        @Override
        protected String extraRepr() {
            return "side=" + side;
        }
    }
}
