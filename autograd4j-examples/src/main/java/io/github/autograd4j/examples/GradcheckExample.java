package io.github.autograd4j.examples;

import io.github.autograd4j.GradCheck;
import io.github.autograd4j.GradCheckResult;
import java.io.PrintStream;
import java.util.function.Function;

/**
 * The {@code gradcheck} command: checks a hand-written gradient of a plain Java function,
 * {@code f(x, y) = x^2 y + sin(y)}, against central differences, once right and once with the
 * sign slip {@code df/dy = x^2 - cos(y)}, and shows the {@link AssertionError} JUnit would report.
 */
public final class GradcheckExample {

    /** The point checked. */
    public static final double[] POINT = {1.5, -0.5};

    /**
     * A run.
     *
     * @param out where the reports are printed
     */
    public record Config(PrintStream out) {
    }

    /**
     * Both checks.
     *
     * @param right          the check of the right gradient (passes)
     * @param wrong          the check of the wrong one (fails)
     * @param failureMessage the message of the {@link AssertionError} {@code assertPassed()} throws for the wrong one
     */
    public record Result(GradCheckResult right, GradCheckResult wrong, String failureMessage) {
    }

    private GradcheckExample() {
    }

    /** Runs and prints both checks. */
    public static Result run(Config config) {
        PrintStream out = config.out();
        out.println("f(x, y) = x^2 y + sin(y) at (x, y) = (1.5, -0.5)");
        out.println();
        out.println("1. gradient (2xy, x^2 + cos y):");
        GradCheckResult right = check(p -> new double[] {2 * p[0] * p[1], p[0] * p[0] + Math.cos(p[1])});
        out.println(right.report());
        out.println("passed: " + right.passed());
        out.println();
        out.println("2. gradient (2xy, x^2 - cos y), a sign slip:");
        GradCheckResult wrong = check(p -> new double[] {2 * p[0] * p[1], p[0] * p[0] - Math.cos(p[1])});
        String message = null;
        try {
            wrong.assertPassed();
        } catch (AssertionError e) {
            message = e.getMessage();
        }
        out.println("what GradCheck.ofGradient(f, gradient, 1.5, -0.5).assertPassed() throws in a JUnit test:");
        out.println("java.lang.AssertionError: " + message);
        return new Result(right, wrong, message);
    }

    private static GradCheckResult check(Function<double[], double[]> gradient) {
        return GradCheck.ofGradient(p -> p[0] * p[0] * p[1] + Math.sin(p[1]), gradient, POINT).check();
    }
}
