package io.github.autograd4j.testing;

import io.github.autograd4j.GradCheckResult;
import java.util.Comparator;
import java.util.List;
import org.opentest4j.AssertionFailedError;

/** The assertion failures, with expected and actual values an IDE can show side by side. */
final class Failures {

    private Failures() {
    }

    /** {@code what} disagrees with finite differences: GradCheck's short summary, the worst elements as expected/actual. */
    static AssertionFailedError gradCheck(String what, GradCheckResult result) {
        List<GradCheckResult.Entry> worst = result.entries().stream().filter(e -> !e.passed())
                .sorted(Comparator.comparingDouble(Failures::excess).reversed()).limit(Closeness.SHOWN).toList();
        StringBuilder expected = new StringBuilder();
        StringBuilder actual = new StringBuilder();
        for (GradCheckResult.Entry e : worst) {
            expected.append(e.location()).append(" = ").append(e.reference()).append('\n');
            actual.append(e.location()).append(" = ").append(e.analytic()).append('\n');
        }
        return new AssertionFailedError(what + " does not match finite differences: " + result.summary(),
                expected.toString(), actual.toString());
    }

    /** {@code what} differs from what was expected, as {@link Closeness#describe()} says. */
    static AssertionFailedError closeness(String what, Closeness c) {
        return new AssertionFailedError(what + " " + c.describe(), c.expectedText(), c.actualText());
    }

    private static double excess(GradCheckResult.Entry e) {
        double r = e.absError() / (e.atol() + e.rtol() * Math.abs(e.reference()));
        return Double.isNaN(r) ? Double.POSITIVE_INFINITY : r;
    }
}
