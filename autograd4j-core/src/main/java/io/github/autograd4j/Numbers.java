package io.github.autograd4j;

import java.math.BigDecimal;
import java.math.MathContext;

/** Formats numbers for people: eight significant digits, no trailing zeros. */
final class Numbers {

    private static final MathContext DIGITS = new MathContext(8);

    private Numbers() {
    }

    /** {@code 0.80299957}, {@code 3}, {@code -1.5E-12}, {@code NaN}, {@code Infinity}. */
    static String format(double x) {
        if (Double.isNaN(x) || Double.isInfinite(x)) {
            return Double.toString(x);
        }
        if (x == 0.0) {
            return "0";
        }
        BigDecimal rounded = new BigDecimal(x).round(DIGITS).stripTrailingZeros();
        double magnitude = Math.abs(x);
        return magnitude >= 1e-4 && magnitude < 1e8 ? rounded.toPlainString() : rounded.toString();
    }
}
