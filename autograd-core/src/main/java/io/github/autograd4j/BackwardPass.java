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
    /** Whether some node asked for {@link Node#endPass} (a scalar graph without hooks does not). */
    private final boolean ending;
    private final boolean createGraph;
    private int next;

    /**
     * Orders the graph below {@code root}, checks that every node can still back-propagate, and
     * starts the pass on each node (clearing interior gradient buffers); the caller then seeds the
     * root's gradient and calls {@link #step()} until it returns null, then {@link #end}. Nothing
     * is changed when the check fails.
     */
    BackwardPass(Node root, boolean createGraph) {
        Traversal traversal = new Traversal(false, true);
        this.order = traversal.order(root);
        this.createGraph = createGraph;
        boolean anyEnding = (traversal.answers & Node.NEEDS_END) != 0;
        if ((traversal.answers & Node.START_LATER) != 0) {
            for (Node node : order) {
                anyEnding |= node.startPass();
            }
        }
        this.ending = anyEnding;
        this.next = order.length - 1;
    }

    /** Whether the rules of this pass are recorded. */
    boolean createGraph() {
        return createGraph;
    }

    /** The nodes of this pass, inputs before the nodes made from them. */
    Node[] nodes() {
        return order;
    }

    /** The next node whose rule is due (outputs before inputs), without running it; null when none is left. */
    Node nextInterior() {
        while (next >= 0) {
            Node node = order[next--];
            if (!node.isLeaf()) {
                return node;
            }
        }
        return null;
    }

    /** Runs the backward rule of the next node; null when none is left. */
    Node step() {
        Node node = nextInterior();
        if (node != null) {
            node.propagate(createGraph);
        }
        return node;
    }

    /** Ends the pass: frees what the rules saved unless the graph is retained (skipped when no node asked). */
    void end(boolean retainGraph) {
        if (ending) {
            for (Node node : order) {
                node.endPass(retainGraph);
            }
        }
    }

    /** Runs every remaining rule, then ends the pass. */
    void finish(boolean retainGraph) {
        while (step() != null) {
            // each step does its work
        }
        end(retainGraph);
    }

    /**
     * The nodes below {@code root}, each after all of its inputs, the root last; in a
     * deterministic order (depth first, inputs in order). Only nodes that need a gradient
     * unless {@code everyNode}, which adds constants (for inspecting a graph).
     */
    static Node[] topologicalOrder(Node root, boolean everyNode) {
        return new Traversal(everyNode, false).order(root);
    }

    /**
     * An iterative depth-first post-order over an explicit stack: each node is marked when it is
     * first reached, its inputs are visited in order, and it is emitted after all of them.
     */
    static final class Traversal {
        private final boolean everyNode;
        private final boolean entering;
        /** The union of the nodes' {@link Node#enterPass} answers, when entering. */
        int answers;

        /**
         * @param everyNode include constants (for views) rather than only nodes that need a gradient
         * @param entering  enter each node into a backward pass ({@link Node#enterPass}) as it is ordered
         */
        Traversal(boolean everyNode, boolean entering) {
            this.everyNode = everyNode;
            this.entering = entering;
        }

        Node[] order(Node root) {
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
                    if ((everyNode || in.requiresGrad()) && in.visitMark != epoch) {
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
                    depth--; // the stale slot is not cleared: the stack dies with this call, and a store costs a GC barrier
                    if (entering) {
                        answers |= node.enterPass();
                    }
                    if (size == out.length) {
                        out = Arrays.copyOf(out, size * 2);
                    }
                    out[size++] = node;
                }
            }
            return size == out.length ? out : Arrays.copyOf(out, size);
        }
    }
}
