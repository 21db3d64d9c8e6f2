package io.github.autograd4j.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.autograd4j.kernel.SpecialFunctions;
import org.junit.jupiter.api.Test;

/** erf, erfc and the normal distribution function against values computed with mpmath at 40 digits. */
class SpecialFunctionsTest {

    /** {x, erf(x), erfc(x)}: every interval of the approximation, its edges, and the far tail. */
    private static final double[][] ERF = {
        {1e-10, 1.1283791670955125739e-10, 0.99999999988716208329},
        {0.1, 0.1124629160182848922, 0.8875370839817151078},
        {0.25, 0.27632639016823693299, 0.72367360983176306701},
        {0.46875, 0.49261347321793799159, 0.50738652678206200841},
        {0.5, 0.52049987781304653768, 0.47950012218695346232},
        {1, 0.84270079294971486934, 0.15729920705028513066},
        {1.5, 0.96610514647531072707, 0.033894853524689272933},
        {2, 0.99532226501895273416, 0.0046777349810472658379},
        {3, 0.99997790950300141456, 0.000022090496998585441373},
        {4, 0.99999998458274209972, 1.5417257900280018852e-8},
        {4.5, 0.99999999980338395585, 1.9661604415428874763e-10},
        {5, 0.99999999999846254021, 1.5374597944280348502e-12},
        {6, 0.99999999999999997848, 2.1519736712498913117e-17},
        {10, 1.0, 2.088487583762544757e-45},
        {20, 1.0, 5.3958656116079009289e-176},
        {26, 1.0, 5.6631924088561428465e-296},
        {-0.3, -0.32862675945912742764, 1.3286267594591274276},
        {-1, -0.84270079294971486934, 1.8427007929497148693},
        {-3, -0.99997790950300141456, 1.9999779095030014146},
        {-5, -0.99999999999846254021, 1.9999999999984625402},
    };

    /** {x, Phi(x)}. */
    private static final double[][] PHI = {
        {-10, 7.619853024160526066e-24},
        {-3, 0.0013498980316300945267},
        {-1, 0.15865525393145705141},
        {-0.5, 0.30853753872598689636},
        {0, 0.5},
        {0.5, 0.69146246127401310364},
        {1, 0.84134474606854294859},
        {3, 0.99865010196836990547},
    };

    private static void assertRelative(double expected, double actual, double tolerance, String what) {
        double error = Math.abs(actual - expected) / Math.abs(expected);
        assertTrue(error <= tolerance, what + ": expected " + expected + ", got " + actual + " (relative error " + error + ")");
    }

    @Test
    void erfAndErfcMatchReferenceValuesTo1e14Relative() {
        for (double[] row : ERF) {
            assertRelative(row[1], SpecialFunctions.erf(row[0]), 1e-14, "erf(" + row[0] + ")");
            assertRelative(row[2], SpecialFunctions.erfc(row[0]), 1e-14, "erfc(" + row[0] + ")");
        }
    }

    @Test
    void normalCdfMatchesReferenceValuesTo1e14Relative() {
        for (double[] row : PHI) {
            assertRelative(row[1], SpecialFunctions.normalCdf(row[0]), 1e-14, "Phi(" + row[0] + ")");
        }
    }

    @Test
    void erfIsOddAndErfcComplementsIt() {
        for (double x = -6; x <= 6; x += 0.0625) {
            assertEquals(-SpecialFunctions.erf(x), SpecialFunctions.erf(-x), 0.0, "erf(" + x + ")");
            assertEquals(1.0, SpecialFunctions.erf(x) + SpecialFunctions.erfc(x), 1e-15, "erf + erfc at " + x);
        }
    }

    @Test
    void specialValues() {
        assertEquals(0.0, SpecialFunctions.erf(0.0));
        assertEquals(-0.0, SpecialFunctions.erf(-0.0));
        assertEquals(1.0, SpecialFunctions.erf(Double.POSITIVE_INFINITY));
        assertEquals(-1.0, SpecialFunctions.erf(Double.NEGATIVE_INFINITY));
        assertEquals(0.0, SpecialFunctions.erfc(Double.POSITIVE_INFINITY));
        assertEquals(2.0, SpecialFunctions.erfc(Double.NEGATIVE_INFINITY));
        assertEquals(0.0, SpecialFunctions.erfc(27));
        assertEquals(1.0, SpecialFunctions.normalCdf(Double.POSITIVE_INFINITY));
        assertEquals(0.0, SpecialFunctions.normalCdf(Double.NEGATIVE_INFINITY));
        assertTrue(Double.isNaN(SpecialFunctions.erf(Double.NaN)));
        assertTrue(Double.isNaN(SpecialFunctions.erfc(Double.NaN)));
        assertTrue(Double.isNaN(SpecialFunctions.normalCdf(Double.NaN)));
    }
}
