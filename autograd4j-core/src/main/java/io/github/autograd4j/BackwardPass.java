package io.github.autograd4j;

import java.util.concurrent.atomic.AtomicLong;

/**
 * One reverse-mode pass over the nodes reachable from a root: the only graph traversal in the
 * library, shared by scalars and tensors.
 *
 * <p>The order is found iteratively (an explicit stack, never recursion, kept in chunks), and
 * nodes are marked visited with per-pass numbers stored on the node rather than in a hash set, so
 * a chain or lattice of millions of nodes is ordered in linear time and constant stack depth, and
 * held in chunks rather than in arrays copied as they grow. Pass numbers come from one global
 * counter, so passes on different threads never mistake each other's marks.
 */
final class BackwardPass {

    private static final AtomicLong EPOCHS = new AtomicLong();

    /** The interior nodes in post-order (each after its inputs), the root last. */
    private final NodeChunks order;
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
                for (int i = 0; i < order.size(); i++) {
                    anyEnding |= order.get(i).startPass();
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
        this.next = order.size() - 1;
    }

    /** Whether the rules of this pass are recorded. */
    boolean createGraph() {
        return createGraph;
    }

    /** The next node whose rule is due (outputs before inputs), without running it; null when none is left. */
    Node nextInterior() {
        return next >= 0 ? order.get(next--) : null;
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
                for (int i = 0; i < order.size(); i++) {
                    order.get(i).endPass(retainGraph);
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
        return new Traversal(everyNode, false).order(root, EPOCHS.incrementAndGet()).toArray();
    }

    /**
     * An iterative depth-first post-order over an explicit stack. A node is expanded when it first
     * comes to the top: it is marked entered, and its inputs not yet done are pushed above it, the
     * first input on top (all of them at once, so that reading them overlaps their cache misses);
     * it is done, and emitted, when it comes back to the top after all of them, or at once when
     * none was pushed. An input pushed twice before its first copy was expanded is done when its
     * second copy comes up, and skipped. A node's state lives in its {@link Node#visitMark}: two
     * numbers per pass (entered, done), larger than any earlier pass's, so no flags are kept
     * beside the stack and no mark is ever cleared. In a graph without cycles an input is never
     * found entered (on the stack below).
     */
    static final class Traversal {
        private final boolean everyNode;
        private final boolean entering;
        /** The union of the nodes' {@link Node#enterPass} answers, when entering. */
        int answers;
        private final NodeChunks leaves = new NodeChunks();

        /**
         * @param everyNode include constants (for views) rather than only nodes that need a gradient
         * @param entering  enter each interior node into a backward pass ({@link Node#enterPass}) as it is
         *                  expanded, and list the leaves apart ({@link #leaves()}) rather than in the order
         */
        Traversal(boolean everyNode, boolean entering) {
            this.everyNode = everyNode;
            this.entering = entering;
        }

        /** The leaves met while entering (a leaf shared with a pass on another thread may be listed twice). */
        Node[] leaves() {
            return leaves.toArray();
        }

        /** The nodes below {@code root} in post-order, for the pass numbered {@code pass}. */
        NodeChunks order(Node root, long pass) {
            long entered = 2 * pass;
            long done = entered + 1;
            NodeChunks out = new NodeChunks();
            NodeChunks path = new NodeChunks();
            Node[] stack = path.chunk;
            stack[0] = root;
            int top = 1;
            while (top > 0) {
                Node node = stack[top - 1];
                long mark = node.visitMark;
                if (mark != entered && mark != done) {
                    if (entering && node.isLeaf()) {
                        node.visitMark = done;
                        leaves.add(node);
                        mark = done;
                    } else {
                        node.visitMark = entered;
                        if (entering) {
                            answers |= node.enterPass();
                        }
                        boolean pushed = false;
                        for (int i = node.inputCount() - 1; i >= 0; i--) {
                            Node in = node.input(i);
                            if (in.visitMark != done && (everyNode || in.requiresGrad())) {
                                if (top == stack.length) {
                                    path.fill = top;
                                    path.grow();
                                    stack = path.chunk;
                                    top = path.fill;
                                }
                                stack[top++] = in;
                                pushed = true;
                            }
                        }
                        if (pushed) {
                            continue;
                        }
                        mark = entered;
                    }
                }
                if (mark == entered) {
                    node.visitMark = done;
                    out.add(node);
                }
                if (--top == 0) {
                    path.fill = 0;
                    if (path.shrink()) {
                        stack = path.chunk;
                        top = path.fill;
                        path.passSpareTo(out);
                    }
                }
            }
            return out;
        }
    }
}
