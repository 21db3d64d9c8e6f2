package io.github.autograd4j.examples.cli;

import io.github.autograd4j.DType;
import io.github.autograd4j.examples.train.OptimizerKind;
import io.github.autograd4j.examples.train.Progress;
import io.github.autograd4j.examples.train.TrainOptions;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine.Option;

/**
 * The options the training commands share. Each is null until given, so that a command fills in
 * its own defaults ({@link #over}); a new {@code --optimizer} without {@code --lr} takes that
 * optimiser's usual rate.
 */
public final class TrainMixin {

    @Option(names = "--epochs", paramLabel = "N", description = "passes over the training set")
    Integer epochs;

    @Option(names = "--batch-size", paramLabel = "N", description = "samples per step")
    Integer batchSize;

    @Option(names = "--lr", paramLabel = "RATE", description = "peak learning rate (cosine schedule to 0)")
    Double lr;

    @Option(names = "--optimizer", paramLabel = "NAME", description = "sgd, momentum, adam or adamw")
    OptimizerKind optimizer;

    @Option(names = "--seed", paramLabel = "N", description = "seed of initialisation, split, shuffles")
    Long seed;

    @Option(names = "--validation", paramLabel = "FRACTION",
            description = "share of each class of the training set held out for validation, reported per epoch")
    Double validation;

    @Option(names = "--threads", paramLabel = "N", description = "the most threads one large matrix product uses (default: the available processors)")
    Integer threads;

    @Option(names = "--out", paramLabel = "DIR", description = "directory for plots and graph files")
    Path out;

    @Option(names = "--no-progress", description = "log lines instead of a progress bar")
    boolean noProgress;

    @Option(names = "--checkpoint", paramLabel = "FILE", description = "save model and optimiser after every epoch")
    Path checkpoint;

    @Option(names = "--resume", paramLabel = "FILE", description = "continue the run saved in FILE")
    Path resume;

    @Option(names = "--dtype", paramLabel = "TYPE", description = "float64 or float32: the type the model and the data are trained in")
    DType dtype;

    /** The command's {@code defaults} with every option given on the command line in place. */
    public TrainOptions over(TrainOptions defaults) {
        OptimizerKind kind = optimizer != null ? optimizer : defaults.optimizer();
        double rate = lr != null ? lr : kind == defaults.optimizer() ? defaults.lr() : kind.defaultLr();
        return new TrainOptions(or(epochs, defaults.epochs()), or(batchSize, defaults.batchSize()), rate, kind,
                or(seed, defaults.seed()), or(validation, defaults.validation()), or(threads, defaults.threads()),
                or(out, defaults.out()), noProgress ? Progress.Mode.LINES : defaults.progress(), or(checkpoint, defaults.checkpoint()), or(resume, defaults.resume()),
                or(dtype, defaults.dtype()));
    }

    /** The line a command's help ends with: {@code defaults} as options. */
    public static String describe(TrainOptions defaults) {
        return String.format(Locale.ROOT, "%nDefaults: --optimizer %s --lr %s --batch-size %d --epochs %d --seed %d --validation %s --out %s --dtype %s",
                defaults.optimizer(), defaults.lr(), defaults.batchSize(), defaults.epochs(), defaults.seed(), defaults.validation(),
                defaults.out(), defaults.dtype().toString().toLowerCase(Locale.ROOT));
    }

    private static <T> T or(T given, T fallback) {
        return given != null ? given : fallback;
    }
}
