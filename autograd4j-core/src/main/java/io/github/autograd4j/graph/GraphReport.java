package io.github.autograd4j.graph;

import io.github.autograd4j.AnomalyException;
import io.github.autograd4j.GradCheckResult;
import io.github.autograd4j.Value;
import io.github.autograd4j.io.AtomicWrite;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A graph as one self-contained HTML page, to open in any browser with no server and no network:
 * the graph laid out in layers (inputs left, outputs right, or top down), each node with its op,
 * label, shape, value, gradient and the line that made it (when sites were recorded); a stepper
 * that replays the backward pass rule by rule ("step", "back", "run to node", "run to end"),
 * highlighting the node whose rule runs and what it sends, with every node's gradient as it
 * accumulates; nodes holding NaN or infinity in red, with the anomaly message; nodes whose rule
 * disagrees with finite differences ({@link GraphCheck#locate}) flagged with the numbers; search by
 * label or op, and a table view of the same data.
 *
 * <pre>{@code
 * GraphReport.of(Graph.of(loss)).title("my test").writeHtml(Path.of("target/loss.html"));
 * Files.writeString(path, Graph.of(loss).toHtml());   // the same with the defaults
 * }</pre>
 *
 * <p>Making a report changes no value, gradient or graph, and frees nothing (see the stepper's
 * note on the page for how its pass is made); make it while no other thread back-propagates into
 * the same leaves. A graph of more than {@link #nodeLimit(int)} nodes
 * is summarised: the page shows the nodes nearest the root and counts the rest by op, without the
 * stepper and the rule checks. Instances are immutable; the setters return a changed copy.
 */
public final class GraphReport {

    /** The default node limit: larger graphs are summarised. */
    public static final int DEFAULT_NODE_LIMIT = 1000;

    private static final String RESOURCES = "/io/github/autograd4j/graph/report.";
    private static final Pattern SLOT = Pattern.compile("\\{\\{([A-Z]+)}}");

    private final Graph graph;
    private final String title;
    private final AnomalyException anomaly;
    private final int nodeLimit;

    private GraphReport(Graph graph, String title, AnomalyException anomaly, int nodeLimit) {
        this.graph = graph;
        this.title = title;
        this.anomaly = anomaly;
        this.nodeLimit = nodeLimit;
    }

    /**
     * A report of {@code graph}, titled after its root, with the default node limit.
     *
     * @param graph the graph to show
     * @return the report
     */
    public static GraphReport of(Graph graph) {
        Objects.requireNonNull(graph, "GraphReport.of: graph is null");
        return new GraphReport(graph, "graph of '" + graph.root().name() + "'", null, DEFAULT_NODE_LIMIT);
    }

    /**
     * The same report with {@code title} as the page's title and heading.
     *
     * @param title the title
     * @return the changed copy
     */
    public GraphReport title(String title) {
        return new GraphReport(graph, Objects.requireNonNull(title, "GraphReport.title: title is null"), anomaly, nodeLimit);
    }

    /**
     * The same report with {@code anomaly}'s message on its node (when the node is in the graph),
     * as what made a test fail.
     *
     * @param anomaly the exception, whose node is marked with its message
     * @return the changed copy
     */
    public GraphReport anomaly(AnomalyException anomaly) {
        return new GraphReport(graph, title, Objects.requireNonNull(anomaly, "GraphReport.anomaly: anomaly is null"), nodeLimit);
    }

    /**
     * The same report with another node limit: a graph of more nodes is summarised.
     *
     * @param limit the most nodes shown in full
     * @return the changed copy
     * @throws IllegalArgumentException when {@code limit} is less than 1
     */
    public GraphReport nodeLimit(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("GraphReport.nodeLimit: the limit must be at least 1, got " + limit);
        }
        return new GraphReport(graph, title, anomaly, limit);
    }

    /**
     * The page, one HTML document with its script and style inline.
     *
     * @return the HTML text
     */
    public String toHtml() {
        Map<String, String> slots = Map.of("TITLE", escapeHtml(title), "CSS", resource("css"), "JS", resource("js"),
                "DATA", Json.write(data()));
        Matcher m = SLOT.matcher(resource("html"));
        StringBuilder page = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(page, Matcher.quoteReplacement(slots.get(m.group(1))));
        }
        return m.appendTail(page).toString();
    }

    /**
     * Writes the page to {@code file}, all or nothing: to a temporary file in the same directory,
     * forced to disk and then moved over {@code file}, so a failed write leaves any previous file as it was.
     *
     * @param file the file to write; its directory must exist
     * @throws IOException when the directory does not exist, {@code file} is a directory, or writing fails
     */
    public void writeHtml(Path file) throws IOException {
        Objects.requireNonNull(file, "GraphReport.writeHtml: file is null");
        AtomicWrite.writeString("GraphReport.writeHtml", file, toHtml());
    }

    /** The page's data, as the script reads it. */
    Map<String, Object> data() {
        boolean summarised = graph.size() > nodeLimit;
        BitSet shown = shown(summarised);
        Map<Integer, GradCheckResult> checks = new TreeMap<>();
        String checkError = summarised ? null : check(checks);
        BackwardReplay.Replay replay = summarised
                ? BackwardReplay.Replay.unavailable("the graph has " + graph.size() + " nodes, more than the report's limit of "
                        + nodeLimit + ", so it is summarised without the stepper")
                : BackwardReplay.of(graph, checks);

        Map<String, Object> data = new LinkedHashMap<>();
        data.put("title", title);
        data.put("engine", graph.root().node() instanceof Value ? "value" : "tensor");
        data.put("nodeCount", graph.size());
        data.put("nodeLimit", nodeLimit);
        data.put("summarised", summarised);
        data.put("freedNote", graph.freedNote().orElse(null));
        data.put("checkError", checkError);
        data.put("anomaly", anomaly == null ? null : anomaly.getMessage());
        data.put("opCounts", opCounts());
        List<Object> nodes = new ArrayList<>();
        for (int id = shown.nextSetBit(0); id >= 0; id = shown.nextSetBit(id + 1)) {
            nodes.add(node(graph.node(id), shown, checks.get(id)));
        }
        data.put("nodes", nodes);
        data.put("stepper", stepper(replay));
        return data;
    }

    /** The ids on the page: all, or the {@link #nodeLimit} nearest the root (breadth first over inputs). */
    private BitSet shown(boolean summarised) {
        BitSet shown = new BitSet(graph.size());
        if (!summarised) {
            shown.set(0, graph.size());
            return shown;
        }
        Deque<Integer> queue = new ArrayDeque<>(List.of(graph.root().id()));
        shown.set(graph.root().id());
        while (!queue.isEmpty() && shown.cardinality() < nodeLimit) {
            for (int in : graph.node(queue.poll()).inputs()) {
                if (!shown.get(in) && shown.cardinality() < nodeLimit) {
                    shown.set(in);
                    queue.add(in);
                }
            }
        }
        return shown;
    }

    /** Runs {@link GraphCheck#locate} into {@code checks}; the failure's message when it could not run. */
    private String check(Map<Integer, GradCheckResult> checks) {
        if (!graph.freed().isEmpty()) {
            return "not checked: " + graph.freedNote().orElseThrow();
        }
        try {
            for (GraphCheck.NodeResult r : GraphCheck.locate(graph.root().node()).results()) {
                if (r.check() != null) {
                    checks.put(r.node().id(), r.check());
                }
            }
            return null;
        } catch (RuntimeException e) {
            checks.clear();
            return "the rules could not be checked against finite differences: " + e;
        }
    }

    private Map<String, Integer> opCounts() {
        Map<String, Integer> counts = new TreeMap<>();
        graph.nodes().forEach(n -> counts.merge(n.op(), 1, Integer::sum));
        return counts;
    }

    private Map<String, Object> node(GraphNode n, BitSet shown, GradCheckResult check) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", n.id());
        m.put("name", n.name());
        m.put("op", n.op());
        m.put("label", n.label());
        m.put("shape", n.shape().toString());
        m.put("value", n.value());
        m.put("grad", n.grad());
        m.put("inputs", n.inputs().stream().filter(shown::get).toList());
        m.put("hiddenInputs", n.inputs().stream().filter(i -> !shown.get(i)).count());
        m.put("leaf", n.inputs().isEmpty() && !n.freed());
        m.put("freed", n.freed());
        m.put("site", n.node().creationSite());
        m.put("group", ReportGroups.group(graph, n));
        m.put("problem", problem(n));
        m.put("check", check == null ? null : checkData(check));
        return m;
    }

    /** What is wrong with the node's numbers: the anomaly's message, or where its value or gradient is not finite; null when nothing is. */
    private String problem(GraphNode n) {
        if (anomaly != null && anomaly.node() == n.node()) {
            return anomaly.getMessage();
        }
        String value = NonFinite.inValue(n.node()).orElse(null);
        String grad = NonFinite.inGradient(n.node()).orElse(null);
        if (value == null && grad == null) {
            return null;
        }
        StringBuilder s = new StringBuilder();
        if (value != null) {
            s.append("value holds ").append(value).append(n.inputs().isEmpty() ? "" : ", made by " + n.op() + " from ");
            for (int i = 0; i < n.inputs().size(); i++) {
                GraphNode in = graph.node(n.inputs().get(i));
                s.append(i == 0 ? "" : ", ").append('\'').append(in.name()).append("' = ").append(in.value());
            }
        }
        if (grad != null) {
            s.append(value == null ? "" : "; ").append("gradient holds ").append(grad);
        }
        String site = n.node().creationSite();
        return site == null ? s.toString() : s.append("; made at ").append(site).toString();
    }

    private static Map<String, Object> checkData(GradCheckResult check) {
        GradCheckResult.Entry worst = check.worst();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("passed", check.passed());
        m.put("failures", check.entries().stream().filter(e -> !e.passed()).count());
        m.put("elements", check.entries().size());
        m.put("worst", worst.location());
        m.put("analytic", worst.analytic());
        m.put("numeric", worst.reference());
        m.put("absError", worst.absError());
        m.put("relError", worst.relError());
        m.put("summary", check.summary());
        return m;
    }

    private static Map<String, Object> stepper(BackwardReplay.Replay replay) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("unavailable", replay.unavailable());
        m.put("stoppedBy", replay.stoppedBy());
        m.put("seed", replay.seed());
        List<Object> steps = new ArrayList<>();
        for (BackwardReplay.Step s : replay.steps()) {
            List<Object> sent = new ArrayList<>();
            for (BackwardReplay.Sent x : s.sent()) {
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("input", x.input());
                e.put("to", x.to());
                e.put("value", x.value());
                e.put("after", x.after());
                e.put("finite", x.finite());
                sent.add(e);
            }
            Map<String, Object> step = new LinkedHashMap<>();
            step.put("node", s.node());
            step.put("upstream", s.upstream());
            step.put("sent", sent);
            steps.add(step);
        }
        m.put("steps", steps);
        return m;
    }

    private static String resource(String suffix) {
        try (InputStream in = GraphReport.class.getResourceAsStream(RESOURCES + suffix)) {
            if (in == null) {
                throw new IllegalStateException("GraphReport: the resource " + RESOURCES + suffix + " is missing from autograd4j-core");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("GraphReport: reading the resource " + RESOURCES + suffix, e);
        }
    }

    private static String escapeHtml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
