package io.github.autograd4j.testing;

import io.github.autograd4j.AnomalyException;
import io.github.autograd4j.Debug;
import io.github.autograd4j.Generator;
import io.github.autograd4j.Grad;
import io.github.autograd4j.Node;
import io.github.autograd4j.graph.Graph;
import io.github.autograd4j.graph.GraphReport;
import java.io.IOException;
import java.lang.reflect.AnnotatedElement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.junit.platform.commons.support.AnnotationSupport;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * A JUnit 5 extension for tests of autograd4j code: register it with
 * {@code @ExtendWith(AutogradExtension.class)}, or configure it with {@link AutogradTest}. For
 * each test it
 *
 * <ul>
 *   <li>turns on anomaly detection and site recording on the test's thread (configurable);</li>
 *   <li>seeds {@code Generator.current()} and resolves a {@code java.util.Random} parameter with
 *       the test's seed: derived from the test's unique id, so the same on every run, or set with
 *       {@code -Dautograd4j.seed=N} or {@code @AutogradTest(seed = "N")};</li>
 *   <li>on a failure, writes the HTML graph report ({@link GraphReport}) of the graphs the test
 *       tracked to {@code target/autograd-reports/<class>/<method>.html} (another directory with
 *       {@code -Dautograd4j.reports.dir}) and adds the seed and the report's path to the failure
 *       message, as an opentest4j {@code AssertionFailedError} (expected and actual kept);</li>
 *   <li>fails a test that leaves a {@code Grad.disabled()} scope open, and turns recording back on
 *       for the tests that follow on its thread.</li>
 * </ul>
 *
 * <p>The graphs of a test are those it tracked: the root of every {@code assertThatGraph}, every
 * root given to {@link #track(Node)}, and the node of an {@link AnomalyException} that failed it.
 * All state is per thread, so the extension works under JUnit's parallel execution; a graph built
 * on another thread of the test is not seen.
 */
public final class AutogradExtension implements BeforeEachCallback, AfterEachCallback, TestExecutionExceptionHandler,
        ParameterResolver {

    /** The system property that sets every test's seed. */
    public static final String SEED_PROPERTY = "autograd4j.seed";
    /** The system property that sets the directory reports go to (default {@code target/autograd-reports}). */
    public static final String REPORTS_PROPERTY = "autograd4j.reports.dir";

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(AutogradExtension.class);
    private static final Pattern INVOCATION = Pattern.compile("#(\\d+)]$");

    /** What a test started with, kept in its extension context until it ends. */
    private static final class Run {
        final long seed;
        final boolean recording;
        final List<Debug.Scope> scopes = new ArrayList<>();

        Run(long seed, boolean recording) {
            this.seed = seed;
            this.recording = recording;
        }

        void closeScopes() {
            for (int i = scopes.size() - 1; i >= 0; i--) {
                scopes.get(i).close();
            }
        }
    }

    /** Made by JUnit, from {@code @ExtendWith} or {@link AutogradTest}. */
    public AutogradExtension() {
    }

    /**
     * Tracks the graph below {@code root} for the test running on this thread, so that a failure's
     * report shows it; does nothing outside a test run with this extension.
     *
     * @param root a {@code Value} or a {@code Tensor}
     */
    public static void track(Node root) {
        TestState.track(Objects.requireNonNull(root, "AutogradExtension.track: root is null"));
    }

    /**
     * Seeds the generator, turns on the debugging switches and starts tracking, on the test's thread.
     *
     * @param context the test's context
     */
    @Override
    public void beforeEach(ExtensionContext context) {
        AutogradTest settings = settings(context);
        Run run = new Run(seed(context), Grad.isEnabled());
        Generator.manualSeed(run.seed);
        if (settings == null || settings.detectAnomalies()) {
            run.scopes.add(Debug.detectAnomalies());
        }
        if (settings == null || settings.recordSites()) {
            run.scopes.add(Debug.recordSites());
        }
        TestState.begin();
        context.getStore(NAMESPACE).put(Run.class, run);
        context.publishReportEntry("autograd4j.seed", Long.toString(run.seed));
    }

    /**
     * Turns the switches off and fails the test if it left recording off.
     *
     * @param context the test's context
     */
    @Override
    public void afterEach(ExtensionContext context) {
        Run run = context.getStore(NAMESPACE).remove(Run.class, Run.class);
        try {
            run.closeScopes();
        } finally {
            TestState.end();
        }
        if (run.recording && !Grad.isEnabled()) {
            // the leaked scope cannot be closed from here; an enabled one over it, left open on purpose,
            // lets the tests that follow on this thread record again
            Grad.enabled();
            throw new AssertionFailedError("the test left a Grad.disabled() scope open on thread '"
                    + Thread.currentThread().getName() + "', so recording stayed off after it; close every scope it opens"
                    + " (try (var off = Grad.disabled()) { ... }); recording is back on for the tests that follow");
        }
    }

    /**
     * Writes the graph report of the failing test and rethrows its failure with the seed and the report's path.
     *
     * @param context the test's context
     * @param failure what the test threw
     * @throws Throwable the failure, with the seed and where the report is; an aborted test's as it was
     */
    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        Run run = context.getStore(NAMESPACE).get(Run.class, Run.class);
        if (failure instanceof TestAbortedException || failure instanceof VirtualMachineError || run == null) {
            throw failure;
        }
        run.closeScopes(); // the report's rule checks step across domain edges, which anomaly detection would stop
        String note = "\n[autograd4j] seed " + run.seed + " (rerun with -D" + SEED_PROPERTY + "=" + run.seed + "); "
                + reports(context, failure);
        throw withNote(failure, note);
    }

    /**
     * True for a {@code java.util.Random} parameter.
     *
     * @param parameter the parameter
     * @param context   the test's context
     * @return whether it is a {@code Random}
     */
    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Random.class;
    }

    /**
     * A {@code Random} seeded with the test's seed.
     *
     * @param parameter the parameter
     * @param context   the test's context
     * @return a new generator
     */
    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return new Random(seed(context));
    }

    /** The test's seed: its annotation's, the system property's, or one derived from its unique id. */
    static long seed(ExtensionContext context) {
        AutogradTest settings = settings(context);
        String given = settings != null && !settings.seed().isEmpty() ? settings.seed() : System.getProperty(SEED_PROPERTY);
        if (given != null && !given.isBlank()) {
            try {
                return Long.parseLong(given.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("AutogradExtension: the seed '" + given + "' is not a decimal long", e);
            }
        }
        long h = 1125899906842597L;
        for (char c : context.getUniqueId().toCharArray()) {
            h = 31 * h + c;
        }
        return h;
    }

    /** The {@link AutogradTest} of the test method, else of its class or an enclosing class; null when none. */
    private static AutogradTest settings(ExtensionContext context) {
        List<AnnotatedElement> places = new ArrayList<>();
        context.getTestMethod().ifPresent(places::add);
        for (Class<?> c = context.getTestClass().orElse(null); c != null; c = c.getEnclosingClass()) {
            places.add(c);
        }
        for (AnnotatedElement place : places) {
            Optional<AutogradTest> found = AnnotationSupport.findAnnotation(place, AutogradTest.class);
            if (found.isPresent()) {
                return found.get();
            }
        }
        return null;
    }

    /** Writes the reports of the test's graphs and says where they are. */
    private static String reports(ExtensionContext context, Throwable failure) {
        List<Node> roots = new ArrayList<>();
        AnomalyException anomaly = anomaly(failure);
        if (anomaly != null && anomaly.node() != null) {
            roots.add(anomaly.node());
        }
        TestState state = TestState.current();
        if (state != null) {
            state.roots().stream().filter(r -> roots.stream().noneMatch(known -> known == r)).forEach(roots::add);
        }
        if (roots.isEmpty()) {
            return "no graph report: the test tracked no graph (assertThatGraph(root) and AutogradExtension.track(root)"
                    + " track one; an AnomalyException names its node)";
        }
        Path dir = Path.of(System.getProperty(REPORTS_PROPERTY, "target/autograd-reports"))
                .resolve(context.getRequiredTestClass().getName()).toAbsolutePath();
        String title = context.getRequiredTestClass().getSimpleName() + "." + context.getDisplayName() + ": "
                + failure.toString().lines().findFirst().orElse("");
        List<String> written = new ArrayList<>();
        try {
            Files.createDirectories(dir);
            for (int k = 0; k < roots.size(); k++) {
                Path file = dir.resolve(fileName(context, k));
                GraphReport report = GraphReport.of(Graph.of(roots.get(k))).title(title);
                (anomaly != null && k == 0 && roots.get(0) == anomaly.node() ? report.anomaly(anomaly) : report).writeHtml(file);
                written.add(file.toString());
            }
        } catch (IOException | RuntimeException e) {
            return "the graph report could not be written to " + dir + ": " + e + (written.isEmpty() ? "" : "; written: " + written);
        }
        return (written.size() == 1 ? "graph report: " : "graph reports: ") + String.join(", ", written);
    }

    /** {@code method.html}, {@code method-2.html} for a second graph, {@code method-3-2.html} for a third invocation's. */
    private static String fileName(ExtensionContext context, int k) {
        String name = context.getTestMethod().map(m -> m.getName()).orElse("test");
        Matcher invocation = INVOCATION.matcher(context.getUniqueId());
        if (invocation.find()) {
            name += "-" + invocation.group(1);
        }
        return name + (k == 0 ? "" : "-" + (k + 1)) + ".html";
    }

    private static AnomalyException anomaly(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof AnomalyException a) {
                return a;
            }
        }
        return null;
    }

    /** {@code failure} with {@code note} after its message: an opentest4j failure, expected and actual kept. */
    private static AssertionFailedError withNote(Throwable failure, String note) {
        AssertionFailedError noted;
        if (failure instanceof AssertionFailedError a && a.isExpectedDefined() && a.isActualDefined()) {
            noted = new AssertionFailedError(Objects.toString(a.getMessage(), "") + note, a.getExpected().getValue(),
                    a.getActual().getValue(), a.getCause());
        } else if (failure instanceof AssertionError) {
            noted = new AssertionFailedError(Objects.toString(failure.getMessage(), "") + note, failure.getCause());
        } else {
            return new AssertionFailedError(failure + note, failure);
        }
        noted.setStackTrace(failure.getStackTrace());
        for (Throwable s : failure.getSuppressed()) {
            noted.addSuppressed(s);
        }
        return noted;
    }
}
