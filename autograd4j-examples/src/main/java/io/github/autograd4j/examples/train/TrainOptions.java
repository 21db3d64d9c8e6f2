package io.github.autograd4j.examples.train;

import static io.github.autograd4j.examples.UsageException.require;

import io.github.autograd4j.DType;
import io.github.autograd4j.examples.FileOptions;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The options the training commands share ({@code --epochs --batch-size --lr --optimizer --seed
 * --validation --threads --out --no-progress --checkpoint --resume --dtype}).
 *
 * @param epochs     how many passes over the training set, in all (a resumed run stops there too)
 * @param batchSize  samples per step
 * @param lr         the peak learning rate (a cosine schedule lowers it epoch by epoch)
 * @param optimizer  the optimiser
 * @param seed       the seed of every random choice: initialisation, split, shuffles, dropout
 * @param validation the share of each class of the training set held out as a validation set,
 *                   evaluated after every epoch to choose hyperparameters on; 0 for none
 * @param threads    the value of the system property {@value Trainer#THREADS_PROPERTY} to set before
 *                   the first matrix product: the most threads one large GEMM uses (default:
 *                   the available processors), or 0 to leave it alone
 * @param out        the directory for plots and other outputs
 * @param progress   what the run shows of its progress: a bar on a terminal, log lines, or nothing
 * @param checkpoint a file to save the model and optimiser to after every epoch, or null
 * @param resume     a checkpoint to continue from, or null
 * @param dtype      the type the model's parameters and the data are trained in
 */
public record TrainOptions(int epochs, int batchSize, double lr, OptimizerKind optimizer, long seed, double validation,
                           int threads, Path out, Progress.Mode progress, Path checkpoint, Path resume, DType dtype) {

    /**
     * Checks the options.
     *
     * @throws io.github.autograd4j.examples.UsageException naming the option that is out of range
     */
    public TrainOptions {
        require(epochs >= 1, "--epochs must be at least 1, got " + epochs);
        require(batchSize >= 1, "--batch-size must be at least 1, got " + batchSize);
        require(lr > 0 && Double.isFinite(lr), "--lr must be a positive number, got " + lr);
        require(validation >= 0 && validation < 1, "--validation must be a fraction in [0, 1), got " + validation);
        require(threads >= 0, "--threads must be 0 (leave as is) or more, got " + threads);
        Objects.requireNonNull(optimizer, "optimizer");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(progress, "progress");
        Objects.requireNonNull(dtype, "dtype");
    }

    /** The options as given, trained in float64. */
    public TrainOptions(int epochs, int batchSize, double lr, OptimizerKind optimizer, long seed, double validation,
                        int threads, Path out, Progress.Mode progress, Path checkpoint, Path resume) {
        this(epochs, batchSize, lr, optimizer, seed, validation, threads, out, progress, checkpoint, resume, DType.FLOAT64);
    }

    /**
     * Checks, before any work, that the output directory and the checkpoint file can be written
     * (making the directories they need) and that the checkpoint to resume from is a file.
     *
     * @throws io.github.autograd4j.examples.UsageException naming the option and the path given
     */
    public void checkFiles() {
        FileOptions.requireWritableDirectory("--out", out);
        if (checkpoint != null) {
            FileOptions.requireWritableFile("--checkpoint", checkpoint);
        }
        if (resume != null) {
            TrainingCheckpoint.requireResumable(resume);
        }
    }

    /** These options with {@code epochs} instead. */
    public TrainOptions withEpochs(int epochs) {
        return new TrainOptions(epochs, batchSize, lr, optimizer, seed, validation, threads, out, progress, checkpoint, resume, dtype);
    }

    /** These options with {@code validation} as the share of the training set held out. */
    public TrainOptions withValidation(double validation) {
        return new TrainOptions(epochs, batchSize, lr, optimizer, seed, validation, threads, out, progress, checkpoint, resume, dtype);
    }

    /** These options with {@code progress} as what the run shows of its progress. */
    public TrainOptions withProgress(Progress.Mode progress) {
        return new TrainOptions(epochs, batchSize, lr, optimizer, seed, validation, threads, out, progress, checkpoint, resume, dtype);
    }

    /** These options with {@code out} as the output directory. */
    public TrainOptions withOut(Path out) {
        return new TrainOptions(epochs, batchSize, lr, optimizer, seed, validation, threads, out, progress, checkpoint, resume, dtype);
    }

    /** These options with the model and the data in {@code dtype}. */
    public TrainOptions withDType(DType dtype) {
        return new TrainOptions(epochs, batchSize, lr, optimizer, seed, validation, threads, out, progress, checkpoint, resume, dtype);
    }

    /** These options with checkpointing to {@code checkpoint} and resuming from {@code resume} (either may be null). */
    public TrainOptions withCheckpoints(Path checkpoint, Path resume) {
        return new TrainOptions(epochs, batchSize, lr, optimizer, seed, validation, threads, out, progress, checkpoint, resume, dtype);
    }
}
