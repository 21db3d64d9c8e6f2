package io.github.autograd4j.examples;

import static io.github.autograd4j.testing.AutogradAssertions.assertThatGradient;
import static io.github.autograd4j.testing.AutogradAssertions.assertThatGradientOfValues;
import static io.github.autograd4j.testing.AutogradAssertions.assertThatGraph;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.autograd4j.AnomalyException;
import io.github.autograd4j.Tensor;
import io.github.autograd4j.Value;
import io.github.autograd4j.graph.Graph;
import io.github.autograd4j.nn.Linear;
import io.github.autograd4j.nn.loss.CrossEntropyLoss;
import io.github.autograd4j.testing.AutogradExtension;
import io.github.autograd4j.testing.AutogradTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * autograd4j-test as a user's test class uses it (the README's "Testing with autograd4j"): the
 * extension with its defaults, a seeded Random, gradient assertions to second order, graph
 * assertions with a golden file, anomaly detection, and the HTML report.
 */
@AutogradTest   // anomaly detection and site recording per test; a failure's graphs go to target/autograd-reports
class TestingWithAutograd4jTest {

    @Test
    void aLayersGradientMatchesFiniteDifferences(Random rng) {   // seeded from the test's id; printed on failure
        Tensor x = Tensor.randn(rng, 4, 3).label("x");
        Tensor w = Tensor.randn(rng, 2, 3).label("w");
        assertThatGradient(t -> t[0].matmul(t[1].transpose(0, 1)).tanh().sum())
                .at(x, w).toSecondOrder().matchesFiniteDifferences();
        assertThatGradient(t -> t[0].pow(2.0).sum()).at(x).isCloseTo(x.mul(2.0));
        assertThatGradientOfValues(v -> v[0].mul(v[1]).sin()).at(0.3, -1.2).withTolerance(1e-7, 1e-5).matchesFiniteDifferences();
    }

    @Test
    void theNeuronsGraph() {
        Value o = (Value) GraphExample.Expression.NEURON.build();      // o = tanh(x1 w1 + x2 w2 + b), after backward
        assertThatGraph(o).hasNoNaN().hasNodeCount(10).matchesGolden("graphs/neuron.dot")
                .hasNode("w1").withGradientCloseTo(1.0);                // do/dw1 = (1 - o^2) x1
    }

    @Test
    void aLayerAndItsLossTracked(@TempDir Path dir) throws Exception {
        Linear layer = new Linear(3, 2, new Random(1));
        Tensor loss = new CrossEntropyLoss().forward(layer.forward(Tensor.of(new double[][] {{1, -1, 0.5}})), Tensor.vector(1))
                .label("loss");
        loss.backward(null, true, false);
        AutogradExtension.track(loss);                    // a failure from here on writes this graph's report
        assertThatGraph(loss).hasNode("weight").withGradientCloseTo(layer.weight().grad());
        Graph.of(loss).writeHtml(dir.resolve("loss.html"));   // the same report, by hand
        assertTrue(Files.readString(dir.resolve("loss.html")).contains("\"name\":\"weight\""));
    }

    @Test
    void aNaNStopsTheTestWhereItIsMade() {
        AnomalyException e = assertThrows(AnomalyException.class, () -> Value.of(-1.0, "x").log());
        assertTrue(e.getMessage().contains("made at io.github.autograd4j.examples.TestingWithAutograd4jTest"), e.getMessage());
    }
}
