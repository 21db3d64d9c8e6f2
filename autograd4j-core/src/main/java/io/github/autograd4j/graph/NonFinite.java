package io.github.autograd4j.graph;

import io.github.autograd4j.Node;
import io.github.autograd4j.Tensor;
import io.github.autograd4j.Value;
import java.util.Optional;

/**
 * Whether a node's value or gradient holds NaN or an infinity, said in a few words: what the graph
 * report marks in red, and what assertions on a graph name.
 *
 * <pre>{@code
 * NonFinite.inValue(node);      // Optional[NaN], Optional[2 NaN and 1 infinite of 6 elements], or empty
 * }</pre>
 */
public final class NonFinite {

    private NonFinite() {
    }

    /**
     * What is not finite in the node's value.
     *
     * @param node a {@link Value} or a {@link Tensor}
     * @return {@code NaN} (the number, for one element), {@code 2 NaN and 1 infinite of 6 elements};
     *         empty when every element is finite
     */
    public static Optional<String> inValue(Node node) {
        return describe(node instanceof Value v ? new double[] {v.data()} : ((Tensor) node).storage());
    }

    /**
     * What is not finite in the node's gradient, as {@link #inValue}; empty when it has none.
     *
     * @param node a {@link Value} or a {@link Tensor}
     * @return the description, or empty
     */
    public static Optional<String> inGradient(Node node) {
        if (node instanceof Value v) {
            return describe(new double[] {v.grad()});
        }
        Tensor g = ((Tensor) node).grad();
        return g == null ? Optional.empty() : describe(g.storage());
    }

    private static Optional<String> describe(double[] xs) {
        int nan = 0;
        int inf = 0;
        for (double x : xs) {
            nan += Double.isNaN(x) ? 1 : 0;
            inf += Double.isInfinite(x) ? 1 : 0;
        }
        if (nan + inf == 0) {
            return Optional.empty();
        }
        if (xs.length == 1) {
            return Optional.of(Double.toString(xs[0]));
        }
        String what = nan > 0 && inf > 0 ? nan + " NaN and " + inf + " infinite" : nan > 0 ? nan + " NaN" : inf + " infinite";
        return Optional.of(what + " of " + xs.length + " elements");
    }
}
