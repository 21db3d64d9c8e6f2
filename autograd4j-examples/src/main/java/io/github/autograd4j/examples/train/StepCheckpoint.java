package io.github.autograd4j.examples.train;

import io.github.autograd4j.examples.UsageException;
import io.github.autograd4j.nn.Module;
import io.github.autograd4j.nn.io.Checkpoint;
import io.github.autograd4j.nn.optim.Optimizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The checkpoint of a run counted in steps rather than epochs (the {@code charlm} example): the
 * model and optimiser through {@link Checkpoint}, with the options that define the run, the steps
 * done and whatever history the run keeps as metadata. As with {@link Trainer}'s checkpoints, a
 * resumed run must have the defining options of the checkpoint (the same messages), may plan more
 * steps but not fewer than those done, and draws everything from the seed and the step, so that it
 * ends with the weights of an uninterrupted run.
 */
public final class StepCheckpoint {

    private static final String STEPS = "steps-done";

    private StepCheckpoint() {
    }

    /**
     * Saves after {@code steps} steps.
     *
     * @param defining the options that define the run, by name (a resumed run must have the same)
     * @param history  more metadata to keep, e.g. the losses so far
     * @throws IOException naming {@code --checkpoint} and {@code path}; the previous checkpoint is then unchanged
     */
    public static void save(Path path, Map<String, String> defining, int steps, Map<String, String> history, Module model,
                            Optimizer optimizer) throws IOException {
        Map<String, String> metadata = new LinkedHashMap<>(defining);
        metadata.put(STEPS, Integer.toString(steps));
        metadata.putAll(history);
        try {
            Files.createDirectories(path.toAbsolutePath().getParent());
            Checkpoint.save(path, model, optimizer, metadata);
        } catch (IOException e) {
            throw new IOException("--checkpoint " + path + ": saving after step " + steps + " failed: " + e, e);
        }
    }

    /**
     * Loads a checkpoint of the same run into {@code model} and {@code optimizer}.
     *
     * @param planned the steps this run plans in all
     * @return the checkpoint's metadata; {@link #stepsDone} reads the steps done from it
     * @throws UsageException when the file is missing, belongs to another run or has done more
     *                        steps than planned
     */
    public static Map<String, String> restore(Path path, Map<String, String> defining, int planned, Module model,
                                              Optimizer optimizer) throws IOException {
        String where = "--resume " + path + ": ";
        TrainingCheckpoint.requireResumable(path);
        Map<String, String> meta = Checkpoint.load(path).metadata();
        defining.forEach((key, value) -> TrainingCheckpoint.expect(where, meta, key, value));
        int done = stepsDone(meta);
        UsageException.require(done <= planned, where + "the checkpoint has done " + done + " steps but this run has --steps "
                + planned + "; expected at least " + done + " (more train longer)");
        try {
            Checkpoint.restore(path, model, optimizer);
        } catch (IllegalArgumentException e) {
            throw new UsageException(where + e.getMessage());
        }
        return meta;
    }

    /** The steps a checkpoint's metadata says were done. */
    public static int stepsDone(Map<String, String> metadata) {
        try {
            return Integer.parseInt(metadata.getOrDefault(STEPS, "0"));
        } catch (NumberFormatException e) {
            throw new UsageException("the checkpoint's step count '" + metadata.get(STEPS) + "' is not a number");
        }
    }
}
