package io.github.autograd4j.graph;

/**
 * Which module-like group a node of a report belongs to, so that a large graph can be shown with
 * each group collapsed into one box. Core knows no modules, so groups come from dotted labels, as
 * nn labels parameters by their names ({@code 0.weight}, {@code encoder.2.bias}): a node labelled
 * {@code a.b} is in group {@code a}; an unlabelled operation joins the group its labelled leaf
 * inputs share (a Linear layer's product with its weight and the sum with its bias); the rest are
 * in none.
 */
final class ReportGroups {

    private ReportGroups() {
    }

    /** The group of {@code n}, or null. */
    static String group(Graph graph, GraphNode n) {
        String own = prefix(n.label());
        if (own != null || n.label() != null) {
            return own;
        }
        String shared = null;
        for (int in : n.inputs()) {
            GraphNode input = graph.node(in);
            String g = input.inputs().isEmpty() ? prefix(input.label()) : null;
            if (g != null) {
                if (shared != null && !shared.equals(g)) {
                    return null;
                }
                shared = g;
            }
        }
        return shared;
    }

    private static String prefix(String label) {
        int dot = label == null ? -1 : label.lastIndexOf('.');
        return dot > 0 ? label.substring(0, dot) : null;
    }
}
