package io.github.autograd4j.examples.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import org.junit.jupiter.api.Test;

class ProgressTest {

    @Test
    void withoutATerminalOrWhenAskedForLinesItLogsLines() {
        try (Progress asked = Progress.create("t", false, 3, 0, 10); Progress noTerminal = Progress.create("t", true, 3, 0, 10)) {
            assertInstanceOf(Progress.Lines.class, asked);
            Class<? extends Progress> expected = Progress.onTerminal() ? Progress.Bar.class : Progress.Lines.class;
            assertEquals(expected, noTerminal.getClass());
        }
    }
}
