package io.github.autograd4j.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * jqwik shrinks a failing composition to a minimal one: run through the jqwik engine, the
 * deliberately false {@link ShrinkingFixture} property is reported with the smallest program that
 * falsifies it (two steps: SIN and the first op, ADD, each with argument 0) on scalar inputs equal
 * to 0, whatever random case first failed. So a real failure of the composition property would
 * be reported as small as it can be.
 */
class ShrinkingTest {

    @Test
    void aFailingCompositionShrinksToTheMinimalProgramOnScalarZeros() {
        ShrinkingFixture.armed = true;
        List<Event> failed;
        try {
            failed = EngineTestKit.engine("jqwik").enableImplicitConfigurationParameters(true)
                    .selectors(selectMethod(ShrinkingFixture.class, "noCompositionTakesASine", Composition.class.getName()))
                    .execute().testEvents().failed().list();
        } finally {
            ShrinkingFixture.armed = false;
        }
        assertEquals(1, failed.size(), "the fixture's property fails");
        Throwable shrunk = failed.get(0).getPayload(TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow();
        String message = shrunk.getMessage();
        assertTrue(message.startsWith("falsified by Composition[inputs () [0.0], () [0.0]; steps [ADD(0), SIN(0)]]")
                || message.startsWith("falsified by Composition[inputs () [0.0], () [0.0]; steps [SIN(0), ADD(0)]]"), message);
    }
}
