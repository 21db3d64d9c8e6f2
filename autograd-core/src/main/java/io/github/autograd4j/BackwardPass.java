package io.github.autograd4j;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One reverse-mode pass over the nodes reachable from a root: the only graph traversal in the
 * library, shared by scalars and tensors.
 *
 * <p>The order is found iteratively (an explicit stack, never recursion), and nodes are marked
 * visited with a per-pass epoch number stored on the node rather than in a hash set, so a chain
 * or lattice of millions of nodes is ordered in linear time and constant stack depth. Epochs come
 * from one global counter, so passes on different threads never mistake each other's marks.
 */
final class BackwardPass {

    private static final AtomicLong EPOCHS = new AtomicLong();

    private final Node[] order;
    private final boolean createGraph;
    private int next;

    /**
     * Orders the graph below {@code root}, checks that every node can still back-propagate, and
     * clears the gradient buffers of its interior nodes; the caller then seeds the root's gradient
     * and calls {@link #step()} until it returns null. Nothing is changed when the check fails.
     */
    BackwardPass(Node root, boolean createGraph) {
        this.order = topologicalOrder(root);
        this.createGraph = createGraph;
        for (Node node : order) {
            node.checkBackwardAvailable();
        }
        for (Node node : order) {
            if (!node.isLeaf()) {
                node.clearGradBuffer();
            }
        }
        this.next = order.length - 1;
    }

    /** The nodes of this pass, inputs before the nodes made from them. */
    Node[] nodes() {
        return order;
    }

    /** Runs the backward rule of the next node (outputs before inputs); null when none is left. */
    Node step() {
        while (next >= 0) {
            Node node = order[next--];
            if (!node.isLeaf()) {
                node.propagate(createGraph);
                return node;
            }
        }
        return null;
    }

    /** Runs every remaining rule, then frees what the rules saved unless the graph is retained. */
    void finish(boolean retainGraph) {
        while (step() != null) {
            // each step does its work
        }
        for (Node node : order) {
            node.endPass(retainGraph);
        }
    }

    /** The nodes that need a gradient, each after all of its inputs; the root comes last. */
    static Node[] topologicalOrder(Node root) {
        long epoch = EPOCHS.incrementAndGet();
        Node[] out = new Node[64];
        int size = 0;
        Node[] stack = new Node[64];
        int[] nextInput = new int[64];
        int depth = 0;
        root.visitMark = epoch;
        stack[depth++] = root;
        while (depth > 0) {
            Node node = stack[depth - 1];
            int i = nextInput[depth - 1];
            if (i < node.inputCount()) {
                nextInput[depth - 1] = i + 1;
                Node in = node.input(i);
                if (in.requiresGrad() && in.visitMark != epoch) {
                    in.visitMark = epoch;
                    if (depth == stack.length) {
                        stack = Arrays.copyOf(stack, depth * 2);
                        nextInput = Arrays.copyOf(nextInput, depth * 2);
                    }
                    stack[depth] = in;
                    nextInput[depth] = 0;
                    depth++;
                }
            } else {
                stack[--depth] = null;
                if (size == out.length) {
                    out = Arrays.copyOf(out, size * 2);
                }
                out[size++] = node;
            }
        }
        return size == out.length ? out : Arrays.copyOf(out, size);
    }
}
