package io.github.autograd4j;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.List;
import java.util.Optional;

/**
 * A vertex of a computation graph: the common base of {@link Value} (a scalar) and
 * {@link Tensor} (an n-d array). A node knows the operation that made it and its inputs; the backward pass
 * ({@link BackwardPass}) walks nodes through this type only, so scalar and tensor graphs share
 * one traversal.
 *
 * <p>Nodes are immutable apart from their gradient (and the data of a leaf, which optimisers
 * update). A graph is not thread-safe: build and back-propagate it on one thread at a time.
 */
public abstract class Node {

    /** Where the last walk that reached this node left it: entered or done, as numbers of that walk (see BackwardPass.Traversal). */
    long visitMark;

    /** What few nodes carry (label, creation site, gradient hooks); null while none is set. */
    private Extras extras;

    /**
     * The parts of a node that most nodes never set, kept in a side object so that a scalar node
     * stays at 64 bytes (on a JVM with compressed pointers): a graph of millions of them is
     * walked on every backward pass, and memory traffic is what that walk costs.
     */
    private static final class Extras {
        String label;
        StackTraceElement site;
        GradHooks<?> hooks;
        /** The thread whose backward passes hold this leaf, or null: see {@link #acquireForPass}. */
        volatile Thread passOwner;
        /** How many passes of {@link #passOwner} hold this leaf (a pass nested in a hook adds one). */
        int passHolds;
        /** The epoch of the pass that last acquired this leaf: a second acquisition by it is a duplicate. */
        long passEpoch;
    }

    private static final VarHandle EXTRAS;
    private static final VarHandle PASS_OWNER;

    static {
        try {
            EXTRAS = MethodHandles.lookup().findVarHandle(Node.class, "extras", Extras.class);
            PASS_OWNER = MethodHandles.lookup().findVarHandle(Extras.class, "passOwner", Thread.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    Node() {
    }

    /** The side object, made on first use; atomically, as passes on two threads may reach a shared leaf at once. */
    private Extras extras() {
        Extras e = extras;
        if (e == null) {
            e = new Extras();
            if (!EXTRAS.compareAndSet(this, null, e)) {
                e = extras;
            }
        }
        return e;
    }

    /** {@link #acquireForPass}: the pass now holds this leaf. */
    static final int ACQUIRED = 0;
    /** {@link #acquireForPass}: the pass already held this leaf (it was reached twice). */
    static final int DUPLICATE = 1;
    /** {@link #acquireForPass}: a pass on another thread holds this leaf. */
    static final int BUSY = 2;

    /**
     * Tries to take this leaf for the backward pass {@code epoch} on this thread, so that passes on
     * several threads that share it add their gradients one pass at a time and never lose one. A
     * thread may hold a leaf more than once (a pass started inside a hook of another).
     */
    final int acquireForPass(long epoch) {
        Extras e = extras();
        Thread me = Thread.currentThread();
        if (e.passOwner == me) {
            if (e.passEpoch == epoch) {
                return DUPLICATE;
            }
        } else if (!PASS_OWNER.compareAndSet(e, null, me)) {
            return BUSY;
        }
        e.passHolds++;
        e.passEpoch = epoch;
        return ACQUIRED;
    }

    /** Gives back one hold of {@link #acquireForPass}; the last one frees the leaf for other threads. */
    final void releaseFromPass() {
        Extras e = extras;
        if (--e.passHolds == 0) {
            e.passEpoch = 0;
            e.passOwner = null;
        }
    }

    /** Where user code made this node, while {@link Debug} records sites; otherwise null. */
    final StackTraceElement site() {
        return extras == null ? null : extras.site;
    }

    final void setSite(StackTraceElement site) {
        extras().site = site;
    }

    final void setLabel(String label) {
        extras().label = label;
    }

    /** This node's gradient hooks, or null when it has none. */
    @SuppressWarnings("unchecked") // each subclass adds hooks of its own gradient type only
    final <G> GradHooks<G> hooks() {
        return extras == null ? null : (GradHooks<G>) extras.hooks;
    }

    /** This node's gradient hooks, made empty first if it has none. */
    final <G> GradHooks<G> hooksToAddTo() {
        Extras e = extras();
        if (e.hooks == null) {
            e.hooks = new GradHooks<G>();
        }
        return hooks();
    }

    final void removeHooks() {
        if (extras != null) {
            extras.hooks = null;
        }
    }

    /**
     * Every node this one was made from, this one included, each after its inputs and this one
     * last, constants included: the order a graph view lists them in. Deterministic for the same
     * code; iterative, so any depth works.
     *
     * @return a new list, inputs before the nodes made from them and this node last
     */
    public final List<Node> topologicalOrder() {
        return List.of(BackwardPass.topologicalOrder(this, true));
    }

    /**
     * The shape of this node's value: {@link Shape#scalar()} for a {@link Value}.
     *
     * @return the shape
     */
    public abstract Shape shape();

    /**
     * This node's value for people: the number, or a tensor's values (a summary when large).
     *
     * @return the text, never null
     */
    public abstract String dataSummary();

    /**
     * This node's gradient for people, or null when it has none.
     *
     * @return the text, or null when no gradient has reached this node
     */
    public abstract String gradSummary();

    /**
     * The name of the operation that made this node, e.g. {@code "mul"}; {@code "leaf"} for inputs.
     *
     * @return the name, never null
     */
    public abstract String opName();

    /**
     * How many inputs the operation that made this node had; 0 for a leaf or a constant.
     *
     * @return the count, 0 or more
     */
    public abstract int inputCount();

    /**
     * The {@code i}-th input of the operation that made this node.
     *
     * @param i the position among the inputs, from 0 to {@code inputCount() - 1}
     * @return that input, in the order the operation took them
     * @throws IndexOutOfBoundsException if {@code i} is not in {@code [0, inputCount())}
     */
    public abstract Node input(int i);

    /**
     * A check of this node's own backward rule against finite differences of its operation, at
     * its current inputs; empty when the node has no rule to check (a leaf) or cannot be re-run.
     *
     * @return the check, not yet run, or empty
     */
    public abstract Optional<GradCheck> ruleCheck();

    /**
     * True for a node no operation made (a parameter or an input): gradients accumulate here.
     *
     * @return whether no operation made this node
     */
    public abstract boolean isLeaf();

    /**
     * True when a gradient flows to this node: it is a leaf that asked for one or depends on such a
     * leaf.
     *
     * @return whether a backward pass reaches this node
     */
    public abstract boolean requiresGrad();

    /**
     * The label given with {@code label(String)}, or {@code null}.
     *
     * @return the label, or null when none was given
     */
    public final String label() {
        return extras == null ? null : extras.label;
    }

    /**
     * The line of user code that made this node, e.g. {@code MyTest.step(MyTest.java:42)}, when it was
     * made while {@link Debug#recordSites()} or {@link Debug#detectAnomalies()} was on; otherwise null.
     *
     * @return the stack frame as text, or null when no site was recorded
     */
    public final String creationSite() {
        StackTraceElement site = site();
        return site == null ? null : site.getClassName() + "." + site.getMethodName()
                + "(" + site.getFileName() + ":" + site.getLineNumber() + ")";
    }

    /** The label, or the op name for an unlabelled node: how messages name a node. */
    final String displayName() {
        return label() != null ? "'" + label() + "'" : "(unlabelled " + opName() + ")";
    }

    /** An {@link #enterPass} answer: start this node with {@link #startPass} once the whole graph is checked. */
    static final int START_LATER = 1;
    /** An {@link #enterPass} answer: this node needs {@link #endPass} when the pass is over. */
    static final int NEEDS_END = 2;

    /**
     * Called as a backward pass orders this interior node, before any rule runs. Throws an
     * {@link IllegalStateException} when the node can no longer back-propagate correctly: its saved
     * state was freed by an earlier pass, or a tensor its rule saved was changed in place since
     * (see {@link #checkPass()}). A node of a graph that is never freed (a scalar graph) starts its
     * pass here, while it is in cache, rather than in a second sweep over the graph; a tensor node
     * answers {@link #START_LATER}, so that a refused pass changes nothing. Leaves are not entered:
     * the pass takes them ({@link #acquireForPass}) and starts them once every node is checked.
     *
     * @return {@link #START_LATER} and/or {@link #NEEDS_END}, or 0
     */
    abstract int enterPass();

    /**
     * Throws an {@link IllegalStateException} naming what to do when this interior node's rule
     * cannot give a correct gradient now (its graph was freed, or what it saved was changed in
     * place); changes nothing.
     */
    abstract void checkPass();

    /**
     * Starts a backward pass on this node: an interior node clears its gradient buffer; a leaf
     * with gradient hooks sets its gradient aside, so that the hooks see this pass's part alone.
     *
     * @return whether this node needs {@link #endPass} when the pass is over
     */
    abstract boolean startPass();


    /**
     * Sends this node's gradient, multiplied by each local derivative, to its inputs. With
     * {@code createGraph} the rule itself is recorded, so the gradients can be differentiated again.
     */
    abstract void propagate(boolean createGraph);

    /**
     * Called on every node once a pass is over, when any node's {@link #enterPass} or {@link #startPass} asked for it (so
     * an implementation must do nothing when it did not ask): a leaf with
     * hooks runs them on this pass's gradient and adds the result to what it had; saved state is
     * freed unless {@code retainGraph}.
     */
    abstract void endPass(boolean retainGraph);
}
