package io.github.autograd4j.examples.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.autograd4j.DType;
import io.github.autograd4j.Value;
import org.junit.jupiter.api.Test;

/** The benchmarks' workloads do the work they claim: the MLP step trains, the chain has the length and gradient it should. */
class BenchmarkWorkloadsTest {

    @Test
    void theMlpStepLowersTheLossOnItsFixedBatch() {
        MlpStep step = new MlpStep(32, 3);
        double first = step.step();
        double last = first;
        for (int i = 0; i < 40; i++) {
            last = step.step();
        }
        assertTrue(Double.isFinite(first) && last < first, "loss went from " + first + " to " + last);
    }

    @Test
    void theFloat32StepTrainsInFloat32FromTheFloat64StartingPoint() {
        MlpStep single = new MlpStep(32, 3, MlpStep.FLOAT32);
        double first = single.step();
        double start = new MlpStep(32, 3, MlpStep.FLOAT64).step();
        assertEquals(start, first, 1e-4 * Math.abs(start), "the same model and batch, rounded to float32");
        double last = first;
        for (int i = 0; i < 40; i++) {
            last = single.step();
        }
        assertTrue(last < first, "loss went from " + first + " to " + last);
        single.model().parameters().forEach(p -> {
            assertEquals(DType.FLOAT32, p.dtype());
            assertEquals(DType.FLOAT32, p.grad().dtype());
        });
    }

    @Test
    void theChainHasItsLengthAndTheGradientOfItsMultipliers() {
        int length = 1001;
        Value root = DeepChainBenchmark.chain(length);
        int nodes = 1;
        Value leaf = root;
        while (leaf.inputCount() > 0) {
            leaf = leaf.input(0);
            nodes++;
        }
        assertEquals(length, nodes);
        root.backward();
        double expected = Math.pow(1.0000001, (length - 1) / 2);
        assertEquals(expected, leaf.grad(), 1e-12);
    }
}
