package io.github.autograd4j.examples.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.autograd4j.Value;
import io.github.autograd4j.examples.Moons;
import io.github.autograd4j.nn.scalar.ScalarMLP;
import org.junit.jupiter.api.Test;

/** Keeps the benchmark's baseline honest: the hand-written step must do what the autograd step does. */
class MoonsStepTest {

    private final Moons data = MoonsStep.demoData();

    @Test
    void handWrittenStepAgreesWithAutogradOnTheLossAndEveryUpdate() {
        ScalarMLP model = MoonsStep.demoModel();
        HandWrittenMoonsStep handWritten = new HandWrittenMoonsStep(model, data);
        MoonsStep autograd = new MoonsStep(model, data);
        for (int step = 0; step < 3; step++) {
            assertEquals(autograd.step(), handWritten.step(), 1e-12, "loss at step " + step);
            double[] expected = model.parameters().stream().mapToDouble(Value::data).toArray();
            double[] actual = handWritten.parameters();
            assertEquals(337, actual.length);
            for (int i = 0; i < expected.length; i++) {
                assertEquals(expected[i], actual[i], 1e-12, "parameter " + i + " after step " + step);
            }
        }
    }

    @Test
    void theLossFallsOverTwentySteps() {
        MoonsStep step = new MoonsStep(MoonsStep.demoModel(), data);
        double first = step.step();
        double last = first;
        for (int i = 1; i < 20; i++) {
            last = step.step();
        }
        assertTrue(last < 0.8 * first, "loss went from " + first + " to " + last);
    }

    @Test
    void aStepRunsTwoNodesPerWeightAndOnePerActivation() {
        int forward = 100 * (16 * (2 * 2 + 1) + 16 * (2 * 16 + 1) + 2 * 16);
        int loss = 100 * 3 + 99 + 1;
        int penalty = 337 + 336 + 1;
        assertEquals(forward + loss + penalty + 1, new MoonsStep(MoonsStep.demoModel(), data).operationsPerStep());
    }

    @Test
    void theInterleavedComparisonNeedsTwoBuildsToCompare() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MoonsStepInterleaved.main(new String[] {"10", "1", "one.jar"}));
        assertEquals("MoonsStepInterleaved: expected rounds, warm-up seconds and two or more jars, got [10, 1, one.jar]",
                e.getMessage());
    }
}
