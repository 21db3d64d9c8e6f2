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
    private static final Node[] NONE = new Node[0];

    private final Node[] order;
    /** The leaves that receive gradient, each once, held by this pass until it ends. */
    private final Node[] leaves;
    /** Whether some node asked for {@link Node#endPass} (a scalar graph without hooks does not). */
    private final boolean ending;
    private final boolean createGraph;
    private boolean released;
    private int next;

    /**
     * Orders the graph below {@code root}, checks that every node can still back-propagate,
     * takes the leaves (waiting while a pass on another thread holds one of them), and starts the
     * pass on each node (clearing interior gradient buffers); the caller then seeds the root's
     * gradient and calls {@link #step()} until it returns null, then {@link #end}. Nothing is
     * changed when the check fails.
     */
    BackwardPass(Node root, boolean createGraph) {
        long epoch = EPOCHS.incrementAndGet();
        Traversal traversal = new Traversal(false, true);
        this.order = traversal.order(root, epoch);
        this.createGraph = createGraph;
        this.leaves = LeafHolds.acquire(traversal.leaves(), epoch);
        boolean anyEnding = (traversal.answers & Node.NEEDS_END) != 0;
        try {
            if ((traversal.answers & Node.START_LATER) != 0) {
                for (Node node : order) {
                    anyEnding |= node.startPass();
                }
            }
            for (Node leaf : leaves) {
                anyEnding |= leaf.startPass();
            }
        } catch (RuntimeException | Error e) {
            release();
            throw e;
        }
        this.ending = anyEnding;
        this.next = order.length - 1;
    }

    /** Whether the rules of this pass are recorded. */
    boolean createGraph() {
        return createGraph;
    }

    /** The next node whose rule is due (outputs before inputs), without running it; null when none is left. */
    Node nextInterior() {
        return next >= 0 ? order[next--] : null;
    }

    /** Runs the backward rule of the next node; null when none is left. */
    Node step() {
        Node node = nextInterior();
        if (node != null) {
            node.propagate(createGraph);
        }
        return node;
    }

    /**
     * Ends the pass: runs the leaves' hooks and frees what the rules saved unless the graph is
     * retained (skipped when no node asked), then lets other threads' passes take the leaves.
     */
    void end(boolean retainGraph) {
        try {
            if (ending) {
                for (Node node : order) {
                    node.endPass(retainGraph);
                }
                for (Node leaf : leaves) {
                    leaf.endPass(retainGraph);
                }
            }
        } finally {
            release();
        }
    }

    /** Lets go of the leaves without ending the pass: after a rule threw, or when stepping stops early. */
    void release() {
        if (!released) {
            released = true;
            LeafHolds.release(leaves);
        }
    }

    /** Runs every remaining rule, then ends the pass; lets go of the leaves if a rule throws. */
    void finish(boolean retainGraph) {
        try {
            while (step() != null) {
                // each step does its work
            }
        } catch (RuntimeException | Error e) {
            release();
            throw e;
        }
        end(retainGraph);
    }

    /**
     * The nodes below {@code root}, each after all of its inputs, the root last; in a
     * deterministic order (depth first, inputs in order). Only nodes that need a gradient
     * unless {@code everyNode}, which adds constants (for inspecting a graph).
     */
    static Node[] topologicalOrder(Node root, boolean everyNode) {
        return new Traversal(everyNode, false).order(root, EPOCHS.incrementAndGet());
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
        private Node[] leaves = NONE;
        private int leafCount;

        /**
         * @param everyNode include constants (for views) rather than only nodes that need a gradient
         * @param entering  enter each interior node into a backward pass ({@link Node#enterPass}) as it is
         *                  ordered, and list the leaves apart ({@link #leaves()}) rather than in the order
         */
        Traversal(boolean everyNode, boolean entering) {
            this.everyNode = everyNode;
            this.entering = entering;
        }

        /** The leaves met while entering (a leaf shared with a pass on another thread may be listed twice). */
        Node[] leaves() {
            return Arrays.copyOf(leaves, leafCount);
        }

        Node[] order(Node root, long epoch) {
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
                    if (entering && node.isLeaf()) {
                        if (leafCount == leaves.length) {
                            leaves = Arrays.copyOf(leaves, Math.max(16, leafCount * 2));
                        }
                        leaves[leafCount++] = node;
                        continue;
                    }
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
