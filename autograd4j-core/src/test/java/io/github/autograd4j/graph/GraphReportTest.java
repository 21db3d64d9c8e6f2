package io.github.autograd4j.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.autograd4j.AnomalyException;
import io.github.autograd4j.BackwardStep;
import io.github.autograd4j.CustomOp;
import io.github.autograd4j.Debug;
import io.github.autograd4j.Node;
import io.github.autograd4j.Tensor;
import io.github.autograd4j.Value;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTML graph report: its data, its stepper against the engine's, and that making it changes nothing. */
class GraphReportTest {

    /** micrograd's neuron, with a square (x * x) and a constant, so that every case of the scalar rule shows. */
    private static Value neuron() {
        Value x = Value.of(2.0, "x");
        Value w = Value.of(-3.0, "w");
        Value b = Value.of(6.8813735870195432, "b");
        Value n = x.mul(w).add(b).add(x.mul(x).mul(0.01)).label("n");
        return n.tanh().relu().add(Value.constant(0.5)).label("o");
    }

    /** A two-layer net and its loss, labelled as nn labels parameters. */
    private static Tensor mlp() {
        Tensor x = Tensor.of(new double[][] {{0.5, -1.0, 2.0}, {1.5, 0.0, -0.5}}).label("x");
        Tensor w1 = Tensor.of(new double[][] {{0.1, -0.2, 0.3}, {0.4, 0.5, -0.6}}).requiresGrad(true).label("0.weight");
        Tensor b1 = Tensor.vector(0.1, -0.1).requiresGrad(true).label("0.bias");
        Tensor w2 = Tensor.of(new double[][] {{0.7, -0.8}}).requiresGrad(true).label("2.weight");
        Tensor h = x.matmul(w1.transpose(0, 1)).add(b1).tanh().label("h");
        return h.matmul(w2.transpose(0, 1)).pow(2.0).mean().label("loss");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> nodes(Map<String, Object> data) {
        return (List<Map<String, Object>>) data.get("nodes");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> stepper(Map<String, Object> data) {
        return (Map<String, Object>) data.get("stepper");
    }

    private static Map<String, Object> nodeNamed(Map<String, Object> data, String name) {
        return nodes(data).stream().filter(n -> name.equals(n.get("name"))).findFirst().orElseThrow();
    }

    /** The replay of a graph built by {@code build} and the engine's own steps through another built the same way. */
    private static <N extends Node> void assertStepsAreTheEngines(Supplier<N> build,
                                                                  java.util.function.Function<N, List<? extends BackwardStep<N, ?>>> engine) {
        Map<String, Object> report = GraphReport.of(Graph.of(build.get())).data();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> replayed = (List<Map<String, Object>>) stepper(report).get("steps");
        N root = build.get();
        Graph graph = Graph.of(root);
        Map<Node, Integer> ids = new IdentityHashMap<>();
        graph.nodes().forEach(n -> ids.put(n.node(), n.id()));
        List<? extends BackwardStep<N, ?>> steps = engine.apply(root);
        assertEquals(steps.size(), replayed.size());
        for (int s = 0; s < steps.size(); s++) {
            BackwardStep<N, ?> step = steps.get(s);
            Map<String, Object> r = replayed.get(s);
            assertEquals(ids.get(step.node()), r.get("node"), "step " + s);
            assertEquals(summary(step.upstream()), r.get("upstream"), "step " + s);
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> sent = (List<Map<String, Object>>) r.get("sent");
            List<Object> expected = new ArrayList<>();
            for (int i = 0; i < step.inputs().size(); i++) {
                if (step.contribution(i) != null) {
                    expected.add(List.of(i, ids.get(step.inputs().get(i)), summary(step.contribution(i))));
                }
            }
            assertEquals(expected, sent.stream().map(m -> List.of(m.get("input"), m.get("to"), m.get("value"))).toList(), "step " + s);
        }
    }

    private static String summary(Object gradient) {
        return gradient instanceof Tensor t ? t.dataSummary() : BackwardReplay.format((Double) gradient);
    }

    @Test
    void theValueStepperReplaysTheEnginesSteps() {
        assertStepsAreTheEngines(GraphReportTest::neuron, root -> root.backwardSteps().toList());
    }

    @Test
    void theTensorStepperIsTheEnginesSteps() {
        assertStepsAreTheEngines(GraphReportTest::mlp, root -> root.backwardSteps().toList());
    }

    @Test
    void theStepperShowsEachGradientAsItAccumulates() {
        Value o = neuron();
        Map<String, Object> data = GraphReport.of(Graph.of(o)).data();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> steps = (List<Map<String, Object>>) stepper(data).get("steps");
        int x = (Integer) nodeNamed(data, "x").get("id");
        List<Object> xAfter = steps.stream().flatMap(s -> ((List<Map<String, Object>>) (List<?>) s.get("sent")).stream())
                .filter(m -> m.get("to").equals(x)).map(m -> m.get("after")).toList();
        o.backward();
        assertEquals(3, xAfter.size(), "x reaches mul(x, w) once and x * x twice: " + xAfter);
        assertEquals(BackwardReplay.format(((Value) Graph.of(o).find("x").node()).grad()), xAfter.get(2));
        assertEquals("1", stepper(data).get("seed"));
    }

    @Test
    void aReportOfATensorGraphChangesNoValueGradientOrGraph() {
        Tensor loss = mlp();
        loss.backward(null, true, false);
        Graph before = Graph.of(loss);
        List<double[]> data = before.nodes().stream().map(n -> ((Tensor) n.node()).toArray()).toList();
        List<Tensor> grads = before.nodes().stream().map(n -> ((Tensor) n.node()).grad()).toList();
        String table = before.toTable();

        String html = Graph.of(loss).toHtml();

        Graph after = Graph.of(loss);
        assertEquals(table, after.toTable());
        assertTrue(after.freed().isEmpty(), "not freed");
        for (int i = 0; i < after.size(); i++) {
            Tensor t = (Tensor) after.node(i).node();
            assertArrayEquals(data.get(i), t.toArray());
            assertSame(grads.get(i), t.grad(), "the gradient of " + after.node(i).name() + " is the very tensor it was");
        }
        Tensor w = (Tensor) after.find("0.weight").node();
        double[] once = w.grad().toArray();
        loss.backward(); // the graph is still there to back-propagate through
        for (int i = 0; i < once.length; i++) {
            assertEquals(2 * once[i], w.grad().toArray()[i], 1e-15);
        }
        assertTrue(html.contains("\"steps\":[{\"node\":"), "the page has the steps");
    }

    @Test
    void aReportOfAValueGraphChangesNoValueOrGradient() {
        Value o = neuron();
        o.backward();
        Graph before = Graph.of(o);
        String table = before.toTable();
        double[] grads = before.nodes().stream().mapToDouble(n -> ((Value) n.node()).grad()).toArray();
        Graph.of(o).toHtml();
        Graph after = Graph.of(o);
        assertEquals(table, after.toTable());
        assertArrayEquals(grads, after.nodes().stream().mapToDouble(n -> ((Value) n.node()).grad()).toArray());
    }

    @Test
    void aFreedGraphGetsAReportThatSaysSo() {
        Tensor loss = mlp();
        loss.backward();
        Graph freed = Graph.of(loss);
        Map<String, Object> data = GraphReport.of(freed).data();
        assertEquals(freed.freedNote().orElseThrow(), data.get("freedNote"));
        assertTrue(((String) stepper(data).get("unavailable")).startsWith("the stepper needs the graph, and the graph below node"),
                (String) stepper(data).get("unavailable"));
        assertEquals(true, nodes(data).get(0).get("freed"));
        assertTrue(freed.toHtml().contains("retainGraph"));
    }

    @Test
    void nonFiniteNodesCarryTheirProblemAndAnAnomalyItsMessage() {
        Value x = Value.of(-1.0, "x");
        Value root = x.sqrt().label("r").add(1.0).label("out");
        Map<String, Object> data = GraphReport.of(Graph.of(root)).data();
        assertEquals("value holds NaN, made by sqrt from 'x' = -1", nodeNamed(data, "r").get("problem"));
        assertNull(nodeNamed(data, "x").get("problem"));

        try (var anomalies = Debug.detectAnomalies()) {
            AnomalyException e = assertThrows(AnomalyException.class, () -> Value.of(-4.0, "y").log());
            Map<String, Object> reported = GraphReport.of(Graph.of(e.node())).anomaly(e).data();
            assertEquals(e.getMessage(), nodes(reported).get(1).get("problem"));
            assertEquals(e.getMessage(), reported.get("anomaly"));
        }
    }

    @Test
    void aRuleThatDisagreesWithFiniteDifferencesIsFlaggedWithTheNumbers() {
        CustomOp wrongSquare = new CustomOp("wrongSquare") {
            @Override
            protected Tensor forward(Context ctx, Tensor... in) {
                ctx.save(in[0]);
                return in[0].mul(in[0]);
            }

            @Override
            protected Tensor[] backward(Context ctx, Tensor g) {
                return new Tensor[] {g.mul(ctx.saved(0)).mul(3.0)}; // 3x instead of 2x
            }
        };
        Tensor x = Tensor.vector(1.0, 2.0).requiresGrad(true).label("x");
        Tensor loss = wrongSquare.apply(x).label("sq").sum().label("loss");
        Map<String, Object> data = GraphReport.of(Graph.of(loss)).data();
        @SuppressWarnings("unchecked")
        Map<String, Object> check = (Map<String, Object>) nodeNamed(data, "sq").get("check");
        assertEquals(false, check.get("passed"));
        assertEquals(2L, check.get("failures"), "the diagonal of the 2 x 2 Jacobian");
        assertEquals(6.0, (Double) check.get("analytic"), 1e-12, "the worst: d sq[1] / d x[1] by the wrong rule, 3 * 2");
        assertEquals(4.0, (Double) check.get("numeric"), 1e-6);
        assertEquals(List.of("sq"), nodes(data).stream()
                .filter(n -> n.get("check") != null && ((Map<?, ?>) n.get("check")).get("passed").equals(false))
                .map(n -> n.get("name")).toList(), "only the wrong rule is flagged");
    }

    @Test
    void aGraphBeyondTheLimitIsSummarisedNotRefused() {
        Value v = Value.of(0.5, "start");
        for (int i = 0; i < 3000; i++) {
            v = v.mul(0.999).add(0.001);
        }
        Graph chain = Graph.of(v);
        Map<String, Object> data = GraphReport.of(chain).data();
        assertEquals(true, data.get("summarised"));
        assertEquals(GraphReport.DEFAULT_NODE_LIMIT, nodes(data).size());
        assertEquals(chain.root().id(), nodes(data).get(nodes(data).size() - 1).get("id"), "the nodes nearest the root");
        assertNotNull(stepper(data).get("unavailable"));
        @SuppressWarnings("unchecked")
        Map<String, Integer> ops = (Map<String, Integer>) data.get("opCounts");
        assertEquals(3000, ops.get("mul"));
        assertTrue(chain.toHtml().length() < 1_000_000, "a summary stays small");
        assertThrows(IllegalArgumentException.class, () -> GraphReport.of(chain).nodeLimit(0));
    }

    @Test
    void groupsComeFromDottedLabels() {
        Map<String, Object> data = GraphReport.of(Graph.of(mlp())).data();
        assertEquals("0", nodeNamed(data, "0.weight").get("group"));
        Map<String, Object> firstLayerProduct = nodes(data).stream().filter(n -> n.get("op").equals("add")).findFirst().orElseThrow();
        assertEquals("0", firstLayerProduct.get("group"), "the sum with 0.bias joins group 0");
        assertNull(nodeNamed(data, "h").get("group"), "a labelled node without a dot is in none");
        assertNull(nodeNamed(data, "loss").get("group"));
    }

    @Test
    void thePageIsOneFileThatFetchesNothing() {
        Tensor loss = mlp();
        loss.label("</script><script>alert(1)</script>");
        String html = GraphReport.of(Graph.of(loss)).title("a <b> & title {{CSS}}").toHtml();
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertEquals(2, html.split("</script>", -1).length - 1, "the label cannot close the data's script element");
        assertTrue(html.contains("<title>a &lt;b&gt; &amp; title {{CSS}} - autograd4j</title>"), "the title is escaped, once");
        for (String fetch : List.of("<link", "src=", "@import", "url(", "https:", "fetch(", "XMLHttpRequest")) {
            assertFalse(html.contains(fetch), "nothing is fetched: " + fetch);
        }
        assertTrue(html.contains("function drawGraph()"), "the script is inline");
        assertTrue(html.contains("#step-panel"), "the style is inline");
    }

    @Test
    void writeHtmlWritesAllOrNothing(@TempDir Path dir) throws Exception {
        Graph g = Graph.of(neuron());
        Path file = dir.resolve("neuron.html");
        g.writeHtml(file);
        assertEquals(g.toHtml(), Files.readString(file));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList(), "no temporary file is left");
        }

        NoSuchFileException missing = assertThrows(NoSuchFileException.class, () -> g.writeHtml(dir.resolve("no/such/dir.html")));
        assertEquals(dir.resolve("no/such/dir.html") + ": its directory does not exist (GraphReport.writeHtml does not create directories)",
                missing.getMessage());
        Files.createDirectory(dir.resolve("sub"));
        FileSystemException directory = assertThrows(FileSystemException.class, () -> g.writeHtml(dir.resolve("sub")));
        assertEquals(dir.resolve("sub") + ": is a directory (GraphReport.writeHtml expected a file name)", directory.getMessage());
        assertEquals(g.toHtml(), Files.readString(file), "the earlier file is as it was");
        assertThrows(NullPointerException.class, () -> g.writeHtml(null));
    }
}
