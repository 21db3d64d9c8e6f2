package io.github.autograd4j.nn.optim;

import io.github.autograd4j.Tensor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The algorithm {@link Adam} and {@link AdamW} share, which differ only in how weight decay enters:
 * added to the gradient (Adam, an L2 penalty) or applied to the parameter (AdamW, decoupled).
 * For a parameter {@code θ} with gradient {@code g} at its step {@code t} (γ = lr, λ = weight_decay):
 *
 * <pre>
 *   g ← −g                                   if maximize
 *   g ← g + λ θ                              Adam, if λ ≠ 0
 *   θ ← θ (1 − γ λ)                          AdamW
 *   m ← β₁ m + (1 − β₁) g                    m₀ = 0   ("exp_avg")
 *   v ← β₂ v + (1 − β₂) g²                   v₀ = 0   ("exp_avg_sq")
 *   v_max ← max(v_max, v)                    amsgrad, v_max,0 = 0 ("max_exp_avg_sq")
 *   θ ← θ − γ / (1 − β₁ᵗ) · m / (√(v or v_max) / √(1 − β₂ᵗ) + ε)
 * </pre>
 *
 * With amsgrad this keeps the maximum of the raw second moments and bias-corrects it afterwards, as
 * PyTorch's implementation does; the algorithm box in PyTorch's documentation writes the maximum of
 * the bias-corrected {@code v̂ₜ} instead, which is not what {@code torch.optim.Adam} computes.
 */
abstract class AdamCore extends Optimizer {

    /** The decay rate β₁ of the first moment (default 0.9). */
    public static final String BETA1 = "beta1";
    /** The decay rate β₂ of the second moment (default 0.999). */
    public static final String BETA2 = "beta2";
    /** The term ε added to the denominator (default 1e-8). */
    public static final String EPS = "eps";
    /** Whether to use the AMSGrad variant (1 or 0; default 0). */
    public static final String AMSGRAD = "amsgrad";
    /** The name of the first moment in the state. */
    public static final String EXP_AVG = "exp_avg";
    /** The name of the second moment in the state. */
    public static final String EXP_AVG_SQ = "exp_avg_sq";
    /** The name of AMSGrad's running maximum of the second moment in the state. */
    public static final String MAX_EXP_AVG_SQ = "max_exp_avg_sq";

    private final boolean decoupled;

    AdamCore(String name, double defaultWeightDecay, boolean decoupled, List<ParamGroup> groups) {
        super(name, defaults(defaultWeightDecay), groups);
        this.decoupled = decoupled;
    }

    private static Map<String, Double> defaults(double weightDecay) {
        Map<String, Double> d = new LinkedHashMap<>();
        d.put(LR, 1e-3);
        d.put(BETA1, 0.9);
        d.put(BETA2, 0.999);
        d.put(EPS, 1e-8);
        d.put(WEIGHT_DECAY, weightDecay);
        d.put(AMSGRAD, 0.0);
        d.put(MAXIMIZE, 0.0);
        return d;
    }

    @Override
    protected void validate(ParamGroup group) {
        requireFraction(group, BETA1);
        requireFraction(group, BETA2);
        requireAtLeast(group, EPS, 0);
        requireFlag(group, AMSGRAD);
    }

    @Override
    protected List<String> stateNames(ParamGroup group) {
        return group.flag(AMSGRAD) ? List.of(STEP, EXP_AVG, EXP_AVG_SQ, MAX_EXP_AVG_SQ) : List.of(STEP, EXP_AVG, EXP_AVG_SQ);
    }

    @Override
    protected Tensor update(Tensor param, Tensor grad, Map<String, Tensor> state, ParamGroup group) {
        double lr = group.lr();
        double weightDecay = group.weightDecay();
        double beta1 = group.get(BETA1);
        double beta2 = group.get(BETA2);
        Tensor p = param;
        Tensor g = grad;
        if (!decoupled) {
            g = withL2(grad, param, weightDecay);
        } else if (weightDecay != 0) {
            p = param.mul(1 - lr * weightDecay);
        }
        double t = nextStep(state);
        Tensor m = stateOr(state, EXP_AVG, param, 0).mul(beta1).add(g.mul(1 - beta1));
        Tensor v = stateOr(state, EXP_AVG_SQ, param, 0).mul(beta2).add(g.mul(g).mul(1 - beta2));
        state.put(EXP_AVG, m);
        state.put(EXP_AVG_SQ, v);
        if (group.flag(AMSGRAD)) {
            v = stateOr(state, MAX_EXP_AVG_SQ, param, 0).maximum(v);
            state.put(MAX_EXP_AVG_SQ, v);
        }
        double stepSize = lr / (1 - Math.pow(beta1, t));
        Tensor denominator = v.sqrt().div(Math.sqrt(1 - Math.pow(beta2, t))).add(group.get(EPS));
        return p.sub(m.div(denominator).mul(stepSize));
    }

    /** The builder setters Adam and AdamW share. */
    abstract static class Builder<B extends Builder<B, O>, O extends AdamCore> extends OptimizerBuilder<B, O> {

        Builder(Supplier<B> newBuilder, Function<List<ParamGroup>, O> create) {
            super(newBuilder, create);
        }

        /** The decay rates of the first and second moments (PyTorch's {@code betas}). */
        public final B betas(double beta1, double beta2) {
            set(BETA1, beta1);
            return set(BETA2, beta2);
        }

        /** The term added to the denominator. */
        public final B eps(double eps) {
            return set(EPS, eps);
        }

        /** The AMSGrad variant. */
        public final B amsgrad(boolean amsgrad) {
            return set(AMSGRAD, amsgrad);
        }
    }
}
