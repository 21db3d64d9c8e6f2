package io.github.autograd4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Short sequence runs with each cell: the loss falls, the prediction beats repeating the last value, the plot is drawn. */
class SequenceExampleTest {

    @Test
    void anLstmAndAGruLearnToPredictTheSignalBetterThanRepeatingTheLastValue(@TempDir Path dir) throws Exception {
        for (SequenceExample.Cell cell : SequenceExample.Cell.values()) {
            Silent out = new Silent();
            SequenceExample.Result r = SequenceExample.run(new SequenceExample.Config(cell, 16, 120, 0.02, 0, dir, out.out()));
            assertEquals(120, r.losses().length);
            assertTrue(r.losses()[119] < r.losses()[0] / 5, cell + ": " + out.text());
            assertTrue(r.testMse() < r.persistenceMse(), cell + ": " + out.text());
            Pngs.assertPng(r.plot(), 800, 500);
        }
        assertEquals("--hidden must be at least 1, got 0", assertThrows(UsageException.class,
                () -> new SequenceExample.Config(SequenceExample.Cell.GRU, 0, 10, 0.01, 0, dir, System.out)).getMessage());
    }
}
