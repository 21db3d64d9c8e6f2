package io.github.autograd4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Anomaly detection names the op, the node and the user's line; creation sites. */
class AnomalyTest {

    @Test
    void logOfZeroInTheForwardNamesTheOpAndTheLine() {
        try (var a = Debug.detectAnomalies()) {
            Value x = Value.of(0.0, "x");
            AnomalyException e = assertThrows(AnomalyException.class, () -> x.log());
            assertTrue(e.getMessage().startsWith("anomaly in forward: log produced -Infinity (node (unlabelled log), shape ()) from 'x' = 0; made at "
                    + "io.github.autograd4j.AnomalyTest.lambda$logOfZeroInTheForwardNamesTheOpAndTheLine$"), e.getMessage());
            assertTrue(e.getMessage().contains("(AnomalyTest.java:"), e.getMessage());
        }
    }

    @Test
    void zeroOverZeroInATensorForward() {
        try (var a = Debug.detectAnomalies()) {
            Tensor num = Tensor.vector(1, 0).requiresGrad(true).label("num");
            Tensor den = Tensor.vector(2, 0).label("den");
            AnomalyException e = assertThrows(AnomalyException.class, () -> num.div(den));
            assertTrue(e.getMessage().startsWith("anomaly in forward: div produced [0.5, NaN] (node (unlabelled div), shape (2,)) from 'num' = [1, 0], 'den' = [2, 0]"),
                    e.getMessage());
        }
    }

    @Test
    void sqrtDerivativeAtZeroIsCaughtInTheBackward() {
        Value x = Value.of(0.0, "x");
        Value y;
        try (var a = Debug.detectAnomalies()) {
            y = x.sqrt().label("root");
            AnomalyException e = assertThrows(AnomalyException.class, y::backward);
            assertTrue(e.getMessage().startsWith("anomaly in backward: the rule of sqrt (node 'root') sent Infinity to input 0 (node 'x', value 0)"),
                    e.getMessage());
            assertTrue(e.getMessage().contains("made at io.github.autograd4j.AnomalyTest.sqrtDerivativeAtZeroIsCaughtInTheBackward(AnomalyTest.java:"),
                    e.getMessage());
            assertSame(y, e.node());
        }
        y.backward();   // off again: IEEE semantics, no exception
        assertEquals(Double.POSITIVE_INFINITY, x.grad());
    }

    @Test
    void expOverflowIsCaught() {
        try (var a = Debug.detectAnomalies()) {
            Value x = Value.of(800.0);
            assertThrows(AnomalyException.class, x::exp);
        }
        assertEquals(Double.POSITIVE_INFINITY, Value.of(800.0).exp().data(), "off: no check");
    }

    @Test
    void sitesAreRecordedOnlyInsideTheScope() {
        Value outside = Value.of(1.0).mul(2.0);
        assertNull(outside.creationSite());
        Value inside;
        try (var s = Debug.recordSites()) {
            inside = Value.of(1.0).mul(2.0);
        }
        assertTrue(inside.creationSite().startsWith("io.github.autograd4j.AnomalyTest.sitesAreRecordedOnlyInsideTheScope(AnomalyTest.java:"),
                inside.creationSite());
        assertEquals(false, Debug.active());
    }
}
