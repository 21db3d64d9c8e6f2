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
 * GradCheck.ofDoubles(f, myHandWrittenGradient, 1.0, 2.0).atol(1e-7).assertPassed();
 * }</pre>
 *
 * <p>The reference is a central difference {@code (f(x + eps) - f(x - eps)) / 2 eps} in double
 * precision, or, for {@link #againstAutograd}, autograd's own gradient. An element passes when
 * {@code |analytic - reference| <= atol + rtol * |reference|}. The defaults are PyTorch's
 * gradcheck defaults: eps 1e-6, atol 1e-5, rtol 1e-3. Instances are immutable; the setters
 * return a changed copy.
 */
public final class GradCheck {

    /** Computes the gradient under test and the reference it is compared with. */
    private interface Method {
        double[] analytic(double[] x);

        double[] reference(double[] x, double eps);

        String referenceName();
    }

    private final Method method;
    private final double[] x;
    private final double eps;
    private final double atol;
    private final double rtol;

    private GradCheck(Method method, double[] x, double eps, double atol, double rtol) {
        this.method = method;
        this.x = x;
        this.eps = eps;
        this.atol = atol;
        this.rtol = rtol;
    }

    /**
     * Checks autograd's gradient of a function of scalars at {@code x} against central differences.
     * {@code f} receives one leaf per element of {@code x} and may be any composition of Value operations.
     */
    public static GradCheck ofValues(Function<Value[], Value> f, double... x) {
        Objects.requireNonNull(f, "gradcheck: function is null");
        return new GradCheck(new Method() {
            public double[] analytic(double[] at) {
                return autogradGradient(f, at);
            }

            public double[] reference(double[] at, double eps) {
                return centralDifferences(p -> evaluate(f, p), at, eps);
            }

            public String referenceName() {
                return "numeric";
            }
        }, checkedPoint(x), 1e-6, 1e-5, 1e-3);
    }

    /**
     * Checks a hand-written gradient of a plain function against central differences of the
     * function; no autograd is involved.
     *
     * @param f        the function
     * @param gradient the derivative under test: returns one partial derivative per input
     */
    public static GradCheck ofDoubles(ToDoubleFunction<double[]> f, Function<double[], double[]> gradient, double... x) {
        Objects.requireNonNull(f, "gradcheck: function is null");
        Objects.requireNonNull(gradient, "gradcheck: gradient function is null");
        return new GradCheck(new Method() {
            public double[] analytic(double[] at) {
                return gradient.apply(at.clone());
            }

            public double[] reference(double[] at, double eps) {
                return centralDifferences(f, at, eps);
            }

            public String referenceName() {
                return "numeric";
            }
        }, checkedPoint(x), 1e-6, 1e-5, 1e-3);
    }

    /**
     * Checks a hand-written gradient against autograd's gradient of the same function written
     * once over {@link Value}: a reference free of finite-difference error, so tight tolerances
     * (say {@code atol(1e-12).rtol(1e-12)}) are meaningful.
     */
    public static GradCheck againstAutograd(Function<Value[], Value> f, Function<double[], double[]> gradient, double... x) {
        Objects.requireNonNull(f, "gradcheck: function is null");
        Objects.requireNonNull(gradient, "gradcheck: gradient function is null");
        return new GradCheck(new Method() {
            public double[] analytic(double[] at) {
                return gradient.apply(at.clone());
            }

            public double[] reference(double[] at, double eps) {
                return autogradGradient(f, at);
            }

            public String referenceName() {
                return "autograd";
            }
        }, checkedPoint(x), 1e-6, 1e-5, 1e-3);
    }

    /** The finite-difference step (default 1e-6). */
    public GradCheck eps(double eps) {
        if (!(eps > 0.0) || Double.isInfinite(eps)) {
            throw new IllegalArgumentException("gradcheck: eps must be positive and finite, got " + eps);
        }
        return new GradCheck(method, x, eps, atol, rtol);
    }

    /** The absolute tolerance (default 1e-5). */
    public GradCheck atol(double atol) {
        return new GradCheck(method, x, eps, requireTolerance("atol", atol), rtol);
    }

    /** The relative tolerance (default 1e-3). */
    public GradCheck rtol(double rtol) {
        return new GradCheck(method, x, eps, atol, requireTolerance("rtol", rtol));
    }

    /** Runs the check and returns every element's comparison. */
    public GradCheckResult check() {
        double[] analytic = method.analytic(x.clone());
        if (analytic == null || analytic.length != x.length) {
            throw new IllegalArgumentException("gradcheck: the gradient has "
                    + (analytic == null ? "no values (null)" : analytic.length + " values")
                    + " for " + x.length + " inputs; expected one partial derivative per input");
        }
        double[] reference = method.reference(x.clone(), eps);
        List<GradCheckResult.Entry> entries = new ArrayList<>(x.length);
        for (int i = 0; i < x.length; i++) {
            entries.add(new GradCheckResult.Entry("x[" + i + "]", x[i], analytic[i], reference[i], atol, rtol));
        }
        return new GradCheckResult(entries, method.referenceName(), eps, atol, rtol);
    }

    /**
     * Runs the check and throws an {@link AssertionError} naming the worst element when any fails.
     *
     * @return the result, for further assertions
     */
    public GradCheckResult assertPassed() {
        return check().assertPassed();
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

    private static double[] centralDifferences(ToDoubleFunction<double[]> f, double[] at, double eps) {
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
