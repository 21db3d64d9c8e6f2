package io.github.autograd4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class XorExampleTest {

    @ParameterizedTest
    @CsvSource({"VALUE, BCE", "VALUE, MSE", "TENSOR, BCE", "TENSOR, MSE"})
    void eachSeedNetLearnsXorOnEachEngineWithItsDefaults(XorExample.Engine engine, XorExample.Net net) {
        Silent out = new Silent();
        XorExample.Result r = XorExample.run(new XorExample.Config(engine, net, net.lr(), net.iterations(), 1, out.out()));
        assertEquals(1.0, r.accuracy(), out.text());
        assertTrue(r.losses()[r.losses().length - 1] < r.losses()[0] / 10, out.text());
        assertTrue(out.text().contains("4 of 4 right"), out.text());
    }

    @Test
    void badNumbersAreUsageErrors() {
        UsageException e = assertThrows(UsageException.class,
                () -> new XorExample.Config(XorExample.Engine.VALUE, XorExample.Net.BCE, -1, 10, 1, System.out));
        assertEquals("--lr must be a positive number, got -1.0", e.getMessage());
        e = assertThrows(UsageException.class,
                () -> new XorExample.Config(XorExample.Engine.VALUE, XorExample.Net.BCE, 0.1, 0, 1, System.out));
        assertEquals("--iterations must be at least 1, got 0", e.getMessage());
    }
}
