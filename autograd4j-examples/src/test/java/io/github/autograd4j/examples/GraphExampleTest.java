package io.github.autograd4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.autograd4j.Value;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GraphExampleTest {

    @Test
    void theNeuronIsWrittenAsDotMermaidAndATable(@TempDir Path dir) throws Exception {
        Silent out = new Silent();
        GraphExample.Result r = GraphExample.run(new GraphExample.Config(GraphExample.Expression.NEURON, dir, out.out()));
        assertEquals(10, r.graph().size());
        assertEquals(1.0, ((Value) r.graph().find("w1").node()).grad(), 1e-6, "do/dw1 = (1 - o^2) x1");
        assertEquals(dir.resolve("neuron.dot"), r.files().get(0));
        assertTrue(Files.readString(dir.resolve("neuron.dot")).contains("tanh"));
        assertTrue(Files.readString(dir.resolve("neuron.mmd")).contains("tanh"));
        assertEquals(r.graph().toTable(), Files.readString(dir.resolve("neuron.txt")));
        assertEquals(GraphExample.graphviz() != null, r.rendered());
        assertEquals(r.rendered() ? 6 : 4, r.files().size());
        assertEquals(dir.resolve("neuron.html"), r.files().get(3));
        String html = Files.readString(dir.resolve("neuron.html"));
        assertTrue(html.startsWith("<!DOCTYPE html>") && html.contains("\"name\":\"w1\""), "the report of the same graph");
        assertTrue(out.text().contains("neuron.html"), "listed");
        assertTrue(out.text().contains(r.rendered() ? "rendered" : "not on the PATH"), out.text());
    }

    @Test
    void theTensorLayerGraphEndsInItsLoss(@TempDir Path dir) throws Exception {
        GraphExample.Result r = GraphExample.run(new GraphExample.Config(GraphExample.Expression.MLP, dir, new Silent().out()));
        assertEquals("loss", r.graph().root().name());
        assertTrue(Files.readString(dir.resolve("mlp.dot")).contains("matmul"));
        assertTrue(Files.readString(dir.resolve("mlp.html")).contains("\"name\":\"loss\""));
    }
}
