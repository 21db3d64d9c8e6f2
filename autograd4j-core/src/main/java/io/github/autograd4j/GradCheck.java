package io.github.autograd4j;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * Checks a gradient against an independent reference, for use in JUnit tests:
 *
 * <pre>{@code
 * GradCheck.ofValues(x -> x[0].mul(x[1]).sin(), 0.3, -1.2).assertPassed();
 * GradCheck.ofGradient(f, myHandWrittenGradient, 1.0, 2.0).atol(1e-7).assertPassed();
 * GradCheck.of(t -> t[0].matmul(t[1]).tanh(), a, b).assertPassed();            // full Jacobian
 * GradCheck.of(t -> t[0].matmul(t[1]).tanh(), a, b).gradGrad().assertPassed(); // second order
 * }</pre>
 *
 * <p>The reference is a central difference {@code (f(x + eps) - f(x - eps)) / 2 eps} in double
 * precision, or, for {@link #againstAutograd}, autograd's own gradient. An element passes when
 * {@code |analytic - reference| <= atol + rtol * |reference|}. The defaults are PyTorch's
 * gradcheck defaults: eps 1e-6, atol 1e-5, rtol 1e-3. Instances are immutable; the setters
 * return a changed copy.
 */
public final class GradCheck {

    /**
     * What a check compares, element by element; {@code points} is null when the elements are
     * projections over all of an input's elements (fast mode) rather than taken at one value each.
     */
    record Comparison(String referenceName, String[] locations, double[] points, double[] analytic, double[] reference) {
    }

    /** Computes the gradient under test and its reference for a finite-difference step. */
    @FunctionalInterface
    interface Method {
        Comparison compare(double eps);
    }

    private final Method method;
    private final TensorGradCheck tensorCheck;
    private final double eps;
    private final double atol;
    private final double rtol;

    private GradCheck(Method method, TensorGradCheck tensorCheck, double eps, double atol, double rtol) {
        this.method = method;
        this.tensorCheck = tensorCheck;
        this.eps = eps;
        this.atol = atol;
        this.rtol = rtol;
    }

    private static GradCheck withDefaults(Method method, TensorGradCheck tensorCheck) {
        return new GradCheck(method, tensorCheck, 1e-6, 1e-5, 1e-3);
    }

    /**
     * Checks autograd's gradient of a function of scalars at {@code x} against central differences.
     * {@code f} receives one leaf per element of {@code x} and may be any composition of Value operations.
     *
     * @param f the function, given one fresh leaf per element of {@code x}
     * @param x the point
     * @return the check, with the default tolerances; run it with {@link #check()} or
     *         {@link #assertPassed()}
     */
    public static GradCheck ofValues(Function<Value[], Value> f, double... x) {
        Objects.requireNonNull(f, "gradcheck: function is null");
        double[] point = checkedPoint(x);
        return withDefaults(eps -> scalarComparison("numeric", point, autogradGradient(f, point),
                centralDifferences(p -> evaluate(f, p), point.clone(), eps)), null);
    }

    /**
     * Checks a hand-written gradient of a plain function against central differences of the
     * function; no autograd is involved.
     *
     * @param f        the function
     * @param gradient the derivative under test: returns one partial derivative per input
     * @param x        the point
     * @return the check, with the default tolerances; run it with {@link #check()} or
     *         {@link #assertPassed()}
     */
    public static GradCheck ofGradient(ToDoubleFunction<double[]> f, Function<double[], double[]> gradient, double... x) {
        Objects.requireNonNull(f, "gradcheck: function is null");
        Objects.requireNonNull(gradient, "gradcheck: gradient function is null");
        double[] point = checkedPoint(x);
        return withDefaults(eps -> scalarComparison("numeric", point, gradient.apply(point.clone()),
                centralDifferences(f, point.clone(), eps)), null);
    }

    /**
     * Checks a hand-written gradient against autograd's gradient of the same function written
     * once over {@link Value}: a reference free of finite-difference error, so tight tolerances
     * (say {@code atol(1e-12).rtol(1e-12)}) are meaningful.
     *
     * @param f        the reference function, given one fresh leaf per element of {@code x}
     * @param gradient the derivative under test: returns one partial derivative per input
     * @param x        the point
     * @return the check, with the default tolerances; run it with {@link #check()} or
     *         {@link #assertPassed()}
     */
    public static GradCheck againstAutograd(Function<Value[], Value> f, Function<double[], double[]> gradient, double... x) {
        Objects.requireNonNull(f, "gradcheck: function is null");
        Objects.requireNonNull(gradient, "gradcheck: gradient function is null");
        double[] point = checkedPoint(x);
        return withDefaults(eps -> scalarComparison("autograd", point, gradient.apply(point.clone()),
                autogradGradient(f, point)), null);
    }

    /**
     * Checks autograd's derivatives of a tensor function: by default every entry of the Jacobian of
     * {@code f} with respect to each input that requires grad (all inputs, when none does) against
     * central differences. The inputs are copied; {@code f} is called on fresh leaves, in float64
     * even for float32 inputs (as PyTorch advises: finite differences in float32 keep few correct
     * digits), so {@code f} must compute in its inputs' type.
     *
     * @param f      the function, given fresh leaves over copies of the inputs, in order
     * @param inputs the point: one tensor per argument of {@code f}; not changed
     * @return the check, with the default tolerances; run it with {@link #check()} or
     *         {@link #assertPassed()}
     */
    public static GradCheck of(Function<Tensor[], Tensor> f, Tensor... inputs) {
        TensorGradCheck check = new TensorGradCheck(f, inputs, false, false, 0L);
        return withDefaults(check::compare, check);
    }

    /**
     * Fast mode (tensor checks): compares the projection {@code v^T J u} for random {@code u} and
     * {@code v} per input instead of the whole Jacobian, as PyTorch's {@code fast_mode}: one backward
     * pass and two evaluations per input.
     *
     * @return a new check in fast mode; this one is unchanged
     */
    public GradCheck fast() {
        return withTensorCheck(requireTensorCheck("fast").fast());
    }

    /**
     * Second order (tensor checks): checks the derivatives of the vector-Jacobian product
     * {@code x, v -> v^T df/dx} (recorded with createGraph), projected on a random vector, with
     * respect to the inputs and {@code v}, as PyTorch's {@code gradgradcheck}.
     *
     * @return a new check of second order; this one is unchanged
     */
    public GradCheck gradGrad() {
        return withTensorCheck(requireTensorCheck("gradGrad").secondOrder());
    }

    /**
     * The seed of the random vectors of fast mode and second-order checks (default 0).
     *
     * @param seed any long; the same seed draws the same vectors
     * @return a new check with that seed; this one is unchanged
     */
    public GradCheck seed(long seed) {
        return withTensorCheck(requireTensorCheck("seed").seed(seed));
    }

    /**
     * The finite-difference step (default 1e-6).
     *
     * @param eps the step, positive and finite
     * @return a new check with that step; this one is unchanged
     */
    public GradCheck eps(double eps) {
        if (!(eps > 0.0) || Double.isInfinite(eps)) {
            throw new IllegalArgumentException("gradcheck: eps must be positive and finite, got " + eps);
        }
        return new GradCheck(method, tensorCheck, eps, atol, rtol);
    }

    /**
     * The absolute tolerance (default 1e-5).
     *
     * @param atol 0 or more, finite: an element passes when
     *             {@code |analytic - reference| <= atol + rtol * |reference|}
     * @return a new check with that tolerance; this one is unchanged
     */
    public GradCheck atol(double atol) {
        return new GradCheck(method, tensorCheck, eps, requireTolerance("atol", atol), rtol);
    }

    /**
     * The relative tolerance (default 1e-3).
     *
     * @param rtol 0 or more, finite: an element passes when
     *             {@code |analytic - reference| <= atol + rtol * |reference|}
     * @return a new check with that tolerance; this one is unchanged
     */
    public GradCheck rtol(double rtol) {
        return new GradCheck(method, tensorCheck, eps, atol, requireTolerance("rtol", rtol));
    }

    /**
     * Runs the check and returns every element's comparison.
     *
     * @return the comparisons, passed or not; nothing is thrown for a failure
     */
    public GradCheckResult check() {
        Comparison c = method.compare(eps);
        List<GradCheckResult.Entry> entries = new ArrayList<>(c.analytic().length);
        boolean pointwise = c.points() != null;
        for (int i = 0; i < c.analytic().length; i++) {
            double point = pointwise ? c.points()[i] : Double.NaN;
            entries.add(new GradCheckResult.Entry(c.locations()[i], point, c.analytic()[i], c.reference()[i], atol, rtol));
        }
        return new GradCheckResult(entries, c.referenceName(), pointwise, eps, atol, rtol);
    }

    /**
     * Runs the check and throws an {@link AssertionError} naming the worst element when any fails:
     * a short message whatever the size of the check (see {@link GradCheckResult#assertPassed()}).
     *
     * @return the result, for further assertions
     */
    public GradCheckResult assertPassed() {
        return check().assertPassed();
    }

    private GradCheck withTensorCheck(TensorGradCheck changed) {
        return new GradCheck(changed::compare, changed, eps, atol, rtol);
    }

    private TensorGradCheck requireTensorCheck(String option) {
        if (tensorCheck == null) {
            throw new UnsupportedOperationException("gradcheck: " + option + "() applies to tensor checks made with GradCheck.of");
        }
        return tensorCheck;
    }

    private static Comparison scalarComparison(String referenceName, double[] x, double[] analytic, double[] reference) {
        if (analytic == null || analytic.length != x.length) {
            throw new IllegalArgumentException("gradcheck: the gradient has "
                    + (analytic == null ? "no values (null)" : analytic.length + " values")
                    + " for " + x.length + " inputs; expected one partial derivative per input");
        }
        String[] locations = new String[x.length];
        for (int i = 0; i < x.length; i++) {
            locations[i] = "x[" + i + "]";
        }
        return new Comparison(referenceName, locations, x.clone(), analytic, reference);
    }

    private static double requireTolerance(String name, double value) {
        if (!(value >= 0.0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("gradcheck: " + name + " must be zero or positive and finite, got " + value);
        }
        return value;
    }

    private static double[] checkedPoint(double[] x) {
        Objects.requireNonNull(x, "gradcheck: point is null");
        if (x.length == 0) {
            throw new IllegalArgumentException("gradcheck: no inputs given; expected at least one value to differentiate at");
        }
        return x.clone();
    }

    private static double[] autogradGradient(Function<Value[], Value> f, double[] at) {
        Value[] leaves = new Value[at.length];
        for (int i = 0; i < at.length; i++) {
            leaves[i] = Value.of(at[i], "x[" + i + "]");
        }
        double[] gradient = new double[at.length];
        try (var enabled = Grad.enabled()) {
            Value out = Objects.requireNonNull(f.apply(leaves), "gradcheck: the function returned null");
            if (out.requiresGrad()) {
                out.backward();
            }
        }
        for (int i = 0; i < at.length; i++) {
            gradient[i] = leaves[i].grad();
        }
        return gradient;
    }

    private static double evaluate(Function<Value[], Value> f, double[] at) {
        Value[] inputs = new Value[at.length];
        for (int i = 0; i < at.length; i++) {
            inputs[i] = Value.constant(at[i]);
        }
        return Objects.requireNonNull(f.apply(inputs), "gradcheck: the function returned null").data();
    }

    /** Central differences of {@code f} at {@code at} (which it changes and restores) for each element. */
    static double[] centralDifferences(ToDoubleFunction<double[]> f, double[] at, double eps) {
        double[] gradient = new double[at.length];
        for (int i = 0; i < at.length; i++) {
            double saved = at[i];
            at[i] = saved + eps;
            double plus = f.applyAsDouble(at);
            at[i] = saved - eps;
            double minus = f.applyAsDouble(at);
            at[i] = saved;
            gradient[i] = (plus - minus) / (2.0 * eps);
        }
        return gradient;
    }
}
