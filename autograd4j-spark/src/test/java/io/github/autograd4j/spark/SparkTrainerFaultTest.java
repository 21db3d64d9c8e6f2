package io.github.autograd4j.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.autograd4j.Generator;
import io.github.autograd4j.Tensor;
import io.github.autograd4j.nn.Module;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.TaskContext;
import org.junit.jupiter.api.Test;

/** A task that fails is retried by Spark, and the run ends exactly as one without failures. */
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
