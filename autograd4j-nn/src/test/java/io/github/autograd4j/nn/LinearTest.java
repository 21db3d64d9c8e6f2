package io.github.autograd4j.nn;

import static io.github.autograd4j.nn.TestTensors.assertTensor;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.autograd4j.GradCheck;
import io.github.autograd4j.Tensor;
import io.github.autograd4j.nn.init.Init;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Linear and MLP: forward against hand computation, default initialisation, gradients of both orders. */
class LinearTest {

    @Test
    void forwardIsXTimesWeightTransposedPlusBias() {
        Linear layer = new Linear(3, 2, new Random(0));
        double[][] x = {{1, 2, 3}, {-1, 0.5, 4}, {0, 0, 0}, {2, -2, 1}};
        double[] w = layer.weight().toArray();
        double[] b = layer.bias().toArray();
        double[] expected = new double[4 * 2];
        for (int n = 0; n < 4; n++) {
            for (int o = 0; o < 2; o++) {
                double s = b[o];
                for (int i = 0; i < 3; i++) {
                    s += x[n][i] * w[o * 3 + i];
                }
                expected[n * 2 + o] = s;
            }
        }
        assertTensor(expected, new int[] {4, 2}, layer.forward(Tensor.of(x)), 1e-12);
    }

    @Test
    void forwardTakesAnyLeadingDimsAndAVector() {
        Linear layer = new Linear(3, 2, new Random(1));
        Tensor x = Tensor.randn(new Random(2), 2, 4, 3);
        Tensor y = layer.forward(x);
        assertArrayEquals(new int[] {2, 4, 2}, y.shape().toArray());
        Tensor row = layer.forward(x.select(0, 1).select(0, 2));
        assertArrayEquals(new int[] {2}, row.shape().toArray());
        assertArrayEquals(y.select(0, 1).select(0, 2).toArray(), row.toArray(), 1e-12);
    }

    @Test
    void withoutBiasIsXTimesWeightTransposed() {
        Linear layer = new Linear(2, 2, false, new Random(0));
        assertNull(layer.bias());
        Tensor w = layer.weight();
        Tensor y = layer.forward(Tensor.of(new double[][] {{1, 0}, {0, 1}}));
        assertArrayEquals(w.mT().toArray(), y.toArray(), 0.0);
    }

    @Test
    void rejectsAnInputOfTheWrongWidth() {
        Linear layer = new Linear(3, 2, new Random(0));
        assertEquals("Linear(3, 2): expected input with last dim 3, got shape (4, 5)",
                assertThrows(IllegalArgumentException.class, () -> layer.forward(Tensor.zeros(4, 5))).getMessage());
        assertEquals("Linear(3, 2): expected input with last dim 3, got shape ()",
                assertThrows(IllegalArgumentException.class, () -> layer.forward(Tensor.scalar(1))).getMessage());
        Sequential net = new Sequential(new Linear(10, 20, new Random(0)), new ReLU(), new Linear(21, 5, new Random(0)));
        assertEquals("Linear(21, 5): expected input with last dim 21, got shape (2, 20)",
                assertThrows(IllegalArgumentException.class, () -> net.forward(Tensor.zeros(2, 10))).getMessage());
    }

    @Test
    void defaultInitIsUniformWithinOneOverSqrtFanIn() {
        Linear layer = new Linear(400, 300, new Random(3));
        double bound = 1.0 / Math.sqrt(400);
        double[] w = layer.weight().toArray();
        double max = 0.0;
        double sumSq = 0.0;
        for (double v : w) {
            max = Math.max(max, Math.abs(v));
            sumSq += v * v;
        }
        assertTrue(max <= bound && max > 0.99 * bound, "max |w| " + max + " vs bound " + bound);
        assertEquals(bound * bound / 3.0, sumSq / w.length, 0.02 * bound * bound / 3.0);
        for (double v : layer.bias().toArray()) {
            assertTrue(Math.abs(v) <= bound);
        }
    }

    @Test
    void defaultInitDrawsTheWeightThenTheBiasFromTheSeed() {
        Linear a = new Linear(5, 4, new Random(42));
        Linear b = new Linear(5, 4, new Random(42));
        assertArrayEquals(a.weight().toArray(), b.weight().toArray(), 0.0);
        assertArrayEquals(a.bias().toArray(), b.bias().toArray(), 0.0);
        Random rng = new Random(42);
        Tensor w = Init.uniform(Tensor.zeros(4, 5), -1 / Math.sqrt(5), 1 / Math.sqrt(5), rng);
        Tensor bias = Init.uniform(Tensor.zeros(4), -1 / Math.sqrt(5), 1 / Math.sqrt(5), rng);
        assertArrayEquals(w.toArray(), a.weight().toArray(), 1e-15);
        assertArrayEquals(bias.toArray(), a.bias().toArray(), 1e-15);
    }

    @Test
    void takesExplicitInitialisers() {
        Linear layer = new Linear(3, 2, true, new Random(0), (w, r) -> Init.constant(w, 0.5), (b, r) -> Init.zeros(b));
        assertArrayEquals(new double[] {1.5, 1.5}, layer.forward(Tensor.ones(3)).toArray(), 1e-15);
        Linear xavier = new Linear(3, 2, false, new Random(0), Init::xavierUniform, null);
        assertEquals(6, xavier.numParameters());
    }

    @Test
    void functionalLinearHasFirstAndSecondDerivatives() {
        Random rng = new Random(5);
        Tensor x = Tensor.randn(rng, 4, 3);
        Tensor w = Tensor.randn(rng, 2, 3);
        Tensor b = Tensor.randn(rng, 2);
        GradCheck.of(t -> Tensor.linear(t[0], t[1], t[2]), x, w, b).assertPassed();
        GradCheck.of(t -> Tensor.linear(t[0], t[1], t[2]), x, w, b).gradGrad().assertPassed();
        GradCheck.of(t -> Tensor.linear(t[0], t[1], null), Tensor.randn(rng, 2, 2, 3), w).assertPassed();
    }

    @Test
    void linearModuleGradientsReachInputWeightAndBias() {
        Linear layer = new Linear(3, 2, new Random(6));
        Tensor x = Tensor.randn(new Random(7), 5, 3).requiresGrad(true);
        GradCheck.of(t -> layer.forward(t[0]).tanh(), x).assertPassed();
        GradCheck.of(t -> layer.forwardWith(Map.of("weight", t[1], "bias", t[2]), t[0]).tanh(),
                x, layer.weight(), layer.bias()).assertPassed();
        GradCheck.of(t -> layer.forwardWith(Map.of("weight", t[1], "bias", t[2]), t[0]).tanh(),
                x, layer.weight(), layer.bias()).gradGrad().assertPassed();
    }

    @Test
    void mlpGradientsReachInputAndEveryParameterToSecondOrder() {
        MLP mlp = new MLP(new Random(8), Tanh::new, 3, 4, 2);
        Tensor x = Tensor.randn(new Random(9), 2, 3).requiresGrad(true);
        String[] names = mlp.namedParameters().keySet().toArray(String[]::new);
        Tensor[] inputs = new Tensor[names.length + 1];
        inputs[0] = x;
        for (int i = 0; i < names.length; i++) {
            inputs[i + 1] = mlp.namedParameters().get(names[i]);
        }
        Function<Tensor[], Tensor> f = t -> {
            Map<String, Tensor> swap = new LinkedHashMap<>();
            for (int i = 0; i < names.length; i++) {
                swap.put(names[i], t[i + 1]);
            }
            return mlp.forwardWith(swap, t[0]);
        };
        GradCheck.of(f, inputs).assertPassed();
        GradCheck.of(f, inputs).gradGrad().assertPassed();
        GradCheck.of(t -> mlp.forward(t[0]), x).gradGrad().assertPassed();
    }

    @Test
    void backwardFillsTheParametersGradients() {
        Linear layer = new Linear(3, 2, new Random(10));
        Tensor x = Tensor.of(new double[][] {{1, 2, 3}, {4, 5, 6}});
        layer.forward(x).sum().backward();
        assertArrayEquals(new double[] {5, 7, 9, 5, 7, 9}, layer.weight().grad().toArray(), 1e-12);
        assertArrayEquals(new double[] {2, 2}, layer.bias().grad().toArray(), 1e-12);
    }
}
