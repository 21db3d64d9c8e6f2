package io.github.autograd4j.graph;

import io.github.autograd4j.Node;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A snapshot of the computation graph below a root ({@link io.github.autograd4j.Value} or
 * {@link io.github.autograd4j.Tensor}): its nodes in topological order, each with a stable id,
 * and exports for people and golden-file tests ({@link #toTable()}, {@link #toDot()},
 * {@link #toMermaid()}), and an HTML page to step through in a browser ({@link #toHtml()}).
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
    private final List<GraphNode> freed;

    private Graph(List<GraphNode> nodes) {
        this.nodes = List.copyOf(nodes);
        this.freed = this.nodes.stream().filter(GraphNode::freed).toList();
    }

    /**
     * The graph of every node {@code root} was made from, constants included, in topological order.
     * Where an earlier backward pass freed the graph (a tensor's {@code backward()} without
     * retainGraph), the view stops at the freed node and says so: see {@link #freed()}.
     *
     * @param root the output whose graph is viewed (a loss, typically)
     * @return a snapshot of the graph now: values and gradients as they are at this call
     */
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

    /**
     * The nodes whose graph below an earlier backward pass freed, so the view cannot show what they
     * were made from; empty when the whole graph is there. Call the first backward with
     * {@code retainGraph = true} ({@code loss.backward(null, true, false)}) to view the graph with its
     * gradients afterwards.
     *
     * @return the freed nodes, in topological order; not modifiable
     */
    public List<GraphNode> freed() {
        return freed;
    }

    /**
     * What {@link #freed()} means for this view, as the exports print it: which nodes, and to pass
     * {@code retainGraph = true}; empty when nothing was freed.
     *
     * @return the note, or empty
     */
    public Optional<String> freedNote() {
        if (freed.isEmpty()) {
            return Optional.empty();
        }
        String which = freed.stream().map(n -> n.id() + " '" + n.name() + "' (" + n.op() + ")").collect(Collectors.joining(", "));
        return Optional.of("the graph below node" + (freed.size() == 1 ? " " : "s ") + which + " was freed by a backward"
                + " pass that did not retain it, so this view stops there; to view a graph after backward, pass"
                + " retainGraph = true to the first pass: backward(null, true, false)");
    }

    /**
     * The nodes, inputs before the nodes made from them, the root last.
     *
     * @return every node, not modifiable; a node's id is its position
     */
    public List<GraphNode> nodes() {
        return nodes;
    }

    /**
     * The number of nodes.
     *
     * @return the node count, at least 1
     */
    public int size() {
        return nodes.size();
    }

    /**
     * The root (the last node).
     *
     * @return the node of the root given to {@link #of}
     */
    public GraphNode root() {
        return nodes.get(nodes.size() - 1);
    }

    /**
     * The node with this id.
     *
     * @param id the node's position in {@link #nodes()}, from 0 to {@code size() - 1}
     * @return that node
     */
    public GraphNode node(int id) {
        Objects.checkIndex(id, nodes.size());
        return nodes.get(id);
    }

    /**
     * The node labelled {@code label} (the first, in topological order, if several are).
     *
     * @param label a label given with {@code label(String)}
     * @return the node
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
                + (labels.isEmpty() ? "(none)" : labels) + freedNote().map(note -> "; " + note).orElse(""));
    }

    /**
     * A fixed-width table, one row per node, and the {@link #freedNote()} if any: for logs and test
     * failure messages.
     *
     * @return the text, lines separated by {@code \n}
     */
    public String toTable() {
        return GraphExport.table(nodes) + freedNote().map(note -> "note: " + note + "\n").orElse("");
    }

    /**
     * Graphviz DOT: one record per node with its value and gradient, an op node per operation, as
     * micrograd's draw_dot; the {@link #freedNote()}, if any, as a note box.
     *
     * @return the DOT source of one digraph, for {@code dot -Tpng}
     */
    public String toDot() {
        return GraphExport.dot(nodes, freedNote().orElse(null));
    }

    /**
     * A Mermaid flowchart (renders in GitHub Markdown); the {@link #freedNote()}, if any, as a note
     * box.
     *
     * @return the Mermaid source, for a {@code ```mermaid} block or a Mermaid viewer
     */
    public String toMermaid() {
        return GraphExport.mermaid(nodes, freedNote().orElse(null));
    }

    /**
     * This graph as one self-contained HTML page (no server, no network): the graph laid out with
     * each node's data, a backward-pass stepper, flagged NaNs and rule checks, search and a table;
     * see {@link GraphReport}, which also sets a title and the node limit.
     *
     * @return the HTML text
     */
    public String toHtml() {
        return GraphReport.of(this).toHtml();
    }

    /**
     * Writes {@link #toHtml()} to {@code file} all or nothing (a temporary file, then moved into
     * place), leaving any previous file as it was when writing fails.
     *
     * @param file the file to write; its directory must exist
     * @throws IOException when the directory does not exist, {@code file} is a directory, or writing fails
     */
    public void writeHtml(Path file) throws IOException {
        GraphReport.of(this).writeHtml(file);
    }

    @Override
    public String toString() {
        return toTable();
    }
}
