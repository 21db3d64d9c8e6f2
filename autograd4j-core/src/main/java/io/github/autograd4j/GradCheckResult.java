package io.github.autograd4j;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.PriorityQueue;

/**
 * What a {@link GradCheck} found: one {@link Entry} per differentiated element, whether all of
 * them agree within tolerance, a short {@link #summary()} for failure messages, and the full
 * table of every element ({@link #report()}, or a file written by {@link #assertPassed()}).
 */
public final class GradCheckResult {

    /** How many elements a summary shows: all of a small check, the worst of a larger one. */
    static final int SHOWN = 10;

    /**
     * One element's comparison.
     *
     * @param location  which element, e.g. {@code x[2]} or {@code dout[1]/dw[0, 2]}
     * @param point     the input value at which it was differentiated; NaN for a projection over
     *                  all of an input's elements (fast mode), which has no single one
     * @param analytic  the gradient under test
     * @param reference the reference (numeric central difference, or autograd's gradient)
     * @param atol      the absolute tolerance applied
     * @param rtol      the relative tolerance applied
     */
    public record Entry(String location, double point, double analytic, double reference, double atol, double rtol) {

        /**
         * {@code |analytic - reference|}.
         *
         * @return the absolute error, 0 or more (NaN when either value is NaN)
         */
        public double absError() {
            return Math.abs(analytic - reference);
        }

        /**
         * {@code |analytic - reference| / |reference|}; 0 when both are 0, infinite when only the
         * reference is.
         *
         * @return the relative error, 0 or more (NaN when either value is NaN)
         */
        public double relError() {
            double abs = absError();
            return abs == 0.0 ? 0.0 : abs / Math.abs(reference);
        }

        /**
         * {@code |analytic - reference| <= atol + rtol * |reference|}; false when either is NaN.
         *
         * @return whether this element is within tolerance
         */
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
    private final boolean pointwise;
    private final double eps;
    private final double atol;
    private final double rtol;

    /**
     * @param pointwise whether each entry was differentiated at one input value (its {@code point});
     *                  false in fast mode, whose tables then have no "at" column
     */
    GradCheckResult(List<Entry> entries, String referenceName, boolean pointwise, double eps, double atol, double rtol) {
        this.entries = List.copyOf(entries);
        this.referenceName = referenceName;
        this.pointwise = pointwise;
        this.eps = eps;
        this.atol = atol;
        this.rtol = rtol;
    }

    /**
     * True when every element agrees within tolerance.
     *
     * @return whether no element failed
     */
    public boolean passed() {
        return entries.stream().allMatch(Entry::passed);
    }

    /**
     * Every element's comparison, in input order.
     *
     * @return the comparisons, one per element; not modifiable
     */
    public List<Entry> entries() {
        return entries;
    }

    /**
     * The element furthest beyond its allowance (or closest to it, when all pass).
     *
     * @return the entry whose error is the largest multiple of its allowance
     *         {@code atol + rtol * |reference|} (NaN counting as infinitely large)
     */
    public Entry worst() {
        return entries.stream().max(Comparator.comparingDouble(Entry::excess)).orElseThrow();
    }

    /**
     * Throws an {@link AssertionError} when an element fails. Its message is the {@link #summary()},
     * a few lines whatever the size of the check; for a check of more than {@value #SHOWN} elements
     * it also says where the full table is: written to {@code target/gradcheck/} when the working
     * directory has a {@code target} directory (as under Maven), named after the calling test and
     * line, and always available as {@link #report()}.
     *
     * @return this result, when all passed
     */
    public GradCheckResult assertPassed() {
        if (passed()) {
            return this;
        }
        String fullTable = entries.size() <= SHOWN ? "" : "\n" + GradCheckTableFile.write(this);
        throw new AssertionError(summary() + fullTable);
    }

    /**
     * A few lines, whatever the size of the check: how many elements fail, the worst with both
     * values, the errors and the tolerances, then a table of every element of a check of at most
     * {@value #SHOWN}, or of the {@value #SHOWN} worst of a larger one.
     *
     * @return the text, lines separated by {@code \n}
     */
    public String summary() {
        Entry w = worst();
        long failures = entries.stream().filter(e -> !e.passed()).count();
        String verdict = failures == 0
                ? String.format(Locale.ROOT, "gradcheck passed: all %d elements agree; closest to its allowance %s", entries.size(), w.location())
                : String.format(Locale.ROOT, "gradcheck failed: %d of %d elements differ; worst %s", failures, entries.size(), w.location());
        String head = String.format(Locale.ROOT, "%s: analytic %s vs %s %s (abs error %.3g, rel error %.3g;"
                        + " allowed |a - r| <= atol %.1g + rtol %.1g * |r|)%n",
                verdict, Double.toString(w.analytic()), referenceName, Double.toString(w.reference()),
                w.absError(), w.relError(), atol, rtol);
        if (entries.size() <= SHOWN) {
            return head + report();
        }
        return head + "the " + SHOWN + " worst of " + entries.size() + " elements:\n" + table(worstFirst(SHOWN));
    }

    /** The {@code n} elements furthest beyond their allowance, worst first. */
    private List<Entry> worstFirst(int n) {
        PriorityQueue<Entry> kept = new PriorityQueue<>(Comparator.comparingDouble(Entry::excess));
        for (Entry e : entries) {
            kept.add(e);
            if (kept.size() > n) {
                kept.poll();
            }
        }
        return kept.stream().sorted(Comparator.comparingDouble(Entry::excess).reversed()).toList();
    }

    /**
     * A fixed-width table of every element, in input order: element, input value ("at", when each
     * element has one), analytic, reference, abs and rel error, verdict; then the tolerances. As long
     * as the check is large: a summary is {@link #summary()}.
     *
     * @return the text, lines separated by {@code \n}
     */
    public String report() {
        return table(entries);
    }

    private String table(List<Entry> rows) {
        int width = Math.max("element".length(), rows.stream().mapToInt(e -> e.location().length()).max().orElse(0));
        String at = pointwise ? " %14s" : "%s";
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%-" + width + "s" + at + " %22s %22s %10s %10s  %s%n",
                "element", pointwise ? "at" : "", "analytic", referenceName, "abs err", "rel err", "ok"));
        String row = "%-" + width + "s" + (pointwise ? " %14.6g" : "%s") + " %22.15g %22.15g %10.3g %10.3g  %s%n";
        for (Entry e : rows) {
            out.append(String.format(Locale.ROOT, row, e.location(), pointwise ? e.point() : "", e.analytic(), e.reference(),
                    e.absError(), e.relError(), e.passed() ? "yes" : "NO"));
        }
        out.append(tolerances());
        return out.toString();
    }

    /** {@code eps 1e-06, atol 1e-05, rtol 0.001}. */
    String tolerances() {
        return String.format(Locale.ROOT, "eps %.1g, atol %.1g, rtol %.1g", eps, atol, rtol);
    }

    String referenceName() {
        return referenceName;
    }

    boolean pointwise() {
        return pointwise;
    }

    /** The {@link #summary()}: short whatever the size of the check (a debugger shows it). */
    @Override
    public String toString() {
        return summary();
    }
}
