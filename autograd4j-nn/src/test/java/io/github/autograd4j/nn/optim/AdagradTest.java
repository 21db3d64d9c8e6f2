package io.github.autograd4j.nn.optim;

import static io.github.autograd4j.nn.optim.Quadratic.assertMatches;
import static io.github.autograd4j.nn.optim.SGDTest.assertMessage;

import io.github.autograd4j.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

class AdagradTest {

    /**
     * PyTorch's Adagrad element by element, from the algorithm in its documentation:
     * γ̃ = γ / (1 + (t − 1)η), g + λθ, s = s + g² from s₀ = initial_accumulator_value,
     * θ − γ̃ g / (√s + ε), after g ← −g with maximize.
     */
    private static Quadratic.Reference adagrad(double lr, double lrDecay, double weightDecay, double initial, double eps,
                                               boolean maximize) {
        return new Quadratic.Reference() {
            final double[][] sum = Quadratic.filled(initial);

            @Override
            double update(int k, int e, double theta, double grad) {
                double decayedLr = lr / (1 + (t - 1) * lrDecay);
                double g = maximize ? -grad : grad;
                g = weightDecay != 0 ? g + weightDecay * theta : g;
                sum[k][e] = sum[k][e] + g * g;
                return theta - decayedLr * g / (Math.sqrt(sum[k][e]) + eps);
            }
        };
    }

    @Test
    void plain() {
        List<Tensor> params = Quadratic.params();
        assertMatches(new Adagrad(params, 0.1), params, adagrad(0.1, 0, 0, 0, 1e-10, false));
    }

    @Test
    void lrDecayWeightDecayAndInitialAccumulator() {
        List<Tensor> params = Quadratic.params();
        Adagrad adagrad = Adagrad.builder().lr(0.2).lrDecay(0.3).weightDecay(0.05).initialAccumulatorValue(0.1)
                .eps(1e-3).build(params);
        assertMatches(adagrad, params, adagrad(0.2, 0.3, 0.05, 0.1, 1e-3, false));
    }

    @Test
    void maximize() {
        List<Tensor> params = Quadratic.params();
        Adagrad adagrad = Adagrad.builder().lr(0.05).maximize(true).build(params);
        assertMatches(adagrad, params, adagrad(0.05, 0, 0, 0, 1e-10, true));
    }

    @Test
    void badHyperParametersAreNamed() {
        assertMessage("Adagrad: lr_decay must be >= 0, got -0.1", () -> Adagrad.builder().lrDecay(-0.1).build(Quadratic.params()));
        assertMessage("Adagrad: initial_accumulator_value must be >= 0, got -1.0",
                () -> Adagrad.builder().initialAccumulatorValue(-1).build(Quadratic.params()));
        assertMessage("Adagrad: eps must be >= 0, got -1.0E-10", () -> Adagrad.builder().eps(-1e-10).build(Quadratic.params()));
        Adagrad adagrad = new Adagrad(Quadratic.params(), 0.1);
        java.util.Map<String, Tensor> dict = new java.util.LinkedHashMap<>(adagrad.stateDict());
        dict.put("group.0.maximize", Tensor.scalar(0.5));
        assertMessage("Adagrad.loadStateDict: a hyper-parameter in the state dict is not acceptable: Adagrad: maximize is a switch"
                + " and must be 0 (off) or 1 (on), got 0.5", () -> adagrad.loadStateDict(dict));
    }
}
