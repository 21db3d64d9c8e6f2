package io.github.autograd4j.testing;

import io.github.autograd4j.Node;
import io.github.autograd4j.Tensor;
import io.github.autograd4j.Value;
import io.github.autograd4j.graph.Graph;
import io.github.autograd4j.graph.GraphNode;
import io.github.autograd4j.graph.NonFinite;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import org.opentest4j.AssertionFailedError;

/**
 * Assertions on the graph below a root, made by {@link AutogradAssertions#assertThatGraph(Node)}:
 *
 * <pre>{@code
 * assertThatGraph(loss).hasNoNaN().hasNodeCount(20).matchesGolden("graphs/loss.dot");
 * assertThatGraph(loss).hasNode("h").withGradientCloseTo(expected);
 * }</pre>
 *
 * <p>The graph is read when the assertion is made (a {@link Graph} snapshot). Under
 * {@link AutogradExtension} the root is tracked, so a failing test's graph report shows it.
 */
public final class GraphAssert {

    private final Graph graph;

    GraphAssert(Node root) {
        this.graph = Graph.of(root);
        TestState.track(root);
    }

    /**
     * The snapshot the assertions read, for assertions of your own.
     *
     * @return the graph
     */
    public Graph graph() {
        return graph;
    }

    /**
     * Asserts that the graph has a node labelled {@code label}, and returns assertions on it.
     *
     * @param label the label
     * @return assertions on the node (the first so labelled, in topological order)
     */
    public GraphNodeAssert hasNode(String label) {
        try {
            return new GraphNodeAssert(graph.find(label));
        } catch (NoSuchElementException e) {
            throw new AssertionFailedError("hasNode: " + e.getMessage().replaceFirst("^Graph\\.find: ", ""));
        }
    }

    /**
     * Asserts that the graph holds no NaN and no infinity, in any node's value or gradient; a
     * failure names the first nodes that do, with their op and what they hold.
     *
     * @return this assertion
     */
    public GraphAssert hasNoNaN() {
        List<String> bad = new ArrayList<>();
        for (GraphNode n : graph.nodes()) {
            String value = NonFinite.inValue(n.node()).orElse(null);
            String grad = NonFinite.inGradient(n.node()).orElse(null);
            if (value != null || grad != null) {
                bad.add("'" + n.name() + "' (" + n.op() + ")" + (value == null ? "" : " value holds " + value)
                        + (grad == null ? "" : (value == null ? "" : ",") + " gradient holds " + grad));
            }
        }
        if (!bad.isEmpty()) {
            String shown = String.join("; ", bad.subList(0, Math.min(Closeness.SHOWN, bad.size())));
            throw new AssertionFailedError("hasNoNaN: " + bad.size() + " of " + graph.size() + " nodes of the graph below '"
                    + graph.root().name() + "' hold NaN or infinity: " + shown
                    + (bad.size() > Closeness.SHOWN ? "; and " + (bad.size() - Closeness.SHOWN) + " more" : ""));
        }
        return this;
    }

    /**
     * Asserts the number of nodes, constants and leaves included.
     *
     * @param expected the number of nodes
     * @return this assertion
     */
    public GraphAssert hasNodeCount(int expected) {
        if (graph.size() != expected) {
            throw new AssertionFailedError("hasNodeCount: expected " + expected + " nodes but the graph below '"
                    + graph.root().name() + "' has " + graph.size(), expected, graph.size());
        }
        return this;
    }

    /**
     * Asserts that the graph's export equals the golden file {@code path}, relative to
     * {@code src/test/resources}: Graphviz DOT for {@code .dot}, Mermaid for {@code .mmd}, the table
     * for {@code .txt}. Run with {@code -Dautograd4j.golden.update=true} to record (or re-record) the
     * files instead, then review them as any change; {@code -Dautograd4j.golden.dir} sets another root.
     *
     * @param path the golden file, relative to the root
     * @return this assertion
     * @throws IllegalArgumentException for another extension, or a path that is absolute or leaves the root
     */
    public GraphAssert matchesGolden(String path) {
        Golden.check(graph, path);
        return this;
    }

    /** A node's values (one for a Value). */
    static double[] values(Node node) {
        return node instanceof Value v ? new double[] {v.data()} : ((Tensor) node).storage();
    }

    /** A node's gradient's elements; none when a tensor has no gradient. */
    static double[] gradient(Node node) {
        if (node instanceof Value v) {
            return new double[] {v.grad()};
        }
        Tensor g = ((Tensor) node).grad();
        return g == null ? new double[0] : g.storage();
    }
}
