package io.github.autograd4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** GradCheck passes right gradients, fails planted wrong ones, and says where. */
class GradCheckTest {

    @Test
    void aCompositionOfValueOpsPasses() {
        GradCheckResult result = GradCheck.ofValues(
                x -> x[0].mul(x[1]).sin().add(x[2].exp().div(x[0].pow(2.0).add(1.0))).tanh(),
                0.3, -1.2, 0.8).assertPassed();
        assertEquals(3, result.entries().size());
        assertTrue(result.passed());
    }

    @Test
    void aCorrectHandWrittenGradientPasses() {
        // f(x, y) = x^2 y + sin y
        GradCheck.ofGradient(
                p -> p[0] * p[0] * p[1] + Math.sin(p[1]),
                p -> new double[] {2 * p[0] * p[1], p[0] * p[0] + Math.cos(p[1])},
                1.5, -0.5).assertPassed();
    }

    @Test
    void aPlantedWrongDerivativeFailsAndTheMessageNamesTheElement() {
        // d/dy is off by a factor of 2 in its first term
        GradCheck check = GradCheck.ofGradient(
                p -> p[0] * p[0] * p[1] + Math.sin(p[1]),
                p -> new double[] {2 * p[0] * p[1], 2 * p[0] * p[0] + Math.cos(p[1])},
                1.5, -0.5);
        GradCheckResult result = check.check();
        assertFalse(result.passed());
        assertTrue(result.entries().get(0).passed());
        assertFalse(result.entries().get(1).passed());
        assertEquals("x[1]", result.worst().location());
        AssertionError e = assertThrows(AssertionError.class, check::assertPassed);
        assertTrue(e.getMessage().startsWith("gradcheck failed: 1 of 2 elements differ; worst x[1]: analytic 5.377"),
                e.getMessage());
        assertTrue(e.getMessage().contains("vs numeric 3.127"), e.getMessage());
        assertTrue(e.getMessage().contains("NO"), "the report marks the failing row");
    }

    @Test
    void againstAutogradComparesAHandGradientWithAutogradsToRoundOff() {
        GradCheck.againstAutograd(
                x -> x[0].mul(x[0]).mul(x[1]).add(x[1].sin()),
                p -> new double[] {2 * p[0] * p[1], p[0] * p[0] + Math.cos(p[1])},
                1.5, -0.5).atol(1e-14).rtol(1e-14).assertPassed();
        AssertionError e = assertThrows(AssertionError.class, () -> GradCheck.againstAutograd(
                x -> x[0].mul(x[0]),
                p -> new double[] {2 * p[0] + 1e-9},
                1.5).atol(1e-12).rtol(0).assertPassed());
        assertTrue(e.getMessage().contains("vs autograd 3.0"), e.getMessage());
    }

    @Test
    void toleranceIsAtolPlusRtolTimesTheReference() {
        GradCheck near = GradCheck.ofGradient(p -> 1000 * p[0], p -> new double[] {1000.5}, 1.0);
        assertTrue(near.check().passed(), "0.5 <= 1e-5 + 1e-3 * 1000");
        assertFalse(near.rtol(1e-4).check().passed());
    }

    @Test
    void nanGradientsFail() {
        assertFalse(GradCheck.ofGradient(p -> p[0], p -> new double[] {Double.NaN}, 1.0).check().passed());
    }

    @Test
    void badArgumentsAreNamed() {
        IllegalArgumentException wrongLength = assertThrows(IllegalArgumentException.class,
                () -> GradCheck.ofGradient(p -> p[0] + p[1], p -> new double[] {1}, 1.0, 2.0).check());
        assertEquals("gradcheck: the gradient has 1 values for 2 inputs; expected one partial derivative per input",
                wrongLength.getMessage());
        assertThrows(IllegalArgumentException.class, () -> GradCheck.ofValues(x -> x[0]));
        assertThrows(IllegalArgumentException.class, () -> GradCheck.ofValues(x -> x[0], 1.0).eps(0));
        assertThrows(IllegalArgumentException.class, () -> GradCheck.ofValues(x -> x[0], 1.0).atol(-1));
        assertThrows(NullPointerException.class, () -> GradCheck.ofValues(null, 1.0));
    }

    @Test
    void theUsersPointIsNotModified() {
        double[] point = {0.5, 0.25};
        GradCheck.ofGradient(p -> {
            p[0] += 100;   // a careless function that writes into its argument
            return p[1];
        }, p -> new double[] {0, 1}, point).check();
        assertEquals(0.5, point[0]);
    }
}
