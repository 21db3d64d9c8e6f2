package io.github.autograd4j.testing;

import static io.github.autograd4j.testing.AutogradAssertions.assertThatGraph;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import io.github.autograd4j.AnomalyException;
import io.github.autograd4j.Generator;
import io.github.autograd4j.Grad;
import io.github.autograd4j.Tensor;
import io.github.autograd4j.Value;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;
import org.opentest4j.AssertionFailedError;

/**
 * What the extension does around a test, checked by running fixture classes (nested here, so that
 * the ordinary run does not pick them up) with JUnit's test kit.
 */
class AutogradExtensionTest {

    /** What the fixtures saw, by test method. */
    static final Map<String, Object> SEEN = new ConcurrentHashMap<>();

    private static Events run(DiscoverySelector selector) {
        return EngineTestKit.engine("junit-jupiter").selectors(selector).execute().testEvents();
    }

    private static Throwable failureOf(Events events) {
        List<Event> failed = events.failed().list();
        assertEquals(1, failed.size(), "one failure");
        return failed.get(0).getPayload(org.junit.platform.engine.TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow();
    }

    private static Path reportPath(String message) {
        Matcher m = Pattern.compile("graph report: (\\S+\\.html)").matcher(message);
        assertTrue(m.find(), "the message names the report: " + message);
        return Path.of(m.group(1));
    }

    @AutogradTest
    static class FailingFixtures {
        @Test
        void countIsWrong() {
            Tensor w = Tensor.ones(2, 2).requiresGrad(true).label("w");
            Tensor loss = w.mul(3.0).sum().label("loss");
            loss.backward(null, true, false);
            assertThatGraph(loss).hasNodeCount(5);
        }

        @Test
        void makesANaN() {
            Value x = Value.of(-1.0, "x");
            x.sqrt().label("root");
        }

        @Test
        void tracksNothing() {
            throw new IllegalStateException("nothing to do with a graph");
        }

        @Test
        void isAborted() {
            Assumptions.assumeTrue(false, "no browser here");
        }
    }

    @Test
    void aFailureCarriesTheSeedAndTheReportOfTheGraphItTracked() throws Exception {
        Throwable failure = failureOf(run(selectMethod(FailingFixtures.class, "countIsWrong")));
        AssertionFailedError e = assertInstanceOf(AssertionFailedError.class, failure);
        assertTrue(e.getMessage().startsWith("hasNodeCount: expected 5 nodes but the graph below 'loss' has 4\n[autograd4j] seed "),
                e.getMessage());
        assertEquals(5, e.getExpected().getValue(), "expected and actual are kept for the IDE");
        assertEquals(4, e.getActual().getValue());
        Path report = reportPath(e.getMessage());
        assertEquals(Path.of("target", "autograd-reports", FailingFixtures.class.getName(), "countIsWrong.html").toAbsolutePath(), report);
        String html = Files.readString(report);
        assertTrue(html.contains("FailingFixtures.countIsWrong(): org.opentest4j.AssertionFailedError: hasNodeCount"), "titled after the test");
        assertTrue(html.contains("\"name\":\"loss\""), "the tracked graph");
        Matcher seed = Pattern.compile("seed (-?\\d+) \\(rerun with -Dautograd4j.seed=\\1\\)").matcher(e.getMessage());
        assertTrue(seed.find(), e.getMessage());
    }

    @Test
    void anAnomalyFailsTheTestAtItsOpAndItsNodeIsReported() throws Exception {
        Throwable failure = failureOf(run(selectMethod(FailingFixtures.class, "makesANaN")));
        assertInstanceOf(AnomalyException.class, failure.getCause(), "anomaly detection is on by default");
        assertTrue(failure.getMessage().startsWith("io.github.autograd4j.AnomalyException: anomaly in forward: sqrt produced NaN"),
                failure.getMessage());
        assertTrue(failure.getMessage().contains("made at io.github.autograd4j.testing.AutogradExtensionTest$FailingFixtures.makesANaN"),
                "sites are recorded: " + failure.getMessage());
        String html = Files.readString(reportPath(failure.getMessage()));
        assertTrue(html.contains("\"problem\":\"anomaly in forward: sqrt produced NaN"), "the anomaly's message on its node");
    }

    @Test
    void withoutAGraphTheMessageSaysSoAndAnAbortedTestStaysAborted() {
        Throwable failure = failureOf(run(selectMethod(FailingFixtures.class, "tracksNothing")));
        assertInstanceOf(IllegalStateException.class, failure.getCause());
        assertTrue(failure.getMessage().endsWith("no graph report: the test tracked no graph (assertThatGraph(root) and"
                + " AutogradExtension.track(root) track one; an AnomalyException names its node)"), failure.getMessage());
        Events aborted = run(selectMethod(FailingFixtures.class, "isAborted"));
        assertEquals(1, aborted.aborted().count());
        assertEquals(0, aborted.failed().count());
    }

    @AutogradTest(detectAnomalies = false)
    static class SettingsFixtures {
        @Test
        void nanWithoutDetection(Random rng) {
            Value v = Value.of(-1.0, "x").sqrt();
            SEEN.put("nan", v.data());
            SEEN.put("site", String.valueOf(v.creationSite()));
            SEEN.put("random", rng.nextLong());
            SEEN.put("generator", Tensor.randn(3).toArray());
        }

        @Test
        @AutogradTest(seed = "42", recordSites = false, detectAnomalies = false)
        void fixedSeed(Random rng) {
            SEEN.put("seed42", rng.nextLong());
            SEEN.put("generator42", Tensor.randn(3).toArray());
            SEEN.put("site42", String.valueOf(Value.of(1.0).add(1.0).creationSite()));
        }
    }

    @Test
    void settingsAndSeedsComeFromTheAnnotation() {
        assertEquals(0, run(selectClass(SettingsFixtures.class)).failed().count());
        assertTrue(Double.isNaN((Double) SEEN.get("nan")), "no anomaly detection when it is off");
        assertTrue(((String) SEEN.get("site")).contains("SettingsFixtures.nanWithoutDetection"), "sites still recorded");
        assertEquals("null", SEEN.get("site42"), "sites off on the method");
        assertEquals(new Random(42).nextLong(), SEEN.get("seed42"));
        Generator.manualSeed(42);
        assertEquals(List.of(Tensor.randn(3).toArray()).get(0)[0], ((double[]) SEEN.get("generator42"))[0], "Generator.current() too");
        long first = (Long) SEEN.get("random");
        double[] generated = (double[]) SEEN.get("generator");
        run(selectMethod(SettingsFixtures.class, "nanWithoutDetection"));
        assertEquals(first, SEEN.get("random"), "the derived seed is the same on every run");
        assertEquals(generated[0], ((double[]) SEEN.get("generator"))[0]);
        assertFalse(first == (Long) SEEN.get("seed42"));
    }

    @ExtendWith(AutogradExtension.class)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class LeakFixtures {
        @Test
        @Order(1)
        void leaksAScope() {
            Grad.disabled();
        }

        @Test
        @Order(2)
        void recordsAgain() {
            SEEN.put("recordingAfterLeak", Grad.isEnabled());
            SEEN.put("anomaliesByDefault", anomaliesOn());
        }
    }

    private static boolean anomaliesOn() {
        try {
            Value.of(-1.0).log();
            return false;
        } catch (AnomalyException e) {
            return true;
        }
    }

    @Test
    void aLeakedDisabledScopeFailsTheTestAndRecordingIsBackOnAfterIt() {
        Events events = run(selectClass(LeakFixtures.class));
        Throwable failure = failureOf(events);
        assertEquals("the test left a Grad.disabled() scope open on thread '" + Thread.currentThread().getName() + "', so recording"
                + " stayed off after it; close every scope it opens (try (var off = Grad.disabled()) { ... }); recording is back on"
                + " for the tests that follow", failure.getMessage());
        assertEquals(true, SEEN.get("recordingAfterLeak"));
        assertEquals(true, SEEN.get("anomaliesByDefault"), "@ExtendWith alone: the defaults");
        assertTrue(Grad.isEnabled());
        assertFalse(anomaliesOn(), "the switches are off again after the test");
        assertNull(TestState.current(), "and nothing is tracked outside a test");
    }

    @Test
    void trackOutsideATestDoesNothing() {
        AutogradExtension.track(Value.of(1.0));
        assertNull(TestState.current());
    }
}
