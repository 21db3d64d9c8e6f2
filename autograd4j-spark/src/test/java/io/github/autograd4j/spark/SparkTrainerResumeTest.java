package io.github.autograd4j.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.autograd4j.Generator;
import io.github.autograd4j.nn.io.Checkpoint;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A job killed part way and restarted resumes from its checkpoint (model, optimiser, scheduler and
 * position in the data) and ends with exactly the weights of a job that was never interrupted.
 */
class SparkTrainerResumeTest {

    private static final int STEPS = 12;
    private static final int EVERY = 5;

    @TempDir
    Path dir;

    /** What the job's driver dying after {@code step} steps looks like to the trainer. */
    private static final class Killed extends RuntimeException {
        Killed() {
            super("killed");
        }
    }

    @Test
    void aRestartedJobEndsAsAnUninterruptedOne() throws IOException {
        assertResumes(dir.resolve("ck.safetensors").toString(), false);
    }

    @Test
    void throughHadoopsFileSystemToo() throws IOException {
        assertResumes("file://" + dir.resolve("ck.safetensors"), true);
    }

    private void assertResumes(String checkpoint, boolean viaHadoop) throws IOException {
        double[] uninterrupted = Reference.spark(4, 2, STEPS);
        Path file = dir.resolve("ck.safetensors");

        // killed after step 8 of 12 (past the epoch's end at 7): the checkpoint is that of step 5
        Generator.manualSeed(4);
        try (SparkTrainer first = builder(checkpoint, viaHadoop).build(LocalSpark.samples(2), new int[] {LocalSpark.FEATURES},
                new int[] {})) {
            assertThrows(Killed.class, () -> first.train(STEPS, s -> {
                if (s.step() == 8) {
                    throw new Killed();
                }
            }));
        }
        assertEquals("5", Checkpoint.load(file).metadata().get("step"));
        assertEquals(List.of("ck.safetensors"), CheckpointStoreTest.files(dir), "no temporary file is left");

        // restarted, with other initial weights, which the checkpoint replaces
        Generator.manualSeed(99);
        try (SparkTrainer resumed = builder(checkpoint, viaHadoop).build(LocalSpark.samples(2), new int[] {LocalSpark.FEATURES},
                new int[] {})) {
            assertEquals(5, resumed.steps());
            assertEquals(7, resumed.train(STEPS).size());
            assertArrayEquals(uninterrupted, ModelSpec.flatten(resumed.model().parameters()), 0.0);
        }
        assertEquals("10", Checkpoint.load(file).metadata().get("step"));
    }

    private static SparkTrainer.Builder builder(String checkpoint, boolean viaHadoop) {
        SparkTrainer.Builder b = Reference.trainer(LocalSpark::model).checkpoint(checkpoint, EVERY);
        return viaHadoop ? b.checkpointViaHadoop() : b;
    }
}
