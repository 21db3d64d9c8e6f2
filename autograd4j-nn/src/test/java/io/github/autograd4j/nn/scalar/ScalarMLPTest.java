package io.github.autograd4j.nn.scalar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.autograd4j.Value;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ScalarMLPTest {

    @Test
    void countsParametersAsMicrograd() {
        assertEquals(337, new ScalarMLP(new Random(0), 2, 16, 16, 1).parameters().size());
        assertEquals(9, new ScalarMLP(new Random(0), 2, 2, 1).parameters().size());
        assertEquals(4, new Neuron(new Random(0), 3, Activation.RELU).parameters().size());
        assertEquals(10, new Layer(new Random(0), 4, 2, Activation.TANH).parameters().size());
    }

    @Test
    void weightsAreUniformDrawsFromTheRandomInOrderAndBiasesStartAtZero() {
        ScalarMLP net = new ScalarMLP(new Random(7), 2, 3, 1);
        Random rng = new Random(7);
        List<Value> params = net.parameters();
        for (int i = 0; i < params.size(); i++) {
            boolean bias = i == 2 || i == 5 || i == 8 || i == 12;
            assertEquals(bias ? 0.0 : rng.nextDouble() * 2 - 1, params.get(i).data(), 0.0, "parameter " + i);
        }
    }

    @Test
    void theSameSeedRepeatsARunExactly() {
        ScalarMLP a = new ScalarMLP(new Random(42), 3, 4, 4, 1);
        ScalarMLP b = new ScalarMLP(new Random(42), 3, 4, 4, 1);
        double[] x = {0.5, -1.5, 2.0};
        Value outA = a.forward(x)[0];
        Value outB = b.forward(x)[0];
        outA.backward();
        outB.backward();
        assertEquals(outA.data(), outB.data(), 0.0);
        for (int i = 0; i < a.parameters().size(); i++) {
            assertEquals(a.parameters().get(i).data(), b.parameters().get(i).data(), 0.0);
            assertEquals(a.parameters().get(i).grad(), b.parameters().get(i).grad(), 0.0);
        }
        assertNotEquals(outA.data(), new ScalarMLP(new Random(43), 3, 4, 4, 1).forward(x)[0].data());
    }

    @Test
    void forwardMatchesAHandComputation() {
        ScalarMLP net = new ScalarMLP(new Random(3), Activation.TANH, Activation.SIGMOID, 2, 2, 1);
        double[] p = net.parameters().stream().mapToDouble(Value::data).toArray();
        p[2] = 0.25; // give the biases values, so that they count
        p[5] = -0.5;
        p[8] = 0.125;
        for (int i = 0; i < p.length; i++) {
            net.parameters().get(i).setData(p[i]);
        }
        double x0 = 0.7;
        double x1 = -1.2;
        double h0 = Math.tanh(p[2] + p[0] * x0 + p[1] * x1);
        double h1 = Math.tanh(p[5] + p[3] * x0 + p[4] * x1);
        double expected = 1 / (1 + Math.exp(-(p[8] + p[6] * h0 + p[7] * h1)));

        assertEquals(expected, net.forward(x0, x1)[0].data(), 1e-15);
        assertEquals(expected, net.forward(Value.constant(x0), Value.of(x1))[0].data(), 1e-15);
    }

    @Test
    void aNeuronBuildsTwoNodesPerInputPlusItsActivation() {
        Value out = new Neuron(new Random(1), 3, Activation.RELU).forward(1.0, 2.0, 3.0);
        assertEquals(7, out.topologicalOrder().stream().filter(n -> !n.isLeaf()).count());
        Value linear = new Neuron(new Random(1), 3, Activation.LINEAR).forward(1.0, 2.0, 3.0);
        assertEquals(6, linear.topologicalOrder().stream().filter(n -> !n.isLeaf()).count());
    }

    @Test
    void gradientsReachEveryParameterAndZeroGradClearsThem() {
        ScalarMLP net = new ScalarMLP(new Random(5), Activation.TANH, Activation.LINEAR, 2, 3, 1);
        net.forward(0.3, -0.8)[0].backward();
        assertNotEquals(0.0, net.parameters().get(0).grad());
        assertNotEquals(0.0, net.parameters().get(net.parameters().size() - 1).grad());
        net.zeroGrad();
        net.parameters().forEach(v -> assertEquals(0.0, v.grad()));
    }

    @Test
    void printsLikeMicrograd() {
        assertEquals("ReLUNeuron(2)", new Neuron(new Random(0), 2, Activation.RELU).toString());
        assertEquals("MLP of [Layer of [ReLUNeuron(2), ReLUNeuron(2)], Layer of [LinearNeuron(2)]]",
                new ScalarMLP(new Random(0), 2, 2, 1).toString());
        assertEquals("Layer of [SigmoidNeuron(1)]", new Layer(new Random(0), 1, 1, Activation.SIGMOID).toString());
    }

    @Test
    void badSizesNameTheOperationAndTheSizes() {
        Neuron neuron = new Neuron(new Random(0), 3, Activation.TANH);
        assertEquals("Neuron: expected 3 inputs, got 2",
                assertThrows(IllegalArgumentException.class, () -> neuron.forward(1.0, 2.0)).getMessage());
        assertEquals("Layer: expected 2 inputs, got 1", assertThrows(IllegalArgumentException.class,
                () -> new Layer(new Random(0), 2, 4, Activation.RELU).forward(Value.of(1))).getMessage());
        assertEquals("ScalarMLP: expected 2 inputs, got 3", assertThrows(IllegalArgumentException.class,
                () -> new ScalarMLP(new Random(0), 2, 1).forward(1.0, 2.0, 3.0)).getMessage());
        assertEquals("Neuron: fan-in must be at least 1, got 0", assertThrows(IllegalArgumentException.class,
                () -> new Neuron(new Random(0), 0, Activation.RELU)).getMessage());
        assertEquals("Layer: fan-out must be at least 1, got -1", assertThrows(IllegalArgumentException.class,
                () -> new Layer(new Random(0), 2, -1, Activation.RELU)).getMessage());
        assertEquals("ScalarMLP: sizes must be at least two numbers, each at least 1, got [2, 0, 1]",
                assertThrows(IllegalArgumentException.class, () -> new ScalarMLP(new Random(0), 2, 0, 1)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ScalarMLP(new Random(0), 2));
    }
}
