package io.github.autograd4j.testing;

import static io.github.autograd4j.testing.AutogradAssertions.assertThatGradient;
import static io.github.autograd4j.testing.AutogradAssertions.assertThatGradientOfValues;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.autograd4j.CustomOp;
import io.github.autograd4j.Tensor;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** assertThatGradient and assertThatGradientOfValues: what passes, and what a failure says. */
class GradientAssertionsTest {

    /** x^2 with a backward rule of {@code factor} * 2x; {@code detached} makes the rule a constant in x (wrong second order). */
    private static CustomOp square(double factor, boolean detached) {
        return new CustomOp("square") {
            @Override
            protected Tensor forward(Context ctx, Tensor... in) {
                ctx.save(in[0]);
                return in[0].mul(in[0]);
            }

            @Override
            protected Tensor[] backward(Context ctx, Tensor g) {
                Tensor x = detached ? ctx.saved(0).detach() : ctx.saved(0);
                return new Tensor[] {g.mul(x).mul(2.0 * factor)};
            }
        };
    }

    private static Tensor randn(long seed, int... shape) {
        return Tensor.randn(new Random(seed), shape);
    }

    @Test
    void aRightGradientPassesToSecondOrder() {
        Tensor x = randn(1, 2, 3).label("x");
        Tensor w = randn(2, 3, 2).label("w");
        assertThatGradient(t -> t[0].matmul(t[1]).tanh().sum()).at(x, w).toSecondOrder().matchesFiniteDifferences();
        assertThatGradient(t -> square(1.0, false).apply(t[0]).sum()).at(x).toSecondOrder().matchesFiniteDifferences();
        assertThatGradient(t -> t[0].pow(2.0).sum()).at(x).isCloseTo(x.mul(2.0));
        assertEquals(null, x.grad(), "the inputs are copied: no gradient reaches them");
    }

    @Test
    void aWrongRuleFailsWithTheWorstElementsNamedByLabel() {
        Tensor x = randn(3, 4).label("x");
        AssertionFailedError e = assertThrows(AssertionFailedError.class,
                () -> assertThatGradient(t -> square(1.1, false).apply(t[0])).at(x).matchesFiniteDifferences());
        assertTrue(e.getMessage().startsWith("the gradient of f at 'x' (4,) does not match finite differences: gradcheck failed:"
                + " 4 of 16 elements differ; worst dout["), e.getMessage());
        assertTrue(e.getMessage().contains("/dx["), "the element names the input by its label: " + e.getMessage());
        assertTrue(e.getMessage().contains("atol 1e-05 + rtol 0.001"), e.getMessage());
        assertTrue(e.isExpectedDefined() && e.isActualDefined());
        assertEquals(4, e.getExpected().getStringRepresentation().lines().count(), "the failing elements, numeric");
    }

    @Test
    void secondOrderCatchesARuleThatIsRightOnlyToFirstOrder() {
        Tensor x = randn(4, 3).label("x");
        assertThatGradient(t -> square(1.0, true).apply(t[0]).sum()).at(x).matchesFiniteDifferences();
        AssertionFailedError e = assertThrows(AssertionFailedError.class,
                () -> assertThatGradient(t -> square(1.0, true).apply(t[0]).sum()).at(x).toSecondOrder().matchesFiniteDifferences());
        assertTrue(e.getMessage().startsWith("the second derivatives (gradgrad) of f at 'x' (3,) does not match finite differences"),
                e.getMessage());
    }

    @Test
    void isCloseToStaysShortForAThousandElements() {
        Tensor x = randn(5, 1000).label("big");
        Tensor expected = x.mul(2.0).add(Tensor.arange(1000).ge(990).mul(0.5)); // the last 10 elements off by 0.5
        AssertionFailedError e = assertThrows(AssertionFailedError.class,
                () -> assertThatGradient(t -> t[0].pow(2.0).sum()).at(x).isCloseTo(expected));
        assertTrue(e.getMessage().startsWith("the gradient of f with respect to 'big' at 'big' (1000,) differs at 10 of 1000"
                + " elements; worst 'big'[99"), e.getMessage());
        assertTrue(e.getMessage().contains("... and 5 more"), e.getMessage());
        assertTrue(e.getMessage().lines().count() <= 6, "a few lines: " + e.getMessage());
        assertThatGradient(t -> t[0].pow(2.0).sum()).at(x).withTolerance(0.6, 0.0).isCloseTo(expected);
    }

    @Test
    void misuseIsRefusedWithAMessage() {
        IllegalStateException noPoint = assertThrows(IllegalStateException.class,
                () -> assertThatGradient(t -> t[0].sum()).matchesFiniteDifferences());
        assertEquals("matchesFiniteDifferences: no point given; call at(inputs...) first", noPoint.getMessage());
        IllegalArgumentException tolerance = assertThrows(IllegalArgumentException.class,
                () -> assertThatGradient(t -> t[0].sum()).withTolerance(-1.0, 0.0));
        assertEquals("withTolerance: atol must be zero or positive and finite, got -1.0", tolerance.getMessage());
        Tensor x = Tensor.vector(1, 2);
        IllegalArgumentException notScalar = assertThrows(IllegalArgumentException.class,
                () -> assertThatGradient(t -> t[0].mul(2.0)).at(x).isCloseTo(x));
        assertEquals("isCloseTo: the function returned shape (2,); a gradient is compared for a one-element output:"
                + " reduce it (sum() or mean())", notScalar.getMessage());
        IllegalArgumentException count = assertThrows(IllegalArgumentException.class,
                () -> assertThatGradient(t -> t[0].sum()).at(x).isCloseTo(x, x));
        assertEquals("isCloseTo: 2 expected gradients for 1 inputs; give one per input, in order", count.getMessage());
    }

    @Test
    void valueFunctionsToSecondOrderAndAgainstAKnownGradient() {
        assertThatGradientOfValues(v -> v[0].mul(v[1]).sin().div(v[0].exp())).at(0.3, -1.2).toSecondOrder()
                .matchesFiniteDifferences();
        assertThatGradientOfValues(v -> v[0].mul(v[0]).add(v[1])).at(3.0, 1.0).isCloseTo(6.0, 1.0);
        AssertionFailedError e = assertThrows(AssertionFailedError.class,
                () -> assertThatGradientOfValues(v -> v[0].mul(v[0]).add(v[1])).at(3.0, 1.0).isCloseTo(6.0, 2.0));
        assertEquals("the gradient of f at x = (3.0, 1.0) differs at 1 of 2 elements; worst x[1]: expected 2.0 but was 1.0"
                + " (abs error 1.00; allowed atol 1e-08 + rtol 1e-05 * |expected|)", e.getMessage());
        assertEquals("x[1] = 2.0\n", e.getExpected().getValue());
        AssertionFailedError mask = assertThrows(AssertionFailedError.class,
                () -> assertThatGradientOfValues(v -> v[0].map(a -> a * a)).at(2.0).matchesFiniteDifferences());
        assertTrue(mask.getMessage().startsWith("the gradient of f at x = (2.0) does not match finite differences"), mask.getMessage());
    }
}
