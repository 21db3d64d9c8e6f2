package io.github.autograd4j;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Whether operations record a graph, per thread: recording is on by default, and
 * {@code try (var s = Grad.disabled()) { ... }} turns it off on this thread for the block (for
 * inference and optimiser steps), as PyTorch's {@code torch.no_grad()}. Scopes nest: recording
 * follows the innermost scope open on the thread. Other threads are never affected, and a thread
 * started inside a scope records as usual.
 *
 * <p>A scope is closed on the thread that opened it, innermost first, as try-with-resources does;
 * closing one out of order, or on another thread, throws an {@link IllegalStateException} and
 * changes nothing, so a mistake cannot leave a thread recording (or not) behind its user's back.
 */
public final class Grad {

    /** Scopes that turned recording off, on any thread: while 0, no thread-local look-up is needed. */
    private static final AtomicInteger OPEN_DISABLED = new AtomicInteger();
    /** Per thread, the innermost open scope (null when none is): a slot, so a scope need not look it up again. */
    private static final ThreadLocal<Scope[]> INNERMOST = ThreadLocal.withInitial(() -> new Scope[1]);

    private Grad() {
    }

    /**
     * True when operations on this thread record the graph.
     *
     * @return whether operations made now on this thread record their inputs and rules
     */
    public static boolean isEnabled() {
        if (OPEN_DISABLED.get() == 0) {
            return true;
        }
        Scope innermost = INNERMOST.get()[0];
        return innermost == null || innermost.enabled;
    }

    /**
     * Turns recording off on this thread until the returned scope is closed.
     *
     * @return the scope, to close (try-with-resources) on this thread
     */
    public static Scope disabled() {
        return new Scope(false);
    }

    /**
     * Turns recording on on this thread until the returned scope is closed (inside a disabled
     * scope).
     *
     * @return the scope, to close (try-with-resources) on this thread
     */
    public static Scope enabled() {
        return new Scope(true);
    }

    /** A block with recording set one way; {@link #close()} gives the thread back the scope it was in. */
    public static final class Scope implements AutoCloseable {
        private final Scope[] innermost = INNERMOST.get();
        private final Thread owner = Thread.currentThread();
        private final Scope outer = innermost[0];
        private final boolean enabled;
        private boolean closed;

        private Scope(boolean enabled) {
            this.enabled = enabled;
            if (!enabled) {
                OPEN_DISABLED.incrementAndGet();
            }
            innermost[0] = this;
        }

        /**
         * Ends this scope; a second call does nothing.
         *
         * @throws IllegalStateException when called on another thread than the one that opened the
         *                               scope, or while a scope opened after it on that thread is
         *                               still open (nothing changes then)
         */
        @Override
        public void close() {
            if (closed) {
                return;
            }
            if (Thread.currentThread() != owner) {
                throw new IllegalStateException(name() + ": the scope was opened on thread '" + owner.getName()
                        + "' and cannot be closed on another; close it on the thread that opened it");
            }
            if (innermost[0] != this) {
                throw new IllegalStateException(name() + ": closed while the " + innermost[0].name()
                        + " scope opened after it on this thread is still open; close scopes in the reverse order"
                        + " of opening (try-with-resources does)");
            }
            closed = true;
            innermost[0] = outer;
            if (!enabled) {
                OPEN_DISABLED.decrementAndGet();
            }
        }

        private String name() {
            return enabled ? "Grad.enabled()" : "Grad.disabled()";
        }
    }
}
