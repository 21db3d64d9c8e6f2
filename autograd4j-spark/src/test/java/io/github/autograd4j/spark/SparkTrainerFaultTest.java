package io.github.autograd4j.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.autograd4j.Generator;
import io.github.autograd4j.Tensor;
import io.github.autograd4j.nn.Module;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.TaskContext;
import org.junit.jupiter.api.Test;

/**
 * A task that fails is retried by Spark, and the run ends exactly as one without failures; a step
 * whose job fails for good changes nothing, and training can go on.
 */
class SparkTrainerFaultTest {

    private static final int STEPS = 6;
    /** The failures injected, counted in this JVM (local mode runs the tasks here). */
    private static final AtomicInteger FAILURES = new AtomicInteger();

    /** The toy model, whose forward throws in the first attempt of partition 1's task on an executor. */
    static final class FailingFirstAttempt extends Module {
        private final Module net;

        FailingFirstAttempt() {
            net = registerModule("net", LocalSpark.model());
        }

        @Override
        public Tensor forward(Tensor x) {
            TaskContext task = TaskContext.get();
            if (task != null && task.partitionId() == 1 && task.attemptNumber() == 0) {
                FAILURES.incrementAndGet();
                throw new IllegalStateException("injected: the first attempt of partition 1 fails");
            }
            return net.forward(x);
        }
    }

    /** Makes {@link FailingWhenTold} fail every attempt of partition 1. */
    private static volatile boolean failing;

    /** The toy model, whose forward throws on partition 1 while {@link #failing} is set. */
    static final class FailingWhenTold extends Module {
        private final Module net;

        FailingWhenTold() {
            net = registerModule("net", LocalSpark.model());
        }

        @Override
        public Tensor forward(Tensor x) {
            TaskContext task = TaskContext.get();
            if (failing && task != null && task.partitionId() == 1) {
                throw new IllegalStateException("injected: partition 1 fails every attempt");
            }
            return net.forward(x);
        }
    }

    @Test
    void aStepWhoseJobFailsChangesNothing() throws IOException {
        double[] expected = run(LocalSpark::model);
        Generator.manualSeed(2);
        try (SparkTrainer trainer = Reference.trainer(FailingWhenTold::new).build(LocalSpark.samples(4),
                new int[] {LocalSpark.FEATURES}, new int[] {})) {
            trainer.train(3);
            failing = true;
            Exception e = assertThrows(Exception.class, () -> trainer.train(STEPS));
            assertTrue(e.getMessage().contains("injected: partition 1 fails every attempt"), e.getMessage());
            assertEquals(3, trainer.steps());
            failing = false;
            trainer.train(STEPS);
            assertArrayEquals(expected, ModelSpec.flatten(trainer.model().parameters()), 0.0);
        } finally {
            failing = false;
        }
    }

    @Test
    void aFailedTaskIsRetriedAndTheResultIsUnchanged() throws IOException {
        double[] expected = run(LocalSpark::model);
        FAILURES.set(0);
        double[] actual = run(FailingFirstAttempt::new);
        assertEquals(STEPS, FAILURES.get(), "partition 1 failed once in every step");
        assertArrayEquals(expected, actual, 0.0);
    }

    private static double[] run(SerializableSupplier<Module> model) throws IOException {
        Generator.manualSeed(2);
        try (SparkTrainer trainer = Reference.trainer(model).build(LocalSpark.samples(4), new int[] {LocalSpark.FEATURES},
                new int[] {})) {
            trainer.train(STEPS);
            return ModelSpec.flatten(trainer.model().parameters());
        }
    }
}
