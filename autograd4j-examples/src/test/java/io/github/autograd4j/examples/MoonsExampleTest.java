package io.github.autograd4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MoonsExampleTest {

    @Test
    void twentyStepsLowerTheLossAndDrawTheBoundary(@TempDir Path dir) throws Exception {
        Silent out = new Silent();
        MoonsExample.Result r = MoonsExample.run(new MoonsExample.Config(20, 1337, dir, out.out()));
        assertEquals(20, r.losses().length);
        assertTrue(r.losses()[19] < r.losses()[0] / 2, out.text());
        assertTrue(r.accuracy() > 0.75, out.text());
        assertTrue(r.msPerStep() > 0);
        assertEquals(dir.resolve("moons-boundary.png"), r.boundary());
        Pngs.assertPng(r.boundary(), 800, 500);
        assertTrue(out.text().contains("ms per step"), out.text());
        assertEquals("--steps must be at least 1, got 0",
                assertThrows(UsageException.class, () -> new MoonsExample.Config(0, 1, dir, System.out)).getMessage());
    }
}
