package io.github.autograd4j.graph;

import io.github.autograd4j.GradCheck;
import io.github.autograd4j.GradCheckResult;
import io.github.autograd4j.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Finds which node of a graph has a wrong backward rule: checks every node's rule on its own,
 * against finite differences of its operation at the inputs it actually saw, and names the first
 * that disagrees. Use it when an end-to-end {@link GradCheck} fails and the graph is large.
 *
 * <pre>{@code
 * GraphCheck.locate(loss).assertPassed();   // AssertionError: node 25 'middle' (op scaledCube) ...
 * }</pre>
 *
 * <p>Nodes whose operation cannot be run again (recorded without a replay) are listed as
 * unchecked. Tensor nodes with a large Jacobian are checked in fast mode.
 */
public final class GraphCheck {

    /** Above this many Jacobian entries, a node is checked by random projection (fast mode). */
    private static final long FULL_JACOBIAN_LIMIT = 10_000;

    private GraphCheck() {
    }

    /** One node's verdict: its snapshot and its rule's check (null when it could not be checked). */
    public record NodeResult(GraphNode node, GradCheckResult check) {

        /**
         * True when the node was checked and passed; false when it failed. Unchecked nodes count as
         * passed.
         *
         * @return whether no checked node failed
         */
        public boolean passed() {
            return check == null || check.passed();
        }
    }

    /** Every interior node's verdict, in topological order (inputs first). */
    public record Report(Graph graph, List<NodeResult> results) {

        /**
         * The first node, in topological order, whose rule disagrees with finite differences.
         *
         * @return the node and its check result, or empty when every checked node passed
         */
        public Optional<NodeResult> firstFailure() {
            return results.stream().filter(r -> !r.passed()).findFirst();
        }

        /**
         * The nodes that could not be checked (no replay).
         *
         * @return those nodes, in topological order; empty when every interior node was checked
         */
        public List<GraphNode> unchecked() {
            return results.stream().filter(r -> r.check() == null).map(NodeResult::node).toList();
        }

        /**
         * Throws an {@link AssertionError} naming the first failing node, its label and op, the worst
         * element, with a table of the node and its inputs and the node's check as
         * {@link GradCheckResult#assertPassed()} reports it (short, with where the full table is).
         *
         * @return this report, for further assertions, when every checked node passed
         */
        public Report assertPassed() {
            Optional<NodeResult> failure = firstFailure();
            if (failure.isEmpty()) {
                return this;
            }
            GraphNode n = failure.get().node();
            GradCheckResult.Entry worst = failure.get().check().worst();
            List<GraphNode> rows = new ArrayList<>();
            for (int in : n.inputs()) {
                rows.add(graph.node(in));
            }
            rows.add(n);
            String header = "node " + n.id() + " '" + n.name() + "' (op " + n.op()
                    + ") has a backward rule that disagrees with finite differences: worst " + worst.location()
                    + " analytic " + worst.analytic() + " vs numeric " + worst.reference() + "\n" + GraphExport.table(rows);
            try {
                failure.get().check().assertPassed();
            } catch (AssertionError checkFailed) {
                throw new AssertionError(header + checkFailed.getMessage());
            }
            throw new IllegalStateException("node " + n.id() + " failed its check, which then passed");
        }
    }

    /**
     * Checks every interior node of the graph below {@code root} with GradCheck's default
     * tolerances.
     *
     * @param root the output whose graph is checked (a loss, typically); its graph must not be
     *             freed
     * @return the report, one check per interior node
     */
    public static Report locate(Node root) {
        return locate(root, UnaryOperator.identity());
    }

    /**
     * Checks every interior node, each check configured by {@code configure} (e.g.
     * {@code c -> c.atol(1e-7)}).
     *
     * @param root      the output whose graph is checked (a loss, typically); its graph must not be
     *                  freed
     * @param configure applied to each node's check before it runs, e.g. to set tolerances
     * @return the report, one check per interior node
     */
    public static Report locate(Node root, UnaryOperator<GradCheck> configure) {
        Objects.requireNonNull(root, "locate: root is null");
        Objects.requireNonNull(configure, "locate: configure is null");
        Graph graph = Graph.of(root);
        List<NodeResult> results = new ArrayList<>();
        for (GraphNode n : graph.nodes()) {
            if (n.inputs().isEmpty()) {
                continue;
            }
            Optional<GradCheck> check = n.node().ruleCheck();
            long entries = n.shape().numel() * (long) n.inputs().stream().mapToInt(i -> graph.node(i).shape().numel()).sum();
            results.add(new NodeResult(n, check
                    .map(c -> entries > FULL_JACOBIAN_LIMIT ? c.fast() : c)
                    .map(c -> configure.apply(c).check())
                    .orElse(null)));
        }
        return new Report(graph, List.copyOf(results));
    }
}
