package io.github.autograd4j.testing;

import io.github.autograd4j.Shape;
import io.github.autograd4j.Tensor;
import io.github.autograd4j.graph.GraphNode;
import java.util.Objects;
import org.opentest4j.AssertionFailedError;

/**
 * Assertions on one node of a graph, made by {@link GraphAssert#hasNode(String)}. Values and
 * gradients are compared with {@code allclose}'s tolerances (atol 1e-8, rtol 1e-5) unless
 * {@link #withTolerance} sets others.
 */
public final class GraphNodeAssert {

    private final GraphNode node;
    private Tolerances tolerances = Tolerances.CLOSE;

    GraphNodeAssert(GraphNode node) {
        this.node = node;
    }

    /**
     * The tolerances of the comparisons that follow: an element passes when
     * {@code |actual - expected| <= atol + rtol * |expected|}.
     *
     * @param atol the absolute tolerance
     * @param rtol the relative tolerance
     * @return this assertion
     * @throws IllegalArgumentException when a tolerance is negative, NaN or infinite
     */
    public GraphNodeAssert withTolerance(double atol, double rtol) {
        this.tolerances = Tolerances.of("withTolerance", atol, rtol);
        return this;
    }

    /**
     * Asserts that the node's gradient is close to {@code expected}, of the node's shape.
     *
     * @param expected the gradient
     * @return this assertion
     */
    public GraphNodeAssert withGradientCloseTo(Tensor expected) {
        Objects.requireNonNull(expected, "withGradientCloseTo: the expected gradient is null");
        return compare("gradient", GraphAssert.gradient(node.node()), expected.toArray(), expected.shape());
    }

    /**
     * Asserts that the node's gradient is close to {@code expected}, its elements in row-major order
     * (one number for a Value or a one-element tensor).
     *
     * @param expected the gradient's elements
     * @return this assertion
     */
    public GraphNodeAssert withGradientCloseTo(double... expected) {
        Objects.requireNonNull(expected, "withGradientCloseTo: the expected gradient is null");
        return compare("gradient", GraphAssert.gradient(node.node()), expected, node.shape());
    }

    /**
     * Asserts that the node's value is close to {@code expected}, its elements in row-major order.
     *
     * @param expected the value's elements
     * @return this assertion
     */
    public GraphNodeAssert withValueCloseTo(double... expected) {
        Objects.requireNonNull(expected, "withValueCloseTo: the expected value is null");
        return compare("value", GraphAssert.values(node.node()), expected, node.shape());
    }

    private GraphNodeAssert compare(String what, double[] actual, double[] expected, Shape expectedShape) {
        String name = "'" + node.name() + "'";
        String described = "the " + what + " of node " + name + " (" + node.op() + ", shape " + node.shape() + ")";
        if (actual.length == 0) {
            throw new AssertionFailedError(described + " is missing: no gradient reached it (did backward() run? an"
                    + " intermediate tensor keeps its gradient only after retainGrad())");
        }
        if (expected.length != actual.length) {
            throw new AssertionFailedError(described + " has " + actual.length + " elements but " + expected.length
                    + " were expected (shape " + expectedShape + ")", expectedShape, node.shape());
        }
        Closeness c = Closeness.compare(name, expected, actual, node.shape(), tolerances);
        if (!c.passed()) {
            throw Failures.closeness(described, c);
        }
        return this;
    }
}
