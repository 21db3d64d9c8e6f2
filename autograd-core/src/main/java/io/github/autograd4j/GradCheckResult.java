package io.github.autograd4j;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * What a {@link GradCheck} found: one {@link Entry} per differentiated element, whether all of
 * them agree within tolerance, and a table for failure messages and logs.
 */
public final class GradCheckResult {

    /**
     * One element's comparison.
     *
     * @param location  which element, e.g. {@code x[2]}
     * @param point     the input value at which it was differentiated
     * @param analytic  the gradient under test
     * @param reference the reference (numeric central difference, or autograd's gradient)
     * @param atol      the absolute tolerance applied
     * @param rtol      the relative tolerance applied
     */
    public record Entry(String location, double point, double analytic, double reference, double atol, double rtol) {

        /** {@code |analytic - reference|}. */
        public double absError() {
            return Math.abs(analytic - reference);
        }

        /** {@code |analytic - reference| / |reference|}; 0 when both are 0, infinite when only the reference is. */
        public double relError() {
            double abs = absError();
            return abs == 0.0 ? 0.0 : abs / Math.abs(reference);
        }

        /** {@code |analytic - reference| <= atol + rtol * |reference|}; false when either is NaN. */
        public boolean passed() {
            return absError() <= atol + rtol * Math.abs(reference);
        }

        /** How far past its allowance this element is (over 1 fails; NaN counts as infinitely far). */
        double excess() {
            double e = absError() / (atol + rtol * Math.abs(reference));
            return Double.isNaN(e) ? Double.POSITIVE_INFINITY : e;
        }
    }

    private final List<Entry> entries;
    private final String referenceName;
    private final double eps;
    private final double atol;
    private final double rtol;

    GradCheckResult(List<Entry> entries, String referenceName, double eps, double atol, double rtol) {
        this.entries = List.copyOf(entries);
        this.referenceName = referenceName;
        this.eps = eps;
        this.atol = atol;
        this.rtol = rtol;
    }

    /** True when every element agrees within tolerance. */
    public boolean passed() {
        return entries.stream().allMatch(Entry::passed);
    }

    /** Every element's comparison, in input order. */
    public List<Entry> entries() {
        return entries;
    }

    /** The element furthest beyond its allowance (or closest to it, when all pass). */
    public Entry worst() {
        return entries.stream().max(Comparator.comparingDouble(Entry::excess)).orElseThrow();
    }

    /**
     * Throws an {@link AssertionError} when an element fails; its message names the worst element,
     * both values, the errors and the tolerances, followed by the full {@link #report()}.
     *
     * @return this result, when all passed
     */
    public GradCheckResult assertPassed() {
        if (passed()) {
            return this;
        }
        Entry w = worst();
        long failures = entries.stream().filter(e -> !e.passed()).count();
        String message = String.format(Locale.ROOT,
                "gradcheck failed: %d of %d elements differ; worst %s: analytic %s vs %s %s "
                        + "(abs error %.3g, rel error %.3g; allowed |a - r| <= atol %.1g + rtol %.1g * |r|)%n%s",
                failures, entries.size(), w.location(), Double.toString(w.analytic()), referenceName,
                Double.toString(w.reference()), w.absError(), w.relError(), atol, rtol, report());
        throw new AssertionError(message);
    }

    /** A fixed-width table: element, input value, analytic, reference, abs and rel error, verdict. */
    public String report() {
        int width = Math.max("element".length(), entries.stream().mapToInt(e -> e.location().length()).max().orElse(0));
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%-" + width + "s %14s %22s %22s %10s %10s  %s%n",
                "element", "at", "analytic", referenceName, "abs err", "rel err", "ok"));
        for (Entry e : entries) {
            out.append(String.format(Locale.ROOT, "%-" + width + "s %14.6g %22.15g %22.15g %10.3g %10.3g  %s%n",
                    e.location(), e.point(), e.analytic(), e.reference(), e.absError(), e.relError(),
                    e.passed() ? "yes" : "NO"));
        }
        out.append(String.format(Locale.ROOT, "eps %.1g, atol %.1g, rtol %.1g", eps, atol, rtol));
        return out.toString();
    }

    @Override
    public String toString() {
        return (passed() ? "GradCheckResult(passed)\n" : "GradCheckResult(FAILED)\n") + report();
    }
}
