package io.github.autograd4j;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Whether operations record a graph, per thread: recording is on by default, and
 * {@code try (var s = Grad.disabled()) { ... }} turns it off on this thread for the block (for
 * inference and optimiser steps), as PyTorch's {@code torch.no_grad()}. Scopes nest; closing
 * one restores the state it found. Other threads are never affected, and a thread started inside
 * a scope records as usual.
 */
public final class Grad {

    /** Scopes that turned recording off, on any thread: while 0, no thread-local look-up is needed. */
    private static final AtomicInteger OPEN_DISABLED = new AtomicInteger();
    private static final ThreadLocal<boolean[]> ENABLED = ThreadLocal.withInitial(() -> new boolean[] {true});

    private Grad() {
    }

    /** True when operations on this thread record the graph. */
    public static boolean isEnabled() {
        return OPEN_DISABLED.get() == 0 || ENABLED.get()[0];
    }

    /** Turns recording off on this thread until the returned scope is closed. */
    public static Scope disabled() {
        return new Scope(false);
    }

    /** Turns recording on on this thread until the returned scope is closed (inside a disabled scope). */
    public static Scope enabled() {
        return new Scope(true);
    }

    /** A block with recording set one way; {@link #close()} restores what was there before. */
    public static final class Scope implements AutoCloseable {
        private final boolean[] state = ENABLED.get();
        private final boolean previous = state[0];
        private final boolean counted;
        private boolean closed;

        private Scope(boolean enabled) {
            counted = !enabled;
            if (counted) {
                OPEN_DISABLED.incrementAndGet();
            }
            state[0] = enabled;
        }

        /** Restores the recording state this scope found; a second call does nothing. */
        @Override
        public void close() {
            if (closed) {
                return;
            }
            closed = true;
            state[0] = previous;
            if (counted) {
                OPEN_DISABLED.decrementAndGet();
            }
        }
    }
}
