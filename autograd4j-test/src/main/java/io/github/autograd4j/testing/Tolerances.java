package io.github.autograd4j.testing;

/**
 * An absolute and a relative tolerance: an element passes when
 * {@code |actual - expected| <= atol + rtol * |expected|}.
 *
 * @param atol the absolute tolerance
 * @param rtol the relative tolerance
 */
record Tolerances(double atol, double rtol) {

    /** {@code numpy.allclose}'s and {@code torch.allclose}'s defaults, for gradients compared with known ones. */
    static final Tolerances CLOSE = new Tolerances(1e-8, 1e-5);

    /** GradCheck's defaults (PyTorch's gradcheck), for gradients compared with finite differences. */
    static final Tolerances FINITE_DIFFERENCES = new Tolerances(1e-5, 1e-3);

    /** Checked tolerances, named after {@code op} in the message when one is negative, NaN or infinite. */
    static Tolerances of(String op, double atol, double rtol) {
        check(op, "atol", atol);
        check(op, "rtol", rtol);
        return new Tolerances(atol, rtol);
    }

    private static void check(String op, String name, double value) {
        if (!(value >= 0.0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(op + ": " + name + " must be zero or positive and finite, got " + value);
        }
    }
}
