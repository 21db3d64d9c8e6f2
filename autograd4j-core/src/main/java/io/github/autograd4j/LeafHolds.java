package io.github.autograd4j;

import java.util.Arrays;
import java.util.concurrent.locks.LockSupport;

/**
 * Takes the leaves of a backward pass for its thread, all or none, so that passes on several
 * threads into one shared leaf (a parameter trained by several threads, as in Hogwild) add their
 * gradients one pass at a time and none is lost. A leaf costs one compare-and-set per pass, not
 * one per gradient it receives, which keeps the scalar engine's hot path free of atomics.
 *
 * <p>All or none, then wait: a pass that finds a leaf held by another thread gives back what it
 * took and waits before trying again, so two passes never each hold what the other waits for.
 */
final class LeafHolds {

    private LeafHolds() {
    }

    /** Takes every leaf of {@code candidates} for the pass {@code epoch}; returns them without duplicates. */
    static Node[] acquire(Node[] candidates, long epoch) {
        Node[] held = new Node[candidates.length];
        for (int attempt = 0; ; attempt++) {
            int count = 0;
            boolean busy = false;
            for (Node leaf : candidates) {
                int answer = leaf.acquireForPass(epoch);
                if (answer == Node.ACQUIRED) {
                    held[count++] = leaf;
                } else if (answer == Node.BUSY) {
                    busy = true;
                    break;
                }
            }
            if (!busy) {
                return count == held.length ? held : Arrays.copyOf(held, count);
            }
            release(Arrays.copyOf(held, count));
            backOff(attempt);
        }
    }

    /** Gives back one hold on each of {@code leaves}. */
    static void release(Node[] leaves) {
        for (Node leaf : leaves) {
            leaf.releaseFromPass();
        }
    }

    /** Spins briefly, then yields, then sleeps up to a millisecond: other passes are short or long. */
    private static void backOff(int attempt) {
        if (attempt < 16) {
            Thread.onSpinWait();
        } else if (attempt < 32) {
            Thread.yield();
        } else {
            LockSupport.parkNanos(Math.min(1_000_000L, 1_000L << Math.min(10, attempt - 32)));
        }
    }
}
