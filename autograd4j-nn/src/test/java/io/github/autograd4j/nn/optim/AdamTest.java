package io.github.autograd4j.nn.optim;

import static io.github.autograd4j.nn.optim.Quadratic.assertMatches;
import static io.github.autograd4j.nn.optim.SGDTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.github.autograd4j.Tensor;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Adam and AdamW. */
class AdamTest {

    /**
     * PyTorch's Adam and AdamW element by element, from the algorithm in their documentation:
     * m and v running averages, bias corrections 1 − βᵗ, weight decay added to the gradient (Adam)
     * or applied as θ(1 − γλ) (AdamW). For amsgrad it keeps the maximum of the raw v and
     * bias-corrects that, as PyTorch's code does (its documentation writes max over v̂).
     */
    private static Quadratic.Reference adam(double lr, double beta1, double beta2, double eps, double weightDecay,
                                            boolean amsgrad, boolean maximize, boolean decoupled) {
        return new Quadratic.Reference() {
            final double[][] m = Quadratic.filled(0);
            final double[][] v = Quadratic.filled(0);
            final double[][] vMax = Quadratic.filled(0);

            @Override
            double update(int k, int e, double theta, double grad) {
                double g = maximize ? -grad : grad;
                if (decoupled) {
                    theta = theta * (1 - lr * weightDecay);
                } else if (weightDecay != 0) {
                    g = g + weightDecay * theta;
                }
                m[k][e] = beta1 * m[k][e] + (1 - beta1) * g;
                v[k][e] = beta2 * v[k][e] + (1 - beta2) * g * g;
                double mHat = m[k][e] / (1 - Math.pow(beta1, t));
                double second = v[k][e];
                if (amsgrad) {
                    vMax[k][e] = Math.max(vMax[k][e], v[k][e]);
                    second = vMax[k][e];
                }
                double vHat = second / (1 - Math.pow(beta2, t));
                return theta - lr * mHat / (Math.sqrt(vHat) + eps);
            }
        };
    }

    @Test
    void adamWithDefaults() {
        List<Tensor> params = Quadratic.params();
        assertMatches(new Adam(params, 0.01), params, adam(0.01, 0.9, 0.999, 1e-8, 0, false, false, false));
    }

    @Test
    void adamWithBetasEpsAndWeightDecay() {
        List<Tensor> params = Quadratic.params();
        Adam adam = Adam.builder().lr(0.05).betas(0.8, 0.9).eps(1e-3).weightDecay(0.1).build(params);
        assertMatches(adam, params, adam(0.05, 0.8, 0.9, 1e-3, 0.1, false, false, false));
    }

    @Test
    void adamAmsgrad() {
        List<Tensor> params = Quadratic.params();
        Adam adam = Adam.builder().lr(0.1).betas(0.9, 0.5).amsgrad(true).build(params);
        assertMatches(adam, params, adam(0.1, 0.9, 0.5, 1e-8, 0, true, false, false));
        List<Tensor> plain = Quadratic.params();
        Quadratic.train(Adam.builder().lr(0.1).betas(0.9, 0.5).build(plain), plain, Quadratic.STEPS);
        assertFalse(Arrays.equals(plain.get(0).toArray(), params.get(0).toArray()), "amsgrad made no difference here");
    }

    @Test
    void adamAmsgradMaximizeWithWeightDecay() {
        List<Tensor> params = Quadratic.params();
        Adam adam = Adam.builder().lr(0.02).betas(0.9, 0.5).weightDecay(0.05).amsgrad(true).maximize(true).build(params);
        assertMatches(adam, params, adam(0.02, 0.9, 0.5, 1e-8, 0.05, true, true, false));
    }

    @Test
    void adamWWithDefaults() {
        List<Tensor> params = Quadratic.params();
        assertMatches(new AdamW(params, 0.01), params, adam(0.01, 0.9, 0.999, 1e-8, 1e-2, false, false, true));
    }

    @Test
    void adamWWithStrongDecayAndAmsgrad() {
        List<Tensor> params = Quadratic.params();
        AdamW adamW = AdamW.builder().lr(0.1).betas(0.85, 0.6).weightDecay(0.5).amsgrad(true).build(params);
        assertMatches(adamW, params, adam(0.1, 0.85, 0.6, 1e-8, 0.5, true, false, true));
    }

    @Test
    void stateHasPyTorchsNamesAndStepCount() {
        List<Tensor> params = Quadratic.params();
        Adam adam = Adam.builder().lr(0.01).amsgrad(true).build(params);
        Quadratic.train(adam, params, 3);
        var dict = adam.stateDict();
        assertEquals(3.0, dict.get("param.1.step").item());
        assertEquals(0, dict.get("param.1.step").dim());
        for (String name : List.of("exp_avg", "exp_avg_sq", "max_exp_avg_sq")) {
            assertEquals(params.get(0).shape(), dict.get("param.0." + name).shape(), name);
        }
        assertEquals(0.999, dict.get("group.0.beta2").item());
    }

    @Test
    void defaultsArePyTorchs() {
        assertEquals(new AdamOptions(1e-3, 0.9, 0.999, 1e-8, 0, false, false),
                Adam.builder().build(Quadratic.params()).paramGroups().get(0).options());
        assertEquals(0.01, AdamW.builder().build(Quadratic.params()).paramGroups().get(0).options().weightDecay());
    }

    @Test
    void badHyperParametersAreNamed() {
        assertMessage("Adam: beta1 must be in [0, 1), got 1.2", () -> Adam.builder().betas(1.2, 0.999).build(Quadratic.params()));
        assertMessage("Adam: beta2 must be in [0, 1), got 1.0", () -> Adam.builder().betas(0.9, 1.0).build(Quadratic.params()));
        assertMessage("Adam: beta1 must be in [0, 1), got -0.1", () -> Adam.builder().betas(-0.1, 0.9).build(Quadratic.params()));
        assertMessage("Adam: eps must be >= 0, got -1.0E-8", () -> Adam.builder().eps(-1e-8).build(Quadratic.params()));
        assertMessage("Adam: lr must be >= 0, got -0.001", () -> new Adam(Quadratic.params(), -0.001));
        assertMessage("AdamW: weight_decay must be >= 0, got -0.01", () -> AdamW.builder().weightDecay(-0.01).build(Quadratic.params()));
        assertMessage("AdamW: eps must be finite, got Infinity",
                () -> AdamW.builder().eps(Double.POSITIVE_INFINITY).build(Quadratic.params()));
    }
}
