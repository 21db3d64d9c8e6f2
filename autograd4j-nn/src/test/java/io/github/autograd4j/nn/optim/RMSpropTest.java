package io.github.autograd4j.nn.optim;

import static io.github.autograd4j.nn.optim.Quadratic.assertMatches;
import static io.github.autograd4j.nn.optim.SGDTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.autograd4j.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

class RMSpropTest {

    /**
     * PyTorch's RMSprop element by element, from the algorithm in its documentation: v = αv +
     * (1 − α)g², centred by the running mean ḡ of g (√(v − ḡ²)), and with momentum a buffer
     * b = μb + g / (√ṽ + ε) that is subtracted times lr.
     */
    private static Quadratic.Reference rmsprop(double lr, double alpha, double eps, double weightDecay, double momentum,
                                               boolean centered) {
        return new Quadratic.Reference() {
            final double[][] v = Quadratic.filled(0);
            final double[][] gAvg = Quadratic.filled(0);
            final double[][] b = Quadratic.filled(0);

            @Override
            double update(int k, int e, double theta, double grad) {
                double g = weightDecay != 0 ? grad + weightDecay * theta : grad;
                v[k][e] = alpha * v[k][e] + (1 - alpha) * g * g;
                double denominator;
                if (centered) {
                    gAvg[k][e] = alpha * gAvg[k][e] + (1 - alpha) * g;
                    denominator = Math.sqrt(v[k][e] - gAvg[k][e] * gAvg[k][e]) + eps;
                } else {
                    denominator = Math.sqrt(v[k][e]) + eps;
                }
                if (momentum > 0) {
                    b[k][e] = momentum * b[k][e] + g / denominator;
                    return theta - lr * b[k][e];
                }
                return theta - lr * g / denominator;
            }
        };
    }

    @Test
    void plain() {
        List<Tensor> params = Quadratic.params();
        assertMatches(new RMSprop(params, 0.01), params, rmsprop(0.01, 0.99, 1e-8, 0, 0, false));
    }

    @Test
    void alphaAndWeightDecay() {
        List<Tensor> params = Quadratic.params();
        RMSprop rms = RMSprop.builder().lr(0.02).alpha(0.9).eps(1e-4).weightDecay(0.1).build(params);
        assertMatches(rms, params, rmsprop(0.02, 0.9, 1e-4, 0.1, 0, false));
    }

    @Test
    void momentum() {
        List<Tensor> params = Quadratic.params();
        RMSprop rms = RMSprop.builder().lr(0.01).momentum(0.9).build(params);
        assertMatches(rms, params, rmsprop(0.01, 0.99, 1e-8, 0, 0.9, false));
    }

    @Test
    void centered() {
        List<Tensor> params = Quadratic.params();
        RMSprop rms = RMSprop.builder().lr(0.01).alpha(0.9).centered(true).build(params);
        assertMatches(rms, params, rmsprop(0.01, 0.9, 1e-8, 0, 0, true));
    }

    @Test
    void centeredWithMomentumAndWeightDecay() {
        List<Tensor> params = Quadratic.params();
        RMSprop rms = RMSprop.builder().lr(0.005).alpha(0.8).momentum(0.7).centered(true).weightDecay(0.05).build(params);
        assertMatches(rms, params, rmsprop(0.005, 0.8, 1e-8, 0.05, 0.7, true));
    }

    @Test
    void stateFollowsTheSwitches() {
        List<Tensor> params = Quadratic.params();
        RMSprop rms = RMSprop.builder().momentum(0.5).centered(true).build(params);
        Quadratic.train(rms, params, 1);
        assertEquals(List.of("param.0.step", "param.0.square_avg", "param.0.momentum_buffer", "param.0.grad_avg"),
                rms.stateDict().keySet().stream().filter(k -> k.startsWith("param.0.")).toList());
    }

    @Test
    void badHyperParametersAreNamed() {
        assertMessage("RMSprop: alpha must be >= 0, got -0.5", () -> RMSprop.builder().alpha(-0.5).build(Quadratic.params()));
        assertMessage("RMSprop: momentum must be >= 0, got -0.9", () -> RMSprop.builder().momentum(-0.9).build(Quadratic.params()));
        assertMessage("RMSprop: eps must be >= 0, got -1.0", () -> RMSprop.builder().eps(-1).build(Quadratic.params()));
        assertMessage("RMSprop: weight_decay must be >= 0, got -0.1", () -> RMSprop.builder().weightDecay(-0.1).build(Quadratic.params()));
    }
}
