package io.github.autograd4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SeedExampleTest {

    @Test
    void oneStepPrintsTheSeedValuesAndUpdatesTheWeights() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        SeedExample.Result result = SeedExample.run(new SeedExample.Config(1, new PrintStream(bytes, true, StandardCharsets.UTF_8)));
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("yhat     sigmoid  data =   0.80299957"), text);
        assertTrue(text.contains("J        mul      data =   0.01940459"), text);
        assertTrue(text.contains("W2[0]    leaf     data =   2.00000000   grad =  -0.02968578"), text);
        assertTrue(text.contains("W1[1,1]  =   1.00155819"), text);
        assertEquals(2.00296858, result.w2()[0], 1e-8);
        assertEquals(1.99922091, result.w1()[1][0], 1e-8);
    }

    @Test
    void moreStepsKeepLoweringTheLoss() {
        SeedExample.Result result = SeedExample.run(new SeedExample.Config(50, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)));
        for (int i = 1; i < 50; i++) {
            assertTrue(result.losses()[i] < result.losses()[i - 1], "step " + i);
        }
        UsageException e = assertThrows(UsageException.class, () -> SeedExample.run(new SeedExample.Config(0, System.out)));
        assertEquals("--steps must be at least 1, got 0", e.getMessage());
    }
}
