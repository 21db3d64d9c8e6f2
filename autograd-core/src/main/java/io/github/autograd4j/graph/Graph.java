package io.github.autograd4j.graph;

import io.github.autograd4j.Node;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A snapshot of the computation graph below a root ({@link io.github.autograd4j.Value} or
 * {@link io.github.autograd4j.Tensor}): its nodes in topological order, each with a stable id,
 * and exports for people and golden-file tests ({@link #toTable()}, {@link #toDot()},
 * {@link #toMermaid()}).
 *
 * <pre>{@code
 * loss.backward();
 * Graph g = Graph.of(loss);
 * assertEquals(-0.0297, g.find("W2[0]").node().grad(), 1e-4);
 * System.out.println(g.toTable());
 * }</pre>
 *
 * <p>Values and gradients are read when the snapshot is taken; take a new one after a backward pass.
 */
public final class Graph {

    private final List<GraphNode> nodes;

    private Graph(List<GraphNode> nodes) {
        this.nodes = List.copyOf(nodes);
    }

    /** The graph of every node {@code root} was made from, constants included, in topological order. */
    public static Graph of(Node root) {
        Objects.requireNonNull(root, "Graph.of: root is null");
        List<Node> order = root.topologicalOrder();
        Map<Node, Integer> ids = new IdentityHashMap<>();
        List<GraphNode> nodes = new ArrayList<>(order.size());
        for (Node node : order) {
            int id = nodes.size();
            ids.put(node, id);
            List<Integer> inputs = new ArrayList<>(node.inputCount());
            for (int i = 0; i < node.inputCount(); i++) {
                inputs.add(ids.get(node.input(i)));
            }
            String name = node.label() != null ? node.label() : node.opName() + "#" + id;
            nodes.add(new GraphNode(id, name, node.opName(), node.label(), node.shape(), node.dataSummary(),
                    node.gradSummary(), List.copyOf(inputs), node));
        }
        return new Graph(nodes);
    }

    /** The nodes, inputs before the nodes made from them, the root last. */
    public List<GraphNode> nodes() {
        return nodes;
    }

    /** The number of nodes. */
    public int size() {
        return nodes.size();
    }

    /** The root (the last node). */
    public GraphNode root() {
        return nodes.get(nodes.size() - 1);
    }

    /** The node with this id. */
    public GraphNode node(int id) {
        Objects.checkIndex(id, nodes.size());
        return nodes.get(id);
    }

    /**
     * The node labelled {@code label} (the first, in topological order, if several are).
     *
     * @throws NoSuchElementException naming the labels the graph has
     */
    public GraphNode find(String label) {
        Objects.requireNonNull(label, "Graph.find: label is null");
        for (GraphNode n : nodes) {
            if (label.equals(n.label())) {
                return n;
            }
        }
        String labels = nodes.stream().map(GraphNode::label).filter(Objects::nonNull).collect(Collectors.joining(", "));
        throw new NoSuchElementException("Graph.find: no node labelled '" + label + "'; labels in this graph: "
                + (labels.isEmpty() ? "(none)" : labels));
    }

    /** A fixed-width table, one row per node: for logs and test failure messages. */
    public String toTable() {
        return GraphExport.table(nodes);
    }

    /** Graphviz DOT: one record per node with its value and gradient, an op node per operation, as micrograd's draw_dot. */
    public String toDot() {
        return GraphExport.dot(nodes);
    }

    /** A Mermaid flowchart (renders in GitHub Markdown). */
    public String toMermaid() {
        return GraphExport.mermaid(nodes);
    }

    @Override
    public String toString() {
        return toTable();
    }
}
