package io.github.autograd4j.testing;

import io.github.autograd4j.Node;
import io.github.autograd4j.Tensor;
import io.github.autograd4j.Value;
import java.util.function.Function;

/**
 * Fluent assertions on gradients and graphs, in the AssertJ style, failing with opentest4j's
 * {@code AssertionFailedError} (expected and actual shown side by side by IDEs) and messages of a
 * few lines whatever the tensors' size: the worst elements, their count, the tolerances, and the
 * labelled tensors by name.
 *
 * <pre>{@code
 * import static io.github.autograd4j.testing.AutogradAssertions.*;
 *
 * assertThatGradient(t -> t[0].matmul(t[1]).tanh().sum()).at(x, w).matchesFiniteDifferences();
 * assertThatGradient(t -> t[0].logSoftmax(-1)).at(x).toSecondOrder().withTolerance(1e-6, 1e-4).matchesFiniteDifferences();
 * assertThatGradient(t -> t[0].pow(2.0).sum()).at(x).isCloseTo(x.mul(2.0));
 * assertThatGradientOfValues(v -> v[0].mul(v[1]).sin()).at(0.3, -1.2).matchesFiniteDifferences();
 * assertThatGraph(loss).hasNoNaN().hasNodeCount(20).matchesGolden("graphs/loss.dot");
 * assertThatGraph(loss).hasNode("h").withGradientCloseTo(expected);
 * }</pre>
 */
public final class AutogradAssertions {

    private AutogradAssertions() {
    }

    /**
     * Assertions on the derivatives of a tensor function; give the point with
     * {@link TensorGradientAssert#at(Tensor...)}.
     *
     * @param f the function, of one tensor per argument
     * @return the assertions
     */
    public static TensorGradientAssert assertThatGradient(Function<Tensor[], Tensor> f) {
        return new TensorGradientAssert(f);
    }

    /**
     * Assertions on the derivatives of a function of scalars written with {@link Value}s; give the
     * point with {@link ValueGradientAssert#at(double...)}.
     *
     * @param f the function, of one value per argument
     * @return the assertions
     */
    public static ValueGradientAssert assertThatGradientOfValues(Function<Value[], Value> f) {
        return new ValueGradientAssert(f);
    }

    /**
     * Assertions on the graph below {@code root}, as it is now; under {@link AutogradExtension}
     * the root is tracked for the failing test's graph report.
     *
     * @param root a {@link Value} or a {@link Tensor}
     * @return the assertions
     */
    public static GraphAssert assertThatGraph(Node root) {
        return new GraphAssert(java.util.Objects.requireNonNull(root, "assertThatGraph: root is null"));
    }
}
