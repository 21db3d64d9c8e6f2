package io.github.autograd4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegressionExampleTest {

    @Test
    void moreUpdatesPerEpochLowerTheCostFaster(@TempDir Path dir) throws Exception {
        Silent out = new Silent();
        RegressionExample.Result r = RegressionExample.run(new RegressionExample.Config(10, 0.3, 0.01, 16, 0, dir, out.out()));
        assertEquals(List.of("batch", "mini-batch (16)", "stochastic"), List.copyOf(r.costs().keySet()));
        double[] batch = r.costs().get("batch");
        double[] mini = r.costs().get("mini-batch (16)");
        assertEquals(10, batch.length);
        for (int i = 1; i < batch.length; i++) {
            assertTrue(batch[i] < batch[i - 1], "full-batch descent lowers the cost every epoch");
        }
        assertTrue(mini[9] < batch[9], "10 updates per epoch beat 1");
        assertTrue(r.accuracy().get("stochastic") > 0.9, out.text());
        Pngs.assertPng(r.plot(), 800, 500);
        assertEquals("--lambda must be 0 or more, got -1.0", assertThrows(UsageException.class,
                () -> new RegressionExample.Config(10, 0.3, -1, 16, 0, dir, System.out)).getMessage());
    }
}
