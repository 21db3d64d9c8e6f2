package io.github.autograd4j.graph;

import java.util.List;
import java.util.stream.Collectors;

/** Writes a list of {@link GraphNode}s as a table, Graphviz DOT or Mermaid; output depends only on the nodes. */
final class GraphExport {

    private GraphExport() {
    }

    static String table(List<GraphNode> nodes) {
        String[] headers = {"id", "name", "op", "shape", "inputs", "value", "grad"};
        String[][] rows = new String[nodes.size()][];
        for (int r = 0; r < rows.length; r++) {
            GraphNode n = nodes.get(r);
            rows[r] = new String[] {String.valueOf(n.id()), n.name(), n.op(), n.shape().toString(),
                n.freed() ? "freed" : inputList(n), n.value(), n.grad() == null ? "-" : n.grad()};
        }
        int[] widths = new int[headers.length];
        for (int c = 0; c < headers.length; c++) {
            widths[c] = headers[c].length();
            for (String[] row : rows) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        StringBuilder out = new StringBuilder();
        appendRow(out, headers, widths);
        for (String[] row : rows) {
            appendRow(out, row, widths);
        }
        return out.toString();
    }

    /** DOT of {@code nodes}, with {@code note} (or nothing, when null) as a note box. */
    static String dot(List<GraphNode> nodes, String note) {
        StringBuilder out = new StringBuilder("digraph autograd {\n  rankdir=LR;\n  node [fontname=\"monospace\"];\n");
        for (GraphNode n : nodes) {
            String grad = n.grad() == null ? "" : " | grad " + escapeDot(n.grad());
            out.append("  n").append(n.id()).append(" [shape=record, label=\"{ ").append(escapeDot(n.name()))
                    .append(" | data ").append(escapeDot(n.value())).append(grad).append(" }\"];\n");
            if (!n.inputs().isEmpty()) {
                out.append("  op").append(n.id()).append(" [shape=ellipse, label=\"").append(escapeDot(n.op())).append("\"];\n");
                out.append("  op").append(n.id()).append(" -> n").append(n.id()).append(";\n");
                for (int in : n.inputs()) {
                    out.append("  n").append(in).append(" -> op").append(n.id()).append(";\n");
                }
            }
        }
        if (note != null) {
            out.append("  note [shape=note, label=\"").append(escapeDot(note)).append("\"];\n");
        }
        return out.append("}\n").toString();
    }

    /** Mermaid of {@code nodes}, with {@code note} (or nothing, when null) as a note box. */
    static String mermaid(List<GraphNode> nodes, String note) {
        StringBuilder out = new StringBuilder("flowchart LR\n");
        for (GraphNode n : nodes) {
            String grad = n.grad() == null ? "" : "<br/>grad " + escapeMermaid(n.grad());
            out.append("  n").append(n.id()).append("[\"").append(escapeMermaid(n.name())).append("<br/>data ")
                    .append(escapeMermaid(n.value())).append(grad).append("\"]\n");
            if (!n.inputs().isEmpty()) {
                out.append("  op").append(n.id()).append("((\"").append(escapeMermaid(n.op())).append("\"))\n");
                for (int in : n.inputs()) {
                    out.append("  n").append(in).append(" --> op").append(n.id()).append('\n');
                }
                out.append("  op").append(n.id()).append(" --> n").append(n.id()).append('\n');
            }
        }
        if (note != null) {
            out.append("  note[/\"").append(escapeMermaid(note)).append("\"/]\n");
        }
        return out.toString();
    }

    private static String inputList(GraphNode n) {
        return n.inputs().isEmpty() ? "-" : n.inputs().stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    private static void appendRow(StringBuilder out, String[] cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < cells.length; c++) {
            line.append(c == 0 ? "" : "  ").append(cells[c]).append(" ".repeat(widths[c] - cells[c].length()));
        }
        out.append(line.toString().stripTrailing()).append('\n');
    }

    private static String escapeDot(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("{", "\\{").replace("}", "\\}")
                .replace("|", "\\|").replace("<", "\\<").replace(">", "\\>");
    }

    private static String escapeMermaid(String s) {
        return s.replace("#", "#35;").replace("\"", "#quot;").replace("<", "#lt;").replace(">", "#gt;");
    }
}
