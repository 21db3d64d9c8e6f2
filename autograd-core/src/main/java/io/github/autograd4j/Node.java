package io.github.autograd4j;

/**
 * A vertex of a computation graph: the common base of {@link Value} (a scalar) and, later,
 * tensors. A node knows the operation that made it and its inputs; the backward pass
 * ({@link BackwardPass}) walks nodes through this type only, so scalar and tensor graphs share
 * one traversal.
 *
 * <p>Nodes are immutable apart from their gradient (and the data of a leaf, which optimisers
 * update). A graph is not thread-safe: build and back-propagate it on one thread at a time.
 */
public abstract class Node {

    /** Traversal epoch of the last backward pass that visited this node (see BackwardPass). */
    long visitMark;

    Node() {
    }

    /** The name of the operation that made this node, e.g. {@code "mul"}; {@code "leaf"} for inputs. */
    public abstract String opName();

    /** How many inputs the operation that made this node had; 0 for a leaf or a constant. */
    public abstract int inputCount();

    /**
     * The {@code i}-th input of the operation that made this node.
     *
     * @throws IndexOutOfBoundsException if {@code i} is not in {@code [0, inputCount())}
     */
    public abstract Node input(int i);

    /** True for a node no operation made (a parameter or an input): gradients accumulate here. */
    public abstract boolean isLeaf();

    /** True when a gradient flows to this node: it is a leaf that asked for one or depends on such a leaf. */
    public abstract boolean requiresGrad();

    /** The label given with {@code label(String)}, or {@code null}. */
    public abstract String label();

    /**
     * Throws an {@link IllegalStateException} when this interior node can no longer back-propagate
     * (its saved state was freed by an earlier pass); called for every node before a pass changes anything.
     */
    abstract void checkBackwardAvailable();

    /** Clears an interior node's gradient buffer at the start of a backward pass. */
    abstract void clearGradBuffer();

    /**
     * Sends this node's gradient, multiplied by each local derivative, to its inputs. With
     * {@code createGraph} the rule itself is recorded, so the gradients can be differentiated again.
     */
    abstract void propagate(boolean createGraph);

    /** Called on every node once a pass is over: frees saved state unless {@code retainGraph}. */
    abstract void endPass(boolean retainGraph);
}
