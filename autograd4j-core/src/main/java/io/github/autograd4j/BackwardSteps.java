package io.github.autograd4j;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A backward pass performed one node at a time, in the order {@code backward()} uses: each
 * {@link #next()} runs one rule and describes it. Exhausting the iterator (or {@link #finish()})
 * leaves exactly the state {@code backward()} would. Until then the pass holds the graph's leaves
 * for this thread (a pass on another thread into one of them waits): finish it, or {@link #close()}
 * it when stopping early.
 *
 * <pre>{@code
 * BackwardSteps<Value, Double> steps = loss.backwardSteps();
 * BackwardStep<Value, Double> first = steps.next();   // the loss's own rule
 * assertEquals(1.0, first.upstream());
 * steps.finish();
 * }</pre>
 *
 * @param <N> {@link Value} or {@link Tensor}
 * @param <G> the gradient's type: {@code Double} or {@code Tensor}
 */
public final class BackwardSteps<N extends Node, G> implements Iterator<BackwardStep<N, G>>, AutoCloseable {

    /** Runs one node's rule and describes what it did. */
    @FunctionalInterface
    interface Stepper<N extends Node, G> {
        BackwardStep<N, G> step(N node, boolean createGraph);
    }

    private final BackwardPass pass;
    private final Stepper<N, G> stepper;
    private final boolean retainGraph;
    private Node pending;
    private boolean ended;

    BackwardSteps(BackwardPass pass, Stepper<N, G> stepper, boolean retainGraph) {
        this.pass = pass;
        this.stepper = stepper;
        this.retainGraph = retainGraph;
    }

    /** True while a rule is left to run; ends the pass when none is. */
    @Override
    public boolean hasNext() {
        if (pending == null && !ended) {
            pending = pass.nextInterior();
            if (pending == null) {
                ended = true;
                pass.end(retainGraph);
            }
        }
        return pending != null;
    }

    /** Runs the next rule. */
    @Override
    @SuppressWarnings("unchecked")
    public BackwardStep<N, G> next() {
        if (!hasNext()) {
            throw new NoSuchElementException("backwardSteps: the pass is over; every rule has run");
        }
        N node = (N) pending;
        pending = null;
        try {
            return stepper.step(node, pass.createGraph());
        } catch (RuntimeException | Error e) {
            close();
            throw e;
        }
    }

    /**
     * Stops the pass here without running the remaining rules (a no-op once it is over): the nodes
     * keep what reached them so far, and the leaves are given back, so that passes on other threads
     * that share them may run. Use try-with-resources when a test may stop stepping early.
     */
    @Override
    public void close() {
        if (!ended) {
            ended = true;
            pending = null;
            pass.release();
        }
    }

    /**
     * Runs every remaining rule and returns their descriptions.
     *
     * @return the steps run, in order; empty when none remained
     */
    public List<BackwardStep<N, G>> toList() {
        List<BackwardStep<N, G>> steps = new ArrayList<>();
        forEachRemaining(steps::add);
        return steps;
    }

    /** Runs every remaining rule, ending the pass. */
    public void finish() {
        while (hasNext()) {
            next();
        }
    }

    /**
     * The remaining steps as a sequential stream (each element runs one rule).
     *
     * @return a stream that runs the rules as it is consumed
     */
    public Stream<BackwardStep<N, G>> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(this, Spliterator.ORDERED | Spliterator.NONNULL), false);
    }
}
