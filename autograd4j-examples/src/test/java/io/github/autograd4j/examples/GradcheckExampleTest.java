package io.github.autograd4j.examples;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GradcheckExampleTest {

    @Test
    void theRightGradientPassesAndTheSignSlipFailsWithJUnitsMessage() {
        Silent out = new Silent();
        GradcheckExample.Result r = GradcheckExample.run(new GradcheckExample.Config(out.out()));
        assertTrue(r.right().passed());
        assertFalse(r.wrong().passed());
        assertTrue(r.wrong().entries().get(0).passed(), "df/dx is right in both");
        assertTrue(r.failureMessage().startsWith("gradcheck failed: 1 of 2 elements differ; worst x[1]"), r.failureMessage());
        assertTrue(out.text().contains(r.failureMessage()));
    }
}
