package io.github.autograd4j.kernel;

/**
 * Special functions that {@code java.lang.Math} lacks, in double precision: the error function,
 * its complement, and the standard normal distribution function that GELU needs.
 *
 * <p>{@code erf} and {@code erfc} use W. J. Cody's rational Chebyshev approximations (Math. Comp.
 * 23 (1969) 631-637, as in his SPECFUN routine CALERF), accurate to a few units in the last place:
 * {@code erf} on {@code |x| <= 0.46875}, {@code erfc} on {@code (0.46875, 4]} and, in
 * {@code 1/x^2}, beyond 4, where {@code exp(-x^2)} is computed in two parts so that the tail
 * keeps its relative accuracy down to underflow.
 */
public final class SpecialFunctions {

    /** Below this {@code |x|}, {@code erf(x) = x * R(x^2)}. */
    private static final double SMALL = 0.46875;
    /** Above this {@code x}, {@code erfc(x)} underflows to 0. */
    private static final double ERFC_UNDERFLOW = 26.543;
    private static final double INV_SQRT_PI = 0.56418958354775628695;
    private static final double INV_SQRT_2 = 0.70710678118654752440;

    // Numerators and denominators, highest power first.
    private static final double[] ERF_NUM = {
        1.85777706184603153e-1, 3.16112374387056560e00, 1.13864154151050156e02,
        3.77485237685302021e02, 3.20937758913846947e03};
    private static final double[] ERF_DEN = {
        1.0, 2.36012909523441209e01, 2.44024637934444173e02,
        1.28261652607737228e03, 2.84423683343917062e03};
    private static final double[] MID_NUM = {
        2.15311535474403846e-8, 5.64188496988670089e-1, 8.88314979438837594e00,
        6.61191906371416295e01, 2.98635138197400131e02, 8.81952221241769090e02,
        1.71204761263407058e03, 2.05107837782607147e03, 1.23033935479799725e03};
    private static final double[] MID_DEN = {
        1.0, 1.57449261107098347e01, 1.17693950891312499e02,
        5.37181101862009858e02, 1.62138957456669019e03, 3.29079923573345963e03,
        4.36261909014324716e03, 3.43936767414372164e03, 1.23033935480374942e03};
    private static final double[] TAIL_NUM = {
        1.63153871373020978e-2, 3.05326634961232344e-1, 3.60344899949804439e-1,
        1.25781726111229246e-1, 1.60837851487422766e-2, 6.58749161529837803e-4};
    private static final double[] TAIL_DEN = {
        1.0, 2.56852019228982242e00, 1.87295284992346047e00,
        5.27905102951428412e-1, 6.05183413124413191e-2, 2.33520497626869185e-3};

    private SpecialFunctions() {
    }

    /**
     * The error function {@code erf(x) = 2/sqrt(pi) * integral from 0 to x of exp(-t^2) dt}:
     * odd, {@code erf(+-inf) = +-1}, NaN for NaN.
     */
    public static double erf(double x) {
        double y = Math.abs(x);
        if (!(y > SMALL)) {
            return x * ratio(ERF_NUM, ERF_DEN, y * y); // NaN stays NaN here
        }
        double e = 0.5 - erfcPositive(y) + 0.5;
        return x < 0 ? -e : e;
    }

    /**
     * The complementary error function {@code erfc(x) = 1 - erf(x)}, without the cancellation of
     * computing it that way: {@code erfc(x)} is accurate relative to itself for large {@code x}
     * (until it underflows near 26.5). {@code erfc(-inf) = 2}, {@code erfc(inf) = 0}, NaN for NaN.
     */
    public static double erfc(double x) {
        double y = Math.abs(x);
        if (!(y > SMALL)) {
            return 1.0 - x * ratio(ERF_NUM, ERF_DEN, y * y);
        }
        double r = erfcPositive(y);
        return x < 0 ? 2.0 - r : r;
    }

    /**
     * The standard normal distribution function {@code Phi(x) = erfc(-x / sqrt(2)) / 2}, accurate
     * relative to itself in the lower tail.
     */
    public static double normalCdf(double x) {
        return 0.5 * erfc(-x * INV_SQRT_2);
    }

    /** {@code erfc(y)} for {@code y > SMALL} (or NaN). */
    private static double erfcPositive(double y) {
        double r;
        if (y <= 4.0) {
            r = ratio(MID_NUM, MID_DEN, y);
        } else if (y >= ERFC_UNDERFLOW) {
            return 0.0;
        } else {
            double z = 1.0 / (y * y);
            r = (INV_SQRT_PI - z * ratio(TAIL_NUM, TAIL_DEN, z)) / y;
        }
        return expMinusSquare(y) * r;
    }

    /** {@code exp(-y^2)}, with {@code y^2} split into an exact part and a small rest. */
    private static double expMinusSquare(double y) {
        double head = Math.floor(y * 16.0) / 16.0;
        double rest = (y - head) * (y + head);
        return Math.exp(-head * head) * Math.exp(-rest);
    }

    /** {@code num(z) / den(z)}, both by Horner's rule. */
    private static double ratio(double[] num, double[] den, double z) {
        return horner(num, z) / horner(den, z);
    }

    private static double horner(double[] c, double z) {
        double s = c[0];
        for (int i = 1; i < c.length; i++) {
            s = s * z + c[i];
        }
        return s;
    }
}
