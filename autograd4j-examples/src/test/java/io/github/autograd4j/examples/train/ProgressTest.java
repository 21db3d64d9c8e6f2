package io.github.autograd4j.examples.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import org.junit.jupiter.api.Test;

class ProgressTest {

    @Test
    void withoutATerminalOrWhenAskedForLinesItLogsLines() {
        try (Progress asked = Progress.create("t", Progress.Mode.LINES, 3, 0, 10);
             Progress noTerminal = Progress.create("t", Progress.Mode.BAR, 3, 0, 10);
             Progress none = Progress.create("t", Progress.Mode.NONE, 3, 0, 10)) {
            assertInstanceOf(Progress.Lines.class, asked);
            Class<? extends Progress> expected = Progress.onTerminal() ? Progress.Bar.class : Progress.Lines.class;
            assertEquals(expected, noTerminal.getClass());
            assertInstanceOf(Progress.Nothing.class, none);
        }
    }

    @Test
    void anEpochShowsTheHeldOutSetsTheRunHas() {
        EpochStats both = new EpochStats(1, 1e-3, 0.5, 0.9, 0.4, 0.875, 0.3, 0.9125, 1);
        EpochStats testOnly = new EpochStats(1, 1e-3, 0.5, 0.9, Double.NaN, Double.NaN, 0.3, 0.9125, 1);
        EpochStats validationOnly = new EpochStats(1, 1e-3, 0.5, 0.9, 0.4, 0.875, Double.NaN, Double.NaN, 1);
        assertEquals("  val  87.5%  test  91.3%", Progress.heldOut(both));
        assertEquals("  test  91.3%", Progress.heldOut(testOnly));
        assertEquals("  val  87.5%", Progress.heldOut(validationOnly));
    }
}
