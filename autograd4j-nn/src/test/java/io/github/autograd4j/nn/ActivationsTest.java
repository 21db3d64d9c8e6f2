package io.github.autograd4j.nn;

import io.github.autograd4j.TestInputs;
import static io.github.autograd4j.nn.TestTensors.assertTensor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.autograd4j.GradCheck;
import io.github.autograd4j.Tensor;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Activation modules, Flatten and Identity: values by hand, gradients, shapes and printing. */
class ActivationsTest {

    private static final Tensor X = Tensor.vector(-2.0, -0.5, 0.5, 3.0);
    private static final int[] SHAPE = {4};

    @Test
    void reluTanhSigmoidAndLeakyReluByHand() {
        assertTensor(new double[] {0, 0, 0.5, 3}, SHAPE, new ReLU().forward(X), 0.0);
        assertTensor(new double[] {Math.tanh(-2), Math.tanh(-0.5), Math.tanh(0.5), Math.tanh(3)}, SHAPE,
                new Tanh().forward(X), 1e-15);
        assertTensor(new double[] {sigmoid(-2), sigmoid(-0.5), sigmoid(0.5), sigmoid(3)}, SHAPE,
                new Sigmoid().forward(X), 1e-15);
        assertTensor(new double[] {-0.02, -0.005, 0.5, 3}, SHAPE, new LeakyReLU().forward(X), 1e-15);
        assertTensor(new double[] {-0.4, -0.1, 0.5, 3}, SHAPE, new LeakyReLU(0.2).forward(X), 1e-15);
    }

    @Test
    void geluIsXTimesTheNormalCdf() {
        // Phi(x) at -2, -0.5, 0.5, 3 from tables of the standard normal distribution
        double[] phi = {0.022750131948179, 0.308537538725987, 0.691462461274013, 0.998650101968370};
        double[] x = X.toArray();
        double[] expected = new double[4];
        for (int i = 0; i < 4; i++) {
            expected[i] = x[i] * phi[i];
        }
        assertTensor(expected, SHAPE, new GELU().forward(X), 1e-12);
    }

    @Test
    void softmaxRowsArePositiveAndSumToOne() {
        Tensor x = Tensor.of(new double[][] {{1, 2, 3}, {0, 0, 0}});
        double z = Math.exp(1) + Math.exp(2) + Math.exp(3);
        assertTensor(new double[] {Math.exp(1) / z, Math.exp(2) / z, Math.exp(3) / z, 1 / 3.0, 1 / 3.0, 1 / 3.0},
                new int[] {2, 3}, new Softmax(1).forward(x), 1e-15);
        assertTensor(new double[] {0.5, 0.5, 0.5, 0.5, 0.5, 0.5}, new int[] {2, 3},
                new Softmax(0).forward(Tensor.zeros(2, 3)), 1e-15);
    }

    @Test
    void activationsHaveFirstAndSecondDerivatives() {
        Random rng = new Random(0);
        Tensor x = TestInputs.awayFromKinks(rng, 3, 4);
        for (Module m : new Module[] {new ReLU(), new Tanh(), new Sigmoid(), new LeakyReLU(0.1), new GELU(),
                new Softmax(1), new Softmax(0), new Flatten(0, 1), new Identity()}) {
            GradCheck check = GradCheck.of(t -> m.forward(t[0]).pow(2.0), x);
            check.assertPassed();
            check.gradGrad().assertPassed();
        }
    }

    @Test
    void flattenKeepsTheBatchDim() {
        Tensor x = Tensor.arange(24).reshape(2, 3, 4);
        assertEquals(Tensor.zeros(2, 12).shape(), new Flatten().forward(x).shape());
        assertEquals(Tensor.zeros(6, 4).shape(), new Flatten(0, 1).forward(x).shape());
        assertEquals("Flatten(start_dim=1, end_dim=-1): dim 1 out of range for a 1-d tensor (expected -1 to 0)",
                assertThrows(IllegalArgumentException.class, () -> new Flatten().forward(Tensor.zeros(5))).getMessage());
    }

    @Test
    void printsLikePyTorch() {
        assertEquals("ReLU()", new ReLU().toString());
        assertEquals("GELU()", new GELU().toString());
        assertEquals("Identity()", new Identity().toString());
        assertEquals("LeakyReLU(negative_slope=0.01)", new LeakyReLU().toString());
        assertEquals("Softmax(dim=1)", new Softmax(1).toString());
        assertEquals("LeakyReLU: negative slope must be finite, got NaN",
                assertThrows(IllegalArgumentException.class, () -> new LeakyReLU(Double.NaN)).getMessage());
    }

    private static double sigmoid(double x) {
        return 1.0 / (1.0 + Math.exp(-x));
    }
}
