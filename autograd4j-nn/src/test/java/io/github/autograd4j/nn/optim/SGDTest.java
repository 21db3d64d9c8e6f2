package io.github.autograd4j.nn.optim;

import static io.github.autograd4j.nn.optim.Quadratic.assertMatches;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.autograd4j.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

class SGDTest {

    /**
     * PyTorch's SGD element by element, written from the algorithm in its documentation: weight
     * decay, then the momentum buffer (b₁ = g, then b = μb + (1 − τ)g), Nesterov's g + μb, then
     * θ − γg. With maximize the gradient is negated first, as PyTorch's code does.
     */
    private static Quadratic.Reference sgd(double lr, double momentum, double dampening, double weightDecay,
                                           boolean nesterov, boolean maximize) {
        return new Quadratic.Reference() {
            final double[][] buffer = Quadratic.filled(0);

            @Override
            double update(int k, int e, double theta, double grad) {
                double g = maximize ? -grad : grad;
                if (weightDecay != 0) {
                    g = g + weightDecay * theta;
                }
                if (momentum != 0) {
                    buffer[k][e] = t > 1 ? momentum * buffer[k][e] + (1 - dampening) * g : g;
                    g = nesterov ? g + momentum * buffer[k][e] : buffer[k][e];
                }
                return theta - lr * g;
            }
        };
    }

    @Test
    void plain() {
        List<Tensor> params = Quadratic.params();
        assertMatches(new SGD(params, 0.05), params, sgd(0.05, 0, 0, 0, false, false));
    }

    @Test
    void momentum() {
        List<Tensor> params = Quadratic.params();
        assertMatches(SGD.builder().lr(0.05).momentum(0.9).build(params), params, sgd(0.05, 0.9, 0, 0, false, false));
    }

    @Test
    void momentumWithDampening() {
        List<Tensor> params = Quadratic.params();
        SGD sgd = SGD.builder().lr(0.05).momentum(0.8).dampening(0.3).build(params);
        assertMatches(sgd, params, sgd(0.05, 0.8, 0.3, 0, false, false));
    }

    @Test
    void nesterov() {
        List<Tensor> params = Quadratic.params();
        SGD sgd = SGD.builder().lr(0.05).momentum(0.9).nesterov(true).build(params);
        assertMatches(sgd, params, sgd(0.05, 0.9, 0, 0, true, false));
    }

    @Test
    void nesterovWithWeightDecay() {
        List<Tensor> params = Quadratic.params();
        SGD sgd = SGD.builder().lr(0.01).momentum(0.9).nesterov(true).weightDecay(1e-1).build(params);
        assertMatches(sgd, params, sgd(0.01, 0.9, 0, 0.1, true, false));
    }

    @Test
    void weightDecayWithMomentumAndDampening() {
        List<Tensor> params = Quadratic.params();
        SGD sgd = SGD.builder().lr(0.03).momentum(0.5).dampening(0.5).weightDecay(0.2).build(params);
        assertMatches(sgd, params, sgd(0.03, 0.5, 0.5, 0.2, false, false));
    }

    @Test
    void maximizeWithWeightDecayAndMomentum() {
        List<Tensor> params = Quadratic.params();
        SGD sgd = SGD.builder().lr(0.02).momentum(0.9).weightDecay(0.1).maximize(true).build(params);
        assertMatches(sgd, params, sgd(0.02, 0.9, 0, 0.1, false, true));
    }

    @Test
    void theFirstStepStartsTheBufferAtTheGradientUndamped() {
        List<Tensor> params = Quadratic.params();
        SGD sgd = SGD.builder().lr(0.1).momentum(0.9).dampening(0.5).build(params);
        Quadratic.train(sgd, params, 1);
        double[][] g = Quadratic.gradient(new double[][] {Quadratic.P1, Quadratic.P2});
        assertArrayEquals(g[0], sgd.stateDict().get("param.0.momentum_buffer").toArray(), 1e-15);
        assertArrayEquals(g[1], sgd.stateDict().get("param.1.momentum_buffer").toArray(), 1e-15);
    }

    @Test
    void withoutMomentumThereIsNoState() {
        List<Tensor> params = Quadratic.params();
        SGD sgd = new SGD(params, 0.1);
        Quadratic.train(sgd, params, 2);
        assertEquals(List.of(), sgd.stateDict().keySet().stream().filter(k -> k.startsWith("param.")).toList());
    }

    @Test
    void defaultsArePyTorchs() {
        SGD sgd = SGD.builder().build(Quadratic.params());
        assertEquals(new SGDOptions(1e-3, 0, 0, 0, false, false), sgd.paramGroups().get(0).options());
    }

    @Test
    void badHyperParametersAreNamed() {
        assertMessage("SGD: lr must be >= 0, got -0.1", () -> new SGD(Quadratic.params(), -0.1));
        assertMessage("SGD: lr must be finite, got NaN", () -> new SGD(Quadratic.params(), Double.NaN));
        assertMessage("SGD: momentum must be >= 0, got -0.5", () -> SGD.builder().momentum(-0.5).build(Quadratic.params()));
        assertMessage("SGD: weight_decay must be >= 0, got -1.0", () -> SGD.builder().weightDecay(-1).build(Quadratic.params()));
        assertMessage("SGD: nesterov needs momentum > 0 and dampening 0, got momentum 0.0 and dampening 0.0",
                () -> SGD.builder().nesterov(true).build(Quadratic.params()));
        assertMessage("SGD: nesterov needs momentum > 0 and dampening 0, got momentum 0.9 and dampening 0.1",
                () -> SGD.builder().momentum(0.9).dampening(0.1).nesterov(true).build(Quadratic.params()));
    }

    static void assertMessage(String expected, org.junit.jupiter.api.function.Executable bad) {
        assertEquals(expected, assertThrows(IllegalArgumentException.class, bad).getMessage());
    }
}
