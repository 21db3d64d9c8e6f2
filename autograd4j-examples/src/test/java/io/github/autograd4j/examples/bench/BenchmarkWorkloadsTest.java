package io.github.autograd4j.examples.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.autograd4j.DType;
import io.github.autograd4j.Value;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
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

    /** bench/ab-scalar.sh reads the wall-clock and thread-CPU figures out of these lines. */
    @Test
    void theChainReportGivesWallAndThreadCpuTimePerNodeForEachLength() {
        PrintStream out = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            DeepChainBenchmark.main(new String[] {"1000", "2000"});
        } finally {
            System.setOut(out);
        }
        String report = printed.toString(StandardCharsets.UTF_8);
        for (int length : new int[] {1000, 2000}) {
            Pattern line = Pattern.compile("(?m)^chain of " + length
                    + " nodes: backward \\d+ ms \\(median of 3\\), [0-9.]+ ns/node; thread CPU [0-9.]+ ns/node; graph ");
            assertTrue(line.matcher(report).find(), report);
        }
        assertTrue(report.contains("per-node time at 2000 nodes / at 1000 nodes: "), report);
    }
}
