package io.github.autograd4j.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.autograd4j.Generator;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Data-parallel training against the single-process run of the same batches. */
class SparkTrainerTest {

    /** 12 steps: an epoch of 7 batches (the last one of 4 samples), then 5 of the next, with the learning rate halved at step 5 and 10. */
    private static final int STEPS = 12;

    @ParameterizedTest(name = "{0} partitions")
    @ValueSource(ints = {1, 2, 4})
    void equalsTheSingleProcessRunOfTheSameBatches(int partitions) throws IOException {
        double[] expected = Reference.singleProcess(5, STEPS);
        double[] actual = Reference.spark(5, partitions, STEPS);
        assertArrayEquals(expected, actual, 1e-12);
        if (partitions == 1) {
            assertArrayEquals(expected, actual, 0.0, "one partition computes what one process does, bit for bit");
        }
    }

    @Test
    void trainLocallyIsTheSingleProcessRun() {
        double[] expected = Reference.singleProcess(5, STEPS);
        Generator.manualSeed(5);
        assertArrayEquals(expected, ModelSpec.flatten(Reference.trainer(LocalSpark::model)
                .trainLocally(LocalSpark.inputs(), LocalSpark.targets(), STEPS).parameters()), 0.0);
    }

    @Test
    void aRunRepeatsBitForBit() throws IOException {
        assertArrayEquals(Reference.spark(6, 4, 5), Reference.spark(6, 4, 5), 0.0);
    }

    @Test
    void statisticsDescribeEachStep() throws IOException {
        Generator.manualSeed(1);
        try (SparkTrainer trainer = Reference.trainer(LocalSpark::model).build(LocalSpark.samples(2),
                new int[] {LocalSpark.FEATURES}, new int[] {})) {
            assertEquals(LocalSpark.SAMPLES, trainer.samples());
            List<StepStats> stats = trainer.train(8);
            assertEquals(8, stats.size());
            assertEquals(8, trainer.steps());
            assertEquals(List.of(16, 16, 16, 16, 16, 16, 4, 16), stats.stream().map(StepStats::batchSize).toList());
            assertEquals(List.of(0, 0, 0, 0, 0, 0, 0, 1), stats.stream().map(StepStats::epoch).toList());
            assertTrue(stats.stream().allMatch(s -> s.loss() > 0 && s.computeNanos() > 0 && s.jobNanos() > 0));
            assertTrue(stats.get(7).loss() < stats.get(0).loss(), "the loss falls: " + stats);
            assertTrue(trainer.train(8).isEmpty(), "8 steps were done already");
            assertFalse(trainer.train(9).isEmpty());
        }
    }
}
