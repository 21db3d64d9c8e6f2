package io.github.autograd4j.testing;

import io.github.autograd4j.Autograd;
import io.github.autograd4j.Grad;
import io.github.autograd4j.GradCheck;
import io.github.autograd4j.GradCheckResult;
import io.github.autograd4j.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Assertions on the gradient of a tensor function, made by
 * {@link AutogradAssertions#assertThatGradient(Function)}:
 *
 * <pre>{@code
 * assertThatGradient(t -> t[0].matmul(t[1]).tanh().sum()).at(x, w).toSecondOrder().matchesFiniteDifferences();
 * assertThatGradient(t -> t[0].pow(2.0).sum()).at(x).isCloseTo(x.mul(2.0));
 * }</pre>
 *
 * <p>The inputs are copied: the function runs on fresh leaves, so the tensors given to
 * {@link #at} and their gradients are left as they were. Failures are opentest4j's
 * {@code AssertionFailedError}, naming the inputs by their labels ({@code x0}, {@code x1}, ...
 * without one) and showing the worst elements, their count and the tolerances.
 */
public final class TensorGradientAssert {

    private final Function<Tensor[], Tensor> f;
    private Tensor[] inputs;
    private Tolerances tolerances;
    private boolean secondOrder;

    TensorGradientAssert(Function<Tensor[], Tensor> f) {
        this.f = Objects.requireNonNull(f, "assertThatGradient: the function is null");
    }

    /**
     * The point to differentiate at: one tensor per argument of the function.
     *
     * @param inputs the point, copied when a check runs
     * @return this assertion
     * @throws IllegalArgumentException when no input is given
     */
    public TensorGradientAssert at(Tensor... inputs) {
        Objects.requireNonNull(inputs, "at: the inputs are null");
        if (inputs.length == 0) {
            throw new IllegalArgumentException("at: no inputs given; expected one tensor per argument of the function");
        }
        for (int i = 0; i < inputs.length; i++) {
            Objects.requireNonNull(inputs[i], "at: input " + i + " is null");
        }
        this.inputs = inputs.clone();
        return this;
    }

    /**
     * The tolerances of the checks that follow: an element passes when
     * {@code |actual - expected| <= atol + rtol * |expected|}. Without it, finite differences are
     * compared with GradCheck's defaults (atol 1e-5, rtol 1e-3) and known gradients with
     * {@code allclose}'s (atol 1e-8, rtol 1e-5).
     *
     * @param atol the absolute tolerance
     * @param rtol the relative tolerance
     * @return this assertion
     * @throws IllegalArgumentException when a tolerance is negative, NaN or infinite
     */
    public TensorGradientAssert withTolerance(double atol, double rtol) {
        this.tolerances = Tolerances.of("withTolerance", atol, rtol);
        return this;
    }

    /**
     * Makes {@link #matchesFiniteDifferences()} check the second derivatives too, as PyTorch's
     * {@code gradgradcheck}: the derivatives of the vector-Jacobian product.
     *
     * @return this assertion
     */
    public TensorGradientAssert toSecondOrder() {
        this.secondOrder = true;
        return this;
    }

    /**
     * Asserts that autograd's derivatives of the function (its whole Jacobian) agree with central
     * differences at the point, and its second derivatives too after {@link #toSecondOrder()}.
     *
     * @return this assertion
     */
    public TensorGradientAssert matchesFiniteDifferences() {
        Tolerances t = tolerances != null ? tolerances : Tolerances.FINITE_DIFFERENCES;
        GradCheck check = GradCheck.of(f, requireInputs("matchesFiniteDifferences")).atol(t.atol()).rtol(t.rtol());
        GradCheckResult first = check.check();
        if (!first.passed()) {
            throw Failures.gradCheck("the gradient of f at " + describe(), first);
        }
        if (secondOrder) {
            GradCheckResult second = check.gradGrad().check();
            if (!second.passed()) {
                throw Failures.gradCheck("the second derivatives (gradgrad) of f at " + describe(), second);
            }
        }
        return this;
    }

    /**
     * Asserts that autograd's gradient of the one-element function with respect to each input is
     * close to the expected one, given in input order.
     *
     * @param expected one gradient per input, of its shape
     * @return this assertion
     * @throws IllegalArgumentException when the number of expected gradients is not that of the
     *                                  inputs, or the function's output has more than one element
     */
    public TensorGradientAssert isCloseTo(Tensor... expected) {
        Tensor[] x = requireInputs("isCloseTo");
        Objects.requireNonNull(expected, "isCloseTo: the expected gradients are null");
        if (expected.length != x.length) {
            throw new IllegalArgumentException("isCloseTo: " + expected.length + " expected gradients for " + x.length
                    + " inputs; give one per input, in order");
        }
        List<Tensor> leaves = new ArrayList<>();
        for (Tensor in : x) {
            leaves.add(Tensor.of(in.toArray(), in.shape().toArray()).requiresGrad(true).label(in.label()));
        }
        List<Tensor> grads;
        try (var recording = Grad.enabled()) {
            Tensor out = Objects.requireNonNull(f.apply(leaves.toArray(Tensor[]::new)), "isCloseTo: the function returned null");
            if (out.numel() != 1) {
                throw new IllegalArgumentException("isCloseTo: the function returned shape " + out.shape()
                        + "; a gradient is compared for a one-element output: reduce it (sum() or mean())");
            }
            grads = Autograd.grad(out, leaves, false);
        }
        Tolerances t = tolerances != null ? tolerances : Tolerances.CLOSE;
        for (int i = 0; i < x.length; i++) {
            Objects.requireNonNull(expected[i], "isCloseTo: expected gradient " + i + " is null");
            String what = "the gradient of f with respect to " + name(i) + " at " + describe();
            if (!expected[i].shape().equals(x[i].shape())) {
                throw new IllegalArgumentException("isCloseTo: the expected gradient " + i + " has shape " + expected[i].shape()
                        + " but " + name(i) + " has shape " + x[i].shape());
            }
            Closeness c = Closeness.compare(name(i), expected[i].toArray(), grads.get(i).toArray(), x[i].shape(), t);
            if (!c.passed()) {
                throw Failures.closeness(what, c);
            }
        }
        return this;
    }

    private Tensor[] requireInputs(String op) {
        if (inputs == null) {
            throw new IllegalStateException(op + ": no point given; call at(inputs...) first");
        }
        return inputs;
    }

    private String name(int i) {
        String label = inputs[i].label();
        return "'" + (label != null ? label : "x" + i) + "'";
    }

    /** {@code 'x' (2, 3), 'w' (3, 2)}. */
    private String describe() {
        return IntStream.range(0, inputs.length).mapToObj(i -> name(i) + " " + inputs[i].shape()).collect(Collectors.joining(", "));
    }
}
