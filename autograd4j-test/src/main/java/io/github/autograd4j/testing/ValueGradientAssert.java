package io.github.autograd4j.testing;

import io.github.autograd4j.Autograd;
import io.github.autograd4j.GradCheck;
import io.github.autograd4j.GradCheckResult;
import io.github.autograd4j.Shape;
import io.github.autograd4j.Value;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Assertions on the gradient of a function of scalars written with {@link Value}s, made by
 * {@link AutogradAssertions#assertThatGradientOfValues(Function)}:
 *
 * <pre>{@code
 * assertThatGradientOfValues(v -> v[0].mul(v[1]).sin()).at(0.3, -1.2).toSecondOrder().matchesFiniteDifferences();
 * assertThatGradientOfValues(v -> v[0].mul(v[0])).at(3.0).isCloseTo(6.0);
 * }</pre>
 *
 * <p>Elements are named {@code x[0]}, {@code x[1]}, ... in input order. Failures are opentest4j's
 * {@code AssertionFailedError}, with the worst elements, their count and the tolerances.
 */
public final class ValueGradientAssert {

    private final Function<Value[], Value> f;
    private double[] point;
    private Tolerances tolerances;
    private boolean secondOrder;

    ValueGradientAssert(Function<Value[], Value> f) {
        this.f = Objects.requireNonNull(f, "assertThatGradientOfValues: the function is null");
    }

    /**
     * The point to differentiate at: one number per argument of the function.
     *
     * @param x the point
     * @return this assertion
     * @throws IllegalArgumentException when no number is given
     */
    public ValueGradientAssert at(double... x) {
        Objects.requireNonNull(x, "at: the point is null");
        if (x.length == 0) {
            throw new IllegalArgumentException("at: no inputs given; expected one number per argument of the function");
        }
        this.point = x.clone();
        return this;
    }

    /**
     * The tolerances of the checks that follow, as {@link TensorGradientAssert#withTolerance}.
     *
     * @param atol the absolute tolerance
     * @param rtol the relative tolerance
     * @return this assertion
     * @throws IllegalArgumentException when a tolerance is negative, NaN or infinite
     */
    public ValueGradientAssert withTolerance(double atol, double rtol) {
        this.tolerances = Tolerances.of("withTolerance", atol, rtol);
        return this;
    }

    /**
     * Makes {@link #matchesFiniteDifferences()} check the Hessian too: each row against central
     * differences of the gradient's element.
     *
     * @return this assertion
     */
    public ValueGradientAssert toSecondOrder() {
        this.secondOrder = true;
        return this;
    }

    /**
     * Asserts that autograd's gradient agrees with central differences of the function at the
     * point, and its Hessian with central differences of the gradient after {@link #toSecondOrder()}.
     *
     * @return this assertion
     */
    public ValueGradientAssert matchesFiniteDifferences() {
        double[] x = requirePoint("matchesFiniteDifferences");
        Tolerances t = tolerances != null ? tolerances : Tolerances.FINITE_DIFFERENCES;
        GradCheckResult first = GradCheck.ofValues(f, x).atol(t.atol()).rtol(t.rtol()).check();
        if (!first.passed()) {
            throw Failures.gradCheck("the gradient of f at " + describe(), first);
        }
        if (secondOrder) {
            for (int j = 0; j < x.length; j++) {
                int row = j;
                GradCheckResult second = GradCheck.ofGradient(p -> Autograd.gradient(f, p)[row],
                        p -> Autograd.hessian(f, p)[row], x).atol(t.atol()).rtol(t.rtol()).check();
                if (!second.passed()) {
                    throw Failures.gradCheck("row " + row + " of the Hessian of f (the derivatives of df/dx[" + row + "]) at "
                            + describe(), second);
                }
            }
        }
        return this;
    }

    /**
     * Asserts that autograd's gradient is close to {@code expected}, one partial derivative per input.
     *
     * @param expected the partial derivatives, in input order
     * @return this assertion
     * @throws IllegalArgumentException when the number of expected derivatives is not that of the inputs
     */
    public ValueGradientAssert isCloseTo(double... expected) {
        double[] x = requirePoint("isCloseTo");
        Objects.requireNonNull(expected, "isCloseTo: the expected gradient is null");
        if (expected.length != x.length) {
            throw new IllegalArgumentException("isCloseTo: " + expected.length + " expected derivatives for " + x.length
                    + " inputs; give one per input, in order");
        }
        Tolerances t = tolerances != null ? tolerances : Tolerances.CLOSE;
        Closeness c = Closeness.compare("x", expected, Autograd.gradient(f, x), Shape.of(x.length), t);
        if (!c.passed()) {
            throw Failures.closeness("the gradient of f at " + describe(), c);
        }
        return this;
    }

    private double[] requirePoint(String op) {
        if (point == null) {
            throw new IllegalStateException(op + ": no point given; call at(x...) first");
        }
        return point;
    }

    /** {@code x = (1.5, -0.5)}. */
    private String describe() {
        return "x = (" + Arrays.stream(point).mapToObj(Double::toString).collect(Collectors.joining(", ")) + ")";
    }
}
