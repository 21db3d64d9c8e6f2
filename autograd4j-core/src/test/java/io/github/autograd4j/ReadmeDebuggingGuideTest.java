package io.github.autograd4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.autograd4j.graph.Graph;
import io.github.autograd4j.graph.GraphCheck;
import org.junit.jupiter.api.Test;

/** The README's "Debugging a graph in your tests" guide, compiled and run: keep the two in sync. */
class ReadmeDebuggingGuideTest {

    @Test
    void theGuideRunsAsWritten() {
        Value x = Value.of(2.0, "x");
        Value w = Value.of(-3.0, "w");
        Value b = Value.of(6.8813735870195432, "b");
        Value o = x.mul(w).add(b).label("n").tanh().label("o");

        // 1. Step through backward and assert between steps.
        BackwardSteps<Value, Double> steps = o.backwardSteps();
        BackwardStep<Value, Double> tanh = steps.next();           // o's rule runs first
        assertEquals(1.0, tanh.upstream());
        assertEquals(0.5, tanh.contribution(0), 1e-6);              // 1 - tanh^2
        steps.finish();                                             // the rest, as backward() would
        assertEquals(-1.5, x.grad(), 1e-6);

        // 2. Look at the graph: ids, labels, values, gradients; export it.
        Graph g = Graph.of(o);
        assertEquals(0.5, ((Value) g.find("n").node()).grad(), 1e-6);
        String table = g.toTable();                                 // or toDot(), toMermaid()

        // 3. Find the op that made a NaN, and the line that made it.
        try (var anomalies = Debug.detectAnomalies()) {
            AnomalyException e = assertThrows(AnomalyException.class, () -> Value.of(-1.0).sqrt());
            // e.getMessage(): "anomaly in forward: sqrt produced NaN ... made at MyTest.java:NN"
        }

        // 4. When an end-to-end GradCheck fails, find the node whose rule is wrong.
        GraphCheck.locate(o).assertPassed();

        assertEquals(6, g.size());
        assertEquals(true, table.startsWith("id  name"));
    }
}
