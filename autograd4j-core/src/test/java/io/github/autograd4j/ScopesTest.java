package io.github.autograd4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Grad and Debug scopes closed out of order or on another thread: refused with an
 * {@link IllegalStateException} that changes nothing (Debug's counted switches are exact in any
 * order), and another thread's recording never changes.
 */
class ScopesTest {

    private final ExecutorService other = Executors.newSingleThreadExecutor(r -> new Thread(r, "other"));

    @AfterEach
    void stop() {
        other.shutdownNow();
    }

    private <T> T onOther(Callable<T> task) throws Exception {
        return other.submit(task).get();
    }

    /** Whether this thread records: an op on a leaf that requires grad is recorded. */
    private static boolean records() {
        return Tensor.ones(1).requiresGrad(true).mul(2).requiresGrad();
    }

    @Test
    void aGradScopeClosedBeforeOneOpenedInsideItIsRefusedAndNothingChanges() throws Exception {
        Grad.Scope outer = Grad.disabled();
        Grad.Scope inner = Grad.enabled();
        IllegalStateException e = assertThrows(IllegalStateException.class, outer::close);
        assertEquals("Grad.disabled(): closed while the Grad.enabled() scope opened after it on this thread is still open;"
                + " close scopes in the reverse order of opening (try-with-resources does)", e.getMessage());
        assertTrue(records(), "the inner scope is still the innermost");
        inner.close();
        assertFalse(records(), "the outer scope is still open");
        outer.close();
        assertTrue(records());
    }

    @Test
    void aThreadThatClosedTwoScopesOutOfOrderStillRecordsWhileAnotherIsInsideDisabled() throws Exception {
        Grad.Scope first = Grad.disabled();
        Grad.Scope second = Grad.disabled();
        assertThrows(IllegalStateException.class, first::close);
        second.close();
        first.close();
        Grad.Scope elsewhere = onOther(Grad::disabled);
        try {
            assertFalse(onOther(ScopesTest::records), "the other thread is inside Grad.disabled()");
            assertTrue(records(), "this thread's scopes are all closed: it records, whatever the other thread does");
        } finally {
            onOther(() -> {
                elsewhere.close();
                return null;
            });
        }
        assertTrue(onOther(ScopesTest::records));
    }

    @Test
    void aGradScopeClosedOnAnotherThreadIsRefusedAndLeavesBothThreadsAsTheyWere() throws Exception {
        Grad.Scope off = Grad.disabled();
        IllegalStateException e = onOther(() -> assertThrows(IllegalStateException.class, off::close));
        assertEquals("Grad.disabled(): the scope was opened on thread '" + Thread.currentThread().getName()
                + "' and cannot be closed on another; close it on the thread that opened it", e.getMessage());
        assertFalse(records(), "this thread is still inside its scope");
        assertTrue(onOther(ScopesTest::records), "the other thread was never inside it");
        off.close();
        assertTrue(records());
    }

    @Test
    void debugScopesClosedOutOfOrderKeepEachSwitchOnWhileOneOfItsScopesIsOpen() {
        Debug.Scope sites = Debug.recordSites();
        Debug.Scope anomalies = Debug.detectAnomalies();
        Debug.Scope moreAnomalies = Debug.detectAnomalies();
        sites.close();
        anomalies.close();
        assertTrue(Debug.anomaliesOn(), "one anomaly scope is still open");
        moreAnomalies.close();
        assertFalse(Debug.anomaliesOn());
    }

    @Test
    void aDebugScopeClosedOnAnotherThreadIsRefusedAndTheOtherThreadIsNotAffected() throws Exception {
        Debug.Scope anomalies = onOther(Debug::detectAnomalies);
        try {
            IllegalStateException e = assertThrows(IllegalStateException.class, anomalies::close);
            assertEquals("Debug.detectAnomalies(): the scope was opened on thread 'other' and cannot be closed on another;"
                    + " close it on the thread that opened it", e.getMessage());
            assertFalse(Debug.anomaliesOn(), "this thread never detected anomalies");
            Tensor.of(new double[] {Double.NaN}, 1).mul(2);
            assertTrue(onOther(Debug::anomaliesOn), "the thread that opened it still does");
        } finally {
            onOther(() -> {
                anomalies.close();
                return null;
            });
        }
        assertFalse(onOther(Debug::anomaliesOn));
    }
}
