package io.github.autograd4j.examples.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.autograd4j.Tensor;
import io.github.autograd4j.Value;
import org.junit.jupiter.api.Test;

/**
 * The benchmarks' workloads do the work they claim: the MLP step trains, the chain has the length
 * and gradient it should, both layer norms compute the same function.
 */
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

    @Test
    void theComposedLayerNormIsTheFusedOneWithTheSameGradients() {
        LayerNormBenchmark bench = new LayerNormBenchmark();
        bench.setUp();
        assertArrayEquals(Tensor.layerNorm(bench.x, new int[] {64}, bench.weight, bench.bias, LayerNormBenchmark.EPS).toArray(),
                LayerNormBenchmark.composed(bench.x, bench.weight, bench.bias).toArray(), 1e-12);
        double fused = bench.fused();
        double[][] fusedGrads = {bench.x.grad().toArray(), bench.weight.grad().toArray(), bench.bias.grad().toArray()};
        double composed = bench.composed();
        assertArrayEquals(fusedGrads[0], bench.x.grad().toArray(), 1e-10);
        assertArrayEquals(fusedGrads[1], bench.weight.grad().toArray(), 1e-10);
        assertArrayEquals(fusedGrads[2], bench.bias.grad().toArray(), 1e-10);
        assertEquals(fused, composed, 1e-10);
        assertEquals(fusedGrads[0][0] + fusedGrads[1][0], fused, 0.0);
    }
}
