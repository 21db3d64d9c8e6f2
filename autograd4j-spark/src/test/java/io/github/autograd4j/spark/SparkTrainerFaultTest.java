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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A task that fails is retried by Spark, and the run ends exactly as one without failures; a step
 * whose job fails for good changes nothing, and training can go on.
 */
class SparkTrainerFaultTest {

    private static final int STEPS = 6;

    /** Which attempts of partition 1's tasks fail. */
    private enum Failure { NONE, FIRST_ATTEMPT, EVERY_ATTEMPT }

    /** Set by the tests, read by the tasks (local mode runs them in this JVM). */
    private static volatile Failure failure = Failure.NONE;
    /** The failures injected. */
    private static final AtomicInteger FAILURES = new AtomicInteger();

    /** The toy model, whose forward throws on an executor as {@link #failure} says. */
    static final class Failing extends Module {
        private final Module net;

        Failing() {
            net = registerModule("net", LocalSpark.model());
        }

        @Override
        public Tensor forward(Tensor x) {
            TaskContext task = TaskContext.get();
            if (task != null && task.partitionId() == 1
                    && (failure == Failure.EVERY_ATTEMPT || failure == Failure.FIRST_ATTEMPT && task.attemptNumber() == 0)) {
                FAILURES.incrementAndGet();
                throw new IllegalStateException("injected: partition 1 fails (" + failure + ")");
            }
            return net.forward(x);
        }
    }

    @AfterEach
    void noMoreFailures() {
        failure = Failure.NONE;
    }

    @Test
    void aFailedTaskIsRetriedAndTheResultIsUnchanged() throws IOException {
        double[] expected = run(LocalSpark::model);
        FAILURES.set(0);
        failure = Failure.FIRST_ATTEMPT;
        double[] actual = run(Failing::new);
        assertEquals(STEPS, FAILURES.get(), "partition 1 failed once in every step");
        assertArrayEquals(expected, actual, 0.0);
    }

    @Test
    void aStepWhoseJobFailsChangesNothing() throws IOException {
        double[] expected = run(LocalSpark::model);
        Generator.manualSeed(2);
        try (SparkTrainer trainer = build(Failing::new)) {
            trainer.train(3);
            failure = Failure.EVERY_ATTEMPT;
            Exception e = assertThrows(Exception.class, () -> trainer.train(STEPS));
            assertTrue(e.getMessage().contains("injected: partition 1 fails (EVERY_ATTEMPT)"), e.getMessage());
            assertEquals(3, trainer.steps());
            failure = Failure.NONE;
            trainer.train(STEPS);
            assertArrayEquals(expected, ModelSpec.flatten(trainer.model().parameters()), 0.0);
        }
    }

    private static double[] run(SerializableSupplier<Module> model) throws IOException {
        Generator.manualSeed(2);
        try (SparkTrainer trainer = build(model)) {
            trainer.train(STEPS);
            return ModelSpec.flatten(trainer.model().parameters());
        }
    }

    private static SparkTrainer build(SerializableSupplier<Module> model) throws IOException {
        return Reference.trainer(model).build(LocalSpark.samples(4), new int[] {LocalSpark.FEATURES}, new int[] {});
    }
}
