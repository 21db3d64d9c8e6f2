package io.github.autograd4j.nn;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.autograd4j.Tensor;
import io.github.autograd4j.nn.loss.MSELoss;
import io.github.autograd4j.nn.optim.Adam;
import io.github.autograd4j.nn.optim.Optimizer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * 10,000 training steps of an MLP keep no memory from one step to the next: the heap in use
 * after a full collection is the same, within a generous 32 MB, after step 1,000 as after step
 * 10,000. Each step's graph (about 10 KB of intermediates here) must be released when its
 * backward pass ends; a graph kept alive by a parameter, a gradient or the optimiser would add
 * some 90 MB over the 9,000 steps between the two readings.
 */
class HeapGrowthTest {

    private static final long BOUND_BYTES = 32L << 20;

    @Test
    void tenThousandStepsDoNotGrowTheHeap() throws InterruptedException {
        Random rng = new Random(0);
        Module net = new MLP(rng, Tanh::new, 8, 16, 16, 1);
        Optimizer optimizer = Adam.builder().lr(1e-3).build(net.parameters());
        MSELoss criterion = new MSELoss();
        Tensor x = Tensor.randn(rng, 16, 8);
        Tensor y = x.sum(1, true).sin();
        long afterWarmUp = 0;
        for (int step = 1; step <= 10_000; step++) {
            optimizer.zeroGrad();
            criterion.forward(net.forward(x), y).backward();
            optimizer.step();
            if (step == 1_000) {
                afterWarmUp = usedAfterGc();
            }
        }
        long atEnd = usedAfterGc();
        long growth = atEnd - afterWarmUp;
        System.out.printf("HeapGrowthTest: %,d bytes in use after step 1,000, %,d after step 10,000 (growth %,d)%n",
                afterWarmUp, atEnd, growth);
        assertTrue(growth < BOUND_BYTES, "the heap grew by " + growth + " bytes over 9,000 steps");
    }

    /** Heap in use after full collections, once it stops falling. */
    private static long usedAfterGc() throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(20);
            long now = memory.getHeapMemoryUsage().getUsed();
            if (now >= used) {
                return now;
            }
            used = now;
        }
        return used;
    }
}
