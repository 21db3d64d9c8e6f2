package io.github.autograd4j.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.autograd4j.Tensor;
import io.github.autograd4j.Value;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Graph snapshots and their exports, compared with golden files under src/test/resources/golden. */
class GraphTest {

    /** micrograd's neuron example: o = tanh(x1 w1 + x2 w2 + b). */
    private static Value neuron() {
        Value x1 = Value.of(2.0, "x1");
        Value x2 = Value.of(0.0, "x2");
        Value w1 = Value.of(-3.0, "w1");
        Value w2 = Value.of(1.0, "w2");
        Value b = Value.of(6.8813735870195432, "b");
        Value n = x1.mul(w1).add(x2.mul(w2)).add(b).label("n");
        return n.tanh().label("o");
    }

    /** A small tensor graph: loss = sum(relu(W x + b)). */
    private static Tensor tensorGraph() {
        Tensor w = Tensor.of(new double[][] {{1, -2}, {0.5, 1}}).requiresGrad(true).label("W");
        Tensor x = Tensor.vector(1, 2).label("x");
        Tensor b = Tensor.vector(0.5, -0.5).requiresGrad(true).label("b");
        return w.mul(x).sum(1, false).add(b).mul(Tensor.vector(1, 3)).sum().label("loss");
    }

    @Test
    void nodesComeInTopologicalOrderWithStableIds() {
        Value o = neuron();
        Graph g = Graph.of(o);
        assertEquals(10, g.size());
        assertSame(o, g.root().node());
        for (GraphNode n : g.nodes()) {
            for (int in : n.inputs()) {
                assertEquals(true, in < n.id(), "inputs come first");
            }
        }
        assertEquals(List.of("x1", "w1", "mul#2", "x2", "w2", "mul#5", "add#6", "b", "n", "o"),
                g.nodes().stream().map(GraphNode::name).toList());
        assertEquals(Graph.of(neuron()).toTable(), g.toTable(), "the same code gives the same ids");
    }

    @Test
    void findByLabelAndGradientsAfterBackward() {
        Value o = neuron();
        assertEquals("0", Graph.of(o).find("w1").grad());
        o.backward();
        Graph g = Graph.of(o);
        assertEquals(1.0, ((Value) g.find("w1").node()).grad(), 1e-6);
        assertEquals("0.5", g.find("n").grad().substring(0, 3));
        NoSuchElementException e = assertThrows(NoSuchElementException.class, () -> g.find("nope"));
        assertEquals("Graph.find: no node labelled 'nope'; labels in this graph: x1, w1, x2, w2, b, n, o", e.getMessage());
    }

    @Test
    void valueGraphExportsMatchTheGoldenFiles() throws IOException {
        Value o = neuron();
        o.backward();
        Graph g = Graph.of(o);
        assertEquals(golden("neuron.table.txt"), g.toTable(), g.toTable());
        assertEquals(golden("neuron.dot"), g.toDot(), g.toDot());
        assertEquals(golden("neuron.mmd"), g.toMermaid(), g.toMermaid());
    }

    @Test
    void tensorGraphExportsMatchTheGoldenFiles() throws IOException {
        Tensor loss = tensorGraph();
        loss.backward(null, true, false); // a retained graph keeps its links to be viewed
        Graph g = Graph.of(loss);
        assertEquals(golden("tensor.table.txt"), g.toTable(), g.toTable());
        assertEquals(golden("tensor.dot"), g.toDot(), g.toDot());
        assertEquals(golden("tensor.mmd"), g.toMermaid(), g.toMermaid());
        assertNull(g.find("x").grad(), "a constant has no gradient");
    }

    @Test
    void aViewOfAGraphFreedByBackwardSaysSoAndHowToKeepIt() {
        Tensor loss = tensorGraph();
        loss.backward();
        Graph g = Graph.of(loss);
        assertEquals(1, g.size(), "the freed root no longer links to its inputs");
        assertEquals(List.of(g.root()), g.freed());
        assertTrue(g.root().freed());
        String note = "the graph below node 0 'loss' (sum) was freed by a backward pass that did not retain it, so this"
                + " view stops there; to view a graph after backward, pass retainGraph = true to the first pass:"
                + " backward(null, true, false)";
        assertEquals(Optional.of(note), g.freedNote());
        assertEquals("id  name  op   shape  inputs  value  grad\n0   loss  sum  ()     freed   3.5    -\nnote: " + note + "\n",
                g.toTable());
        assertTrue(g.toDot().contains("  note [shape=note, label=\"the graph below node 0 'loss' (sum) was freed"), g.toDot());
        assertTrue(g.toMermaid().contains("  note[/\"the graph below node 0 'loss' (sum) was freed"), g.toMermaid());
        NoSuchElementException e = assertThrows(NoSuchElementException.class, () -> g.find("W"));
        assertEquals("Graph.find: no node labelled 'W'; labels in this graph: loss; " + note, e.getMessage());
    }

    @Test
    void aNewGraphOnAFreedIntermediateShowsWhereItStops() {
        Tensor x = Tensor.vector(1, 2).requiresGrad(true).label("x");
        Tensor y = x.exp().label("y");
        y.sum().backward();
        Graph g = Graph.of(y.mul(2).label("z"));
        assertEquals(List.of("y", "leaf#1", "z"), g.nodes().stream().map(GraphNode::name).toList());
        assertEquals(List.of(g.find("y")), g.freed());
        assertTrue(g.toTable().endsWith("note: the graph below node 0 'y' (exp) was freed by a backward pass that did not"
                + " retain it, so this view stops there; to view a graph after backward, pass retainGraph = true to the"
                + " first pass: backward(null, true, false)\n"), g.toTable());
    }

    @Test
    void aRetainedGraphAndAScalarGraphHaveNoNote() {
        Tensor loss = tensorGraph();
        loss.backward(null, true, false);
        assertTrue(Graph.of(loss).freed().isEmpty());
        assertEquals(Optional.empty(), Graph.of(loss).freedNote());
        Value o = neuron();
        o.backward();
        assertTrue(Graph.of(o).freed().isEmpty(), "a scalar graph is never freed");
        assertFalse(Graph.of(o).toTable().contains("note"));
    }

    private static String golden(String name) throws IOException {
        try (InputStream in = GraphTest.class.getResourceAsStream("/golden/" + name)) {
            if (in == null) {
                throw new AssertionError("missing golden file src/test/resources/golden/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
