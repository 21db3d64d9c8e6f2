package io.github.autograd4j.examples.train;

import io.github.autograd4j.examples.FileOptions;
import io.github.autograd4j.examples.UsageException;
import io.github.autograd4j.nn.Module;
import io.github.autograd4j.nn.io.Checkpoint;
import io.github.autograd4j.nn.optim.Optimizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link Trainer}'s checkpoint: the model and optimiser through {@link Checkpoint} (safetensors,
 * F64, replaced atomically), with the options that define the run, the planned epochs and every
 * completed epoch's stats as metadata. Nothing else is needed to resume exactly: all randomness of
 * epoch {@code k} is rebuilt from the seed and {@code k} (see {@link RunSeeds}).
 *
 * <p>A resumed run must have the same task, seed, optimiser, learning rate, batch size,
 * validation share and type ({@code --dtype}) as the checkpoint's ({@link #defining}): with any other it would not continue
 * the same run, so it is refused. {@code --epochs} may be larger, to train longer (the cosine
 * schedule then stretches to the new total from the next epoch on, and a warning says so), but
 * not smaller than the epochs done. The other options ({@code --threads}, {@code --out},
 * {@code --checkpoint}, {@code --no-progress}) change where and how the run shows its work, not
 * what it computes.
 */
final class TrainingCheckpoint {

    private static final Logger LOG = LoggerFactory.getLogger(TrainingCheckpoint.class);
    private static final String TASK = "task";
    private static final String SEED = "seed";
    private static final String OPTIMIZER = "optimizer";
    private static final String LR = "lr";
    private static final String BATCH_SIZE = "batch-size";
    private static final String VALIDATION = "validation";
    private static final String DTYPE = "dtype";
    private static final String EPOCHS = "epochs";
    private static final String DONE = "epoch";
    private static final String HISTORY = "history.";

    private TrainingCheckpoint() {
    }

    /**
     * Saves after an epoch; {@code history} holds every epoch completed so far.
     *
     * @throws IOException naming {@code --checkpoint} and {@code path} first (the file system's own
     *                     message names the temporary file the save writes first); the previous
     *                     checkpoint is then unchanged
     */
    static void save(Path path, String task, TrainOptions options, Module model, Optimizer optimizer,
                     List<EpochStats> history) throws IOException {
        Map<String, String> metadata = defining(task, options);
        metadata.put(EPOCHS, Integer.toString(options.epochs()));
        metadata.put(DONE, Integer.toString(history.size()));
        for (int i = 0; i < history.size(); i++) {
            metadata.put(HISTORY + i, history.get(i).encode());
        }
        try {
            Files.createDirectories(path.toAbsolutePath().getParent());
            Checkpoint.save(path, model, optimizer, metadata);
        } catch (IOException e) {
            throw new IOException("--checkpoint " + path + ": saving after epoch " + history.size() + " failed: " + e, e);
        }
    }

    /**
     * Checks that {@code path}, given as {@code --resume}, is a file.
     *
     * @throws UsageException when it does not exist or is a directory
     */
    static void requireResumable(Path path) {
        FileOptions.requireReadableFile("--resume", path, "a checkpoint written by --checkpoint");
    }

    /**
     * Loads a checkpoint of the same run (see the class comment) into {@code model} and
     * {@code optimizer}; returns the completed epochs' stats.
     *
     * @throws UsageException when the file is missing, belongs to another run or has done more
     *                        epochs than {@code options} plan
     */
    static List<EpochStats> restore(Path path, String task, TrainOptions options, Module model, Optimizer optimizer)
            throws IOException {
        String where = "--resume " + path + ": ";
        requireResumable(path);
        Checkpoint checkpoint = Checkpoint.load(path);
        Map<String, String> meta = checkpoint.metadata();
        defining(task, options).forEach((key, value) -> expect(where, meta, key, value));
        List<EpochStats> history = new ArrayList<>();
        try {
            int done = Integer.parseInt(meta.getOrDefault(DONE, "0"));
            for (int i = 0; i < done; i++) {
                String stats = meta.get(HISTORY + i);
                UsageException.require(stats != null, where + "its metadata lacks the stats of epoch " + (i + 1) + " of " + done);
                history.add(EpochStats.parse(stats));
            }
        } catch (UsageException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new UsageException(where + "its epoch history is damaged (" + e.getMessage() + ")");
        }
        UsageException.require(history.size() <= options.epochs(), where + "the checkpoint has done " + history.size()
                + " epochs but this run has --epochs " + options.epochs() + "; expected at least " + history.size()
                + " (more train longer)");
        try {
            Checkpoint.restore(path, model, optimizer); // checks model and optimiser before changing either
        } catch (IllegalArgumentException e) {
            throw new UsageException(where + e.getMessage());
        }
        if (!Integer.toString(options.epochs()).equals(meta.get(EPOCHS))) {
            LOG.warn("{}: the checkpoint's run planned {} epochs and this one {}: the learning-rate schedule differs from here on",
                    task, meta.get(EPOCHS), options.epochs());
        }
        LOG.info("{}: resumed from {} after epoch {}", task, path, history.size());
        return history;
    }

    /** The options that define a run, by their names in the metadata: a resumed run must have the same values. */
    private static Map<String, String> defining(String task, TrainOptions options) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put(TASK, task);
        values.put(SEED, Long.toString(options.seed()));
        values.put(OPTIMIZER, options.optimizer().toString());
        values.put(LR, Double.toString(options.lr()));
        values.put(BATCH_SIZE, Integer.toString(options.batchSize()));
        values.put(VALIDATION, Double.toString(options.validation()));
        values.put(DTYPE, options.dtype().toString().toLowerCase(Locale.ROOT));
        return values;
    }

    private static void expect(String where, Map<String, String> meta, String key, String expected) {
        // checkpoints written before --dtype existed trained in float64
        String found = key.equals(DTYPE) ? meta.getOrDefault(key, "float64") : meta.get(key);
        String written = found == null ? "the checkpoint does not record its " + key + " (written by an older version?)"
                : "the checkpoint was written with " + key + " '" + found + "'";
        UsageException.require(expected.equals(found), where + written + " but this run has '" + expected
                + "'; resuming would not continue the same run");
    }
}
