package io.github.autograd4j.testing;

import io.github.autograd4j.Shape;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Elementwise comparison of numbers with an expectation, as {@code numpy.allclose}: an element
 * passes when {@code |actual - expected| <= atol + rtol * |expected|} (NaN never does). The one
 * place the assertions apply that rule, and the one place they describe a difference in a few
 * lines, whatever the number of elements.
 */
final class Closeness {

    /** How many of the worst elements a message shows. */
    static final int SHOWN = 5;

    /** One element that differs: where, what was expected, what was found. */
    record Difference(String location, double expected, double actual, double excess) {
    }

    private final List<Difference> failures;
    private final int elements;
    private final double atol;
    private final double rtol;

    private Closeness(List<Difference> failures, int elements, double atol, double rtol) {
        this.failures = failures;
        this.elements = elements;
        this.atol = atol;
        this.rtol = rtol;
    }

    /**
     * Compares {@code actual} with {@code expected} element by element; both laid out row-major in
     * {@code shape}, their elements named {@code name[i, j]}.
     */
    static Closeness compare(String name, double[] expected, double[] actual, Shape shape, Tolerances tolerances) {
        double atol = tolerances.atol();
        double rtol = tolerances.rtol();
        List<Difference> failures = new ArrayList<>();
        for (int i = 0; i < expected.length; i++) {
            double allowed = atol + rtol * Math.abs(expected[i]);
            double error = Math.abs(actual[i] - expected[i]);
            if (!(error <= allowed)) {
                double excess = Double.isNaN(error) ? Double.POSITIVE_INFINITY : error / allowed;
                failures.add(new Difference(name + location(i, shape), expected[i], actual[i], excess));
            }
        }
        failures.sort(Comparator.comparingDouble(Difference::excess).reversed());
        return new Closeness(failures, expected.length, atol, rtol);
    }

    boolean passed() {
        return failures.isEmpty();
    }

    /**
     * {@code "differs at 3 of 8 elements; worst [1, 2]: expected 0.5 but was 0.75 (abs error 0.25;
     * allowed atol 1e-08 + rtol 1e-05 * |expected|)"}, then the next worst, one per line.
     */
    String describe() {
        Difference w = failures.get(0);
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
                "differs at %d of %d elements; worst %s: expected %s but was %s (abs error %.3g; allowed atol %.1g + rtol %.1g * |expected|)",
                failures.size(), elements, w.location(), w.expected(), w.actual(), Math.abs(w.actual() - w.expected()), atol, rtol));
        for (Difference d : failures.subList(1, Math.min(SHOWN, failures.size()))) {
            s.append(String.format(Locale.ROOT, "%n  %s: expected %s but was %s", d.location(), d.expected(), d.actual()));
        }
        if (failures.size() > SHOWN) {
            s.append(String.format(Locale.ROOT, "%n  ... and %d more", failures.size() - SHOWN));
        }
        return s.toString();
    }

    /** The worst differing elements' expected values, one {@code location = value} per line, for an IDE's diff. */
    String expectedText() {
        return text(true);
    }

    /** The same elements' actual values. */
    String actualText() {
        return text(false);
    }

    private String text(boolean expected) {
        StringBuilder s = new StringBuilder();
        for (Difference d : failures.subList(0, Math.min(SHOWN, failures.size()))) {
            s.append(d.location()).append(" = ").append(expected ? d.expected() : d.actual()).append('\n');
        }
        return s.toString();
    }

    /** {@code [1, 2]} for flat index 5 of shape (2, 3); {@code []} for a scalar. */
    static String location(int flat, Shape shape) {
        int[] index = new int[shape.rank()];
        for (int d = shape.rank() - 1; d >= 0; d--) {
            index[d] = flat % shape.size(d);
            flat /= shape.size(d);
        }
        StringBuilder s = new StringBuilder("[");
        for (int d = 0; d < index.length; d++) {
            s.append(d == 0 ? "" : ", ").append(index[d]);
        }
        return s.append(']').toString();
    }
}
