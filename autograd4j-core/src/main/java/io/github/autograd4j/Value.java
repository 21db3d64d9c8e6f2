package io.github.autograd4j;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.DoubleUnaryOperator;

/**
 * A scalar node of a computation graph, in the spirit of micrograd's {@code Value}: every
 * operation records itself so that {@link #backward()} can send gradients back to the leaves.
 *
 * <pre>{@code
 * Value x = Value.of(2.0, "x");
 * Value y = x.mul(x).add(x.sin());   // y = x^2 + sin x
 * y.backward();
 * x.grad();                          // 2x + cos x
 * }</pre>
 *
 * <p><b>Gradients.</b> A backward pass accumulates ({@code +=}) into leaves across calls, as in
 * PyTorch; {@link #zeroGrad()} clears a leaf. Interior nodes hold the gradient of the most
 * recent pass through them (a pass starts them from zero), so after {@code backward()} every
 * node of the graph shows its own gradient. A scalar graph keeps its values, so calling
 * {@code backward()} twice on the same root is fine and adds the same gradient to the leaves
 * twice.
 *
 * <p><b>Values outside a domain.</b> NaN and infinite data are allowed and follow IEEE
 * arithmetic exactly as {@link Math} does: {@code log} of a negative, {@code sqrt} of a negative,
 * or a negative base to a non-integer power give NaN, never an exception. A null operand throws a
 * {@link NullPointerException} that names the operation.
 *
 * <p><b>Recording.</b> Inside {@link Grad#disabled()} results are constants with no history.
 * A graph belongs to one thread at a time; separate graphs may be used on separate threads.
 */
public final class Value extends Node implements Differentiable<Value> {

    private double data;
    private double grad;
    /** The operation that made this node; null for a leaf that requires grad, {@link ScalarOp#CONSTANT} for a constant. */
    private final ScalarOp op;
    private final Value a;
    private final Value b;
    private final double constant;
    /**
     * A leaf's version: how many times {@link #setData} changed it. An interior node's: the sum of
     * its leaf operands' versions when it was recorded, which only grows, so a change to either
     * operand since then shows as a different sum (kept in one int so that a node stays 64 bytes);
     * {@link #UNCHECKED} when its partial derivatives read no operand.
     */
    private int version;

    private static final int UNCHECKED = -1;

    private Value(double data, ScalarOp op, Value a, Value b, double constant) {
        this.data = data;
        this.op = op;
        this.a = a;
        this.b = b;
        this.constant = constant;
        if (a != null) {
            this.version = op.readsOperands(b == null) ? leafVersionOf(a) + leafVersionOf(b) : UNCHECKED;
        }
    }

    /**
     * A leaf that gradients flow to (a parameter or an input).
     *
     * @param data the value
     * @return a new leaf that requires grad
     */
    public static Value of(double data) {
        return new Value(data, null, null, null, 0.0);
    }

    /**
     * A labelled leaf that gradients flow to; the label shows in {@code toString()} and graph
     * views.
     *
     * @param data  the value
     * @param label the name shown, or null for none
     * @return a new leaf that requires grad
     */
    public static Value of(double data, String label) {
        return of(data).label(label);
    }

    /**
     * A constant: no gradient flows to it and it adds no work to a backward pass.
     *
     * @param data the value
     * @return a new leaf that does not require grad
     */
    public static Value constant(double data) {
        return new Value(data, ScalarOp.CONSTANT, null, null, 0.0);
    }

    // ---- operations: the rules themselves live in ScalarOp ----

    /** {@code this + other}. */
    @Override
    public Value add(Value other) { return binary(ScalarOp.ADD, other); }

    /** {@code this + c}. */
    @Override
    public Value add(double c) { return withConstant(ScalarOp.ADD, c); }

    /** {@code this - other}. */
    @Override
    public Value sub(Value other) { return binary(ScalarOp.SUB, other); }

    /** {@code this - c}. */
    @Override
    public Value sub(double c) { return withConstant(ScalarOp.SUB, c); }

    /** {@code this * other}. */
    @Override
    public Value mul(Value other) { return binary(ScalarOp.MUL, other); }

    /** {@code this * c}. */
    @Override
    public Value mul(double c) { return withConstant(ScalarOp.MUL, c); }

    /** {@code this / other}. */
    @Override
    public Value div(Value other) { return binary(ScalarOp.DIV, other); }

    /**
     * {@code this / c}.
     *
     * @param c the divisor (0 gives an infinity or NaN, as IEEE division)
     * @return a new value
     */
    public Value div(double c) { return withConstant(ScalarOp.DIV, c); }

    /** {@code this ^ exponent}, differentiable in both. */
    @Override
    public Value pow(Value exponent) { return binary(ScalarOp.POW, exponent); }

    /** {@code this ^ exponent} for a constant exponent. */
    @Override
    public Value pow(double exponent) { return withConstant(ScalarOp.POW, exponent); }

    /** {@code -this}. */
    @Override
    public Value neg() { return unary(ScalarOp.NEG); }

    /** {@code e ^ this}. */
    @Override
    public Value exp() { return unary(ScalarOp.EXP); }

    /** The natural logarithm. */
    @Override
    public Value log() { return unary(ScalarOp.LOG); }

    /** The square root. */
    @Override
    public Value sqrt() { return unary(ScalarOp.SQRT); }

    /**
     * The hyperbolic tangent.
     *
     * @return a new value in [-1, 1]
     */
    public Value tanh() { return unary(ScalarOp.TANH); }

    /**
     * The logistic function {@code 1 / (1 + e^-this)}.
     *
     * @return a new value in [0, 1]
     */
    public Value sigmoid() { return unary(ScalarOp.SIGMOID); }

    /**
     * {@code max(this, 0)}; its derivative at 0 is 0.
     *
     * @return a new value, 0 or more
     */
    public Value relu() { return unary(ScalarOp.RELU); }

    /** The absolute value; its derivative at 0 is 0. */
    @Override
    public Value abs() { return unary(ScalarOp.ABS); }

    /** The sine. */
    @Override
    public Value sin() { return unary(ScalarOp.SIN); }

    /** The cosine. */
    @Override
    public Value cos() { return unary(ScalarOp.COS); }

    /**
     * {@code f(data)}, which no gradient flows through (the masks of derivative rules): recorded as
     * an operation of this value with derivative 0, so that a gradient through a kink stays
     * connected to the inputs and its own derivative is 0.
     */
    @Override
    public Value map(DoubleUnaryOperator f) {
        Objects.requireNonNull(f, "map: f is null");
        return withConstant(ScalarOp.MASK, f.applyAsDouble(data));
    }

    /** {@code this} where {@code condition} is non-zero (NaN counts as non-zero), else {@code other}; the one chosen carries the gradient. */
    @Override
    public Value where(Value condition, Value other) {
        Objects.requireNonNull(condition, "where: condition is null");
        Objects.requireNonNull(other, "where: other is null");
        return condition.data != 0 ? this : other;
    }

    private Value unary(ScalarOp op) {
        double out = op.apply(data, 0.0);
        return record(out, requiresGrad(), op, null, 0.0);
    }

    private Value withConstant(ScalarOp op, double c) {
        double out = op.apply(data, c);
        return record(out, requiresGrad(), op, null, c);
    }

    private Value binary(ScalarOp op, Value other) {
        Objects.requireNonNull(other, op.nullOperand);
        double out = op.apply(data, other.data);
        return record(out, requiresGrad() || other.requiresGrad(), op, other, 0.0);
    }

    private Value record(double out, boolean needsGrad, ScalarOp op, Value other, double c) {
        Value result = needsGrad && Grad.isEnabled()
                ? new Value(out, op, this, other, c)
                : new Value(out, ScalarOp.CONSTANT, null, null, 0.0);
        if (Debug.active()) {
            Debug.afterForward(result, new double[] {out});
        }
        return result;
    }

    // ---- gradients ----

    /**
     * Back-propagates from this node: its gradient is seeded with 1 (added to it, for a leaf) and
     * every node it depends on receives d(this)/d(node), accumulated into leaves.
     *
     * @throws IllegalStateException if this value does not require a gradient
     */
    public void backward() {
        if (!requiresGrad()) {
            throw new IllegalStateException("backward: " + this + " does not require grad: it was made"
                    + " only from constants or under Grad.disabled(), so no gradient can flow from it");
        }
        startBackward().finish(true);
    }

    /**
     * Back-propagates one node at a time: each {@code next()} runs one node's rule, outputs first,
     * and says what it sent to each input. Exhausting the iterator leaves exactly the state
     * {@link #backward()} would.
     *
     * @return the steps, one per node that receives a gradient; close it to stop part way
     * @throws IllegalStateException if this value does not require a gradient
     */
    public BackwardSteps<Value, Double> backwardSteps() {
        return new BackwardSteps<>(startBackward(), (node, createGraph) -> node.describedStep(), true);
    }

    private BackwardPass startBackward() {
        if (!requiresGrad()) {
            throw new IllegalStateException("backward: " + this + " does not require grad: it was made"
                    + " only from constants or under Grad.disabled(), so no gradient can flow from it");
        }
        BackwardPass pass = new BackwardPass(this, false);
        grad = isLeaf() ? grad + 1.0 : 1.0;
        return pass;
    }

    /**
     * Runs {@code hook} on this node's gradient in each backward pass, once the gradient is
     * complete, and lets it flow on as {@code hook(gradient)} (PyTorch's {@code register_hook}):
     * return the gradient unchanged to only watch it. For a leaf, the hook sees this pass's part
     * alone, before it is added to {@link #grad()}. Hooks run in the order they were registered.
     *
     * @param hook given this node's gradient; returns the gradient that flows on
     * @return a handle whose {@code remove()} takes this hook off again
     */
    public HookHandle registerHook(DoubleUnaryOperator hook) {
        Objects.requireNonNull(hook, "registerHook: hook is null");
        return this.<Double>hooksToAddTo().add(hook::applyAsDouble);
    }

    /** Removes every hook added with {@link #registerHook}. */
    public void clearHooks() {
        removeHooks();
    }

    /** Sets this node's gradient to 0. */
    public void zeroGrad() {
        grad = 0.0;
    }

    /** A scalar graph is never freed: once its versions are checked, an interior node starts as it is ordered. */
    @Override
    int enterPass() {
        checkPass();
        grad = 0.0;
        return 0;
    }

    @Override
    boolean startPass() {
        if (!isLeaf()) {
            grad = 0.0;
            return false;
        }
        GradHooks<Double> hooks = hooks();
        if (hooks != null) {
            hooks.prior = grad;
            grad = 0.0;
            return true;
        }
        return false;
    }


    @Override
    void propagate(boolean createGraph) {
        double g = upstream();
        if (a.op != ScalarOp.CONSTANT) {
            a.receive(this, 0, contribution(0, g), g);
        }
        if (b != null && b.op != ScalarOp.CONSTANT) {
            b.receive(this, 1, contribution(1, g), g);
        }
    }

    /** A leaf's version, or 0 for an interior node or none: what a node's saved sum adds up. */
    private static int leafVersionOf(Value v) {
        return v != null && v.a == null ? v.version : 0;
    }

    /**
     * Refuses to run this node's rule when a leaf operand its partial derivatives read was changed
     * by {@link #setData} since the node was recorded: the rule would give a wrong gradient.
     */
    @Override
    void checkPass() {
        if (version != UNCHECKED && version != leafVersionOf(a) + leafVersionOf(b)) {
            String operands = b == null ? a.toString() : a + " and " + b;
            throw new IllegalStateException("backward: an operand of " + op.opName + " (" + operands + ") was changed by"
                    + " setData after " + op.opName + " was recorded, so its gradient would be wrong; change values after"
                    + " backward(), and build the graph again");
        }
    }

    /** {@link #propagate}, described for {@link #backwardSteps()}. */
    private BackwardStep<Value, Double> describedStep() {
        double g = upstream();
        Double[] sent = new Double[inputCount()];
        if (a.requiresGrad()) {
            sent[0] = contribution(0, g);
            a.receive(this, 0, sent[0], g);
        }
        if (b != null && b.requiresGrad()) {
            sent[1] = contribution(1, g);
            b.receive(this, 1, sent[1], g);
        }
        List<Value> inputs = b == null ? List.of(a) : List.of(a, b);
        return new BackwardStep<>(this, g, inputs, Collections.unmodifiableList(Arrays.asList(sent)));
    }

    /** This node's gradient for its rule: after its hooks, which may replace it. */
    private double upstream() {
        GradHooks<Double> hooks = hooks();
        if (hooks != null) {
            grad = hooks.apply(grad);
        }
        return grad;
    }

    /**
     * What this node's rule sends to input {@code i} for the upstream gradient {@code g}, as a
     * value recorded like any other (when recording is on), so that it can be differentiated again.
     */
    Value contributionTo(int i, Value g) {
        return op.contribution(i, g, a, b != null ? b : constant(constant), this);
    }

    /** What this node's rule sends to input {@code i} for upstream gradient {@code g}: the chain rule, in one place. */
    private double contribution(int i, double g) {
        return g * op.partial(i, a.data, b != null ? b.data : constant, data);
    }

    /** Adds what {@code from}'s rule sent to this input. */
    private void receive(Value from, int input, double sent, double upstream) {
        if (!Double.isFinite(sent) && Debug.anomaliesOn()) {
            throw AnomalyException.backward(from, input, Numbers.format(sent), Numbers.format(upstream));
        }
        grad += sent;
    }

    @Override
    void endPass(boolean retainGraph) {
        GradHooks<Double> hooks = hooks();
        if (isLeaf() && hooks != null) {
            grad = hooks.prior + hooks.apply(grad);
        }
    }

    // ---- accessors ----

    /**
     * The forward value.
     *
     * @return the value this node holds
     */
    public double data() {
        return data;
    }

    /**
     * The gradient accumulated so far (0 before any backward pass).
     *
     * @return the accumulated d(output)/d(this) of the backward passes so far
     */
    public double grad() {
        return grad;
    }

    /**
     * Replaces a leaf's value, as an optimiser step does ({@code p.setData(p.data() - lr * p.grad())}).
     * Do it between backward passes: a node already recorded from this leaf whose derivative reads
     * its value refuses to back-propagate after the change, rather than give a wrong gradient.
     *
     * @param newData the new value
     * @throws IllegalStateException if this node was made by an operation: its value follows from its inputs
     */
    public void setData(double newData) {
        if (!isLeaf()) {
            throw new IllegalStateException("setData: " + this + " was made by " + op.opName
                    + "; only a leaf's value can be set");
        }
        data = newData;
        version++;
    }

    /**
     * Gives this node a name for {@code toString()}, graph views and error messages; returns this
     * node.
     *
     * @param label the name, or null to remove it
     * @return this value
     */
    public Value label(String label) {
        setLabel(label);
        return this;
    }

    @Override
    public String opName() {
        return isLeaf() ? "leaf" : op.opName;
    }

    @Override
    public int inputCount() {
        return a == null ? 0 : b == null ? 1 : 2;
    }

    @Override
    public Value input(int i) {
        if (i == 0 && a != null) {
            return a;
        }
        if (i == 1 && b != null) {
            return b;
        }
        throw new IndexOutOfBoundsException("input: index " + i + " for a " + opName()
                + " node with " + inputCount() + " input(s)");
    }

    /**
     * The constant second operand of a {@code double} overload such as {@code mul(2.0)} or
     * {@code pow(3.0)}, or NaN when the operation had none.
     *
     * @return the constant, or NaN
     */
    public double constantOperand() {
        return a != null && op.arity == 2 && b == null ? constant : Double.NaN;
    }

    @Override
    public boolean isLeaf() {
        return a == null;
    }

    @Override
    public Shape shape() {
        return Shape.scalar();
    }

    /** A check of this node's partial derivatives against central differences of its operation, at its inputs' values. */
    @Override
    public Optional<GradCheck> ruleCheck() {
        if (isLeaf()) {
            return Optional.empty();
        }
        boolean checkA = a.requiresGrad();
        boolean checkB = b != null && b.requiresGrad();
        double[] point = checkA && checkB ? new double[] {a.data, b.data} : new double[] {checkA ? a.data : b.data};
        java.util.function.Function<double[], double[]> operands = p -> new double[] {
            checkA ? p[0] : a.data, checkB ? p[checkA ? 1 : 0] : (b != null ? b.data : constant)};
        return Optional.of(GradCheck.ofGradient(
                p -> {
                    double[] ab = operands.apply(p);
                    return op.apply(ab[0], ab[1]);
                },
                p -> {
                    double[] ab = operands.apply(p);
                    double out = op.apply(ab[0], ab[1]);
                    double[] partials = new double[p.length];
                    int k = 0;
                    if (checkA) {
                        partials[k++] = op.partial(0, ab[0], ab[1], out);
                    }
                    if (checkB) {
                        partials[k] = op.partial(1, ab[0], ab[1], out);
                    }
                    return partials;
                },
                point));
    }

    @Override
    public String dataSummary() {
        return Numbers.format(data);
    }

    @Override
    public String gradSummary() {
        return Numbers.format(grad);
    }

    @Override
    public boolean requiresGrad() {
        return op != ScalarOp.CONSTANT;
    }

    /** {@code Value(data=..., grad=...)}, with the label when there is one. */
    @Override
    public String toString() {
        String text = "Value(data=" + Numbers.format(data) + ", grad=" + Numbers.format(grad);
        return label() == null ? text + ")" : text + ", label=" + label() + ")";
    }
}
