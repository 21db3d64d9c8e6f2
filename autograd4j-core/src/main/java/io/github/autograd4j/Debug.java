package io.github.autograd4j;

import java.security.CodeSource;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Debugging switches, per thread and off by default: recording the line of user code that made
 * each node ({@link #recordSites()}), and anomaly detection ({@link #detectAnomalies()}), which
 * throws an {@link AnomalyException} at the first operation whose forward result or backward
 * contribution holds NaN or an infinity. While no switch is on anywhere, each operation pays one
 * read of a counter; stack walks happen only while a switch is on.
 *
 * <pre>{@code
 * try (var a = Debug.detectAnomalies()) {
 *     loss.backward();   // throws AnomalyException naming the op and the line that made it
 * }
 * }</pre>
 */
public final class Debug {

    /** Scopes open on any thread: while 0, no thread-local look-up is made. */
    private static final AtomicInteger OPEN = new AtomicInteger();
    private static final ThreadLocal<int[]> DEPTHS = ThreadLocal.withInitial(() -> new int[3]);
    private static final int SITES = 0;
    private static final int ANOMALIES = 1;
    /** Tensor backward rules running: their own operations are not checked as a forward, see {@link #runningRule()}. */
    private static final int RULES = 2;
    private static final StackWalker WALKER = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

    private Debug() {
    }

    /**
     * Records, for nodes made on this thread until the scope closes, the line of user code that
     * made them.
     *
     * @return the scope, to close (try-with-resources) on this thread
     */
    public static Scope recordSites() {
        return new Scope(SITES);
    }

    /**
     * Turns anomaly detection on for this thread until the scope closes (site recording comes with
     * it).
     *
     * @return the scope, to close (try-with-resources) on this thread
     */
    public static Scope detectAnomalies() {
        return new Scope(ANOMALIES);
    }

    /** True when some switch is on on some thread: the one check operations make on their fast path. */
    static boolean active() {
        return OPEN.get() != 0;
    }

    /**
     * Marks a tensor backward rule as running on this thread, while anomalies are detected: a
     * non-finite value its operations make is then reported by the backward check, as what the
     * rule sent to an input, not as a forward anomaly of an anonymous intermediate.
     */
    static Scope runningRule() {
        return new Scope(RULES);
    }

    static boolean anomaliesOn() {
        return OPEN.get() != 0 && DEPTHS.get()[ANOMALIES] > 0;
    }

    /** After a node is made, while {@link #active()}: records its site and checks its value. */
    static void afterForward(Node node, double[] values) {
        int[] depths = DEPTHS.get();
        if (depths[SITES] > 0 || depths[ANOMALIES] > 0) {
            node.setSite(userFrame());
        }
        if (depths[ANOMALIES] > 0 && depths[RULES] == 0 && !allFinite(values)) {
            throw AnomalyException.forward(node);
        }
    }

    static boolean allFinite(double[] values) {
        for (double v : values) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    /** The first stack frame outside the library's own classes (and the JDK's): the user's line. */
    private static StackTraceElement userFrame() {
        return WALKER.walk(frames -> frames
                .filter(f -> {
                    Class<?> c = f.getDeclaringClass();
                    boolean jdk = c.getName().startsWith("java.") || c.getName().startsWith("jdk.");
                    return !jdk && !LibraryCode.SOURCES.contains(c.getProtectionDomain().getCodeSource());
                })
                .findFirst()
                .map(StackWalker.StackFrame::toStackTraceElement)
                .orElse(null));
    }

    /**
     * Where the library's classes come from: autograd4j-core's jar (or classes directory) and, when it
     * is on the class path, autograd4j-nn's, found by a class name so that core does not depend on nn.
     * A layer made by nn's {@code Linear} is then reported at the user's line, not inside Linear.
     */
    private static final class LibraryCode {
        static final Set<CodeSource> SOURCES = find();

        private static Set<CodeSource> find() {
            Set<CodeSource> sources = new HashSet<>();
            sources.add(Node.class.getProtectionDomain().getCodeSource());
            try {
                Class<?> nn = Class.forName("io.github.autograd4j.nn.Module", false, Node.class.getClassLoader());
                sources.add(nn.getProtectionDomain().getCodeSource());
            } catch (ClassNotFoundException | LinkageError e) {
                // nn is not on the class path: core alone is the library
            }
            sources.remove(null);
            return Collections.unmodifiableSet(sources);
        }
    }

    /**
     * A switch held on for a block; {@link #close()} turns it back. Scopes of one kind count: the
     * switch is on while any of them is open on the thread, so closing them in any order is exact.
     */
    public static final class Scope implements AutoCloseable {
        private static final String[] NAMES = {"Debug.recordSites()", "Debug.detectAnomalies()", "Debug.runningRule()"};

        private final int kind;
        private final int[] depths = DEPTHS.get();
        private final Thread owner = Thread.currentThread();
        private boolean closed;

        private Scope(int kind) {
            this.kind = kind;
            depths[kind]++;
            OPEN.incrementAndGet();
        }

        /**
         * Turns the switch back; a second call does nothing.
         *
         * @throws IllegalStateException when called on another thread than the one that opened the
         *                               scope (nothing changes then)
         */
        @Override
        public void close() {
            if (closed) {
                return;
            }
            if (Thread.currentThread() != owner) {
                throw new IllegalStateException(NAMES[kind] + ": the scope was opened on thread '" + owner.getName()
                        + "' and cannot be closed on another; close it on the thread that opened it");
            }
            closed = true;
            depths[kind]--;
            OPEN.decrementAndGet();
        }
    }
}
