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

    /**
     * One fused loop over the elements instead of a dozen tensor operations (each a pass over memory
     * and a new array): 50 -> a few ns per parameter. Each line keeps the operation order of the
     * formula above, so results are those of the tensor form to the last bit.
     */
    @Override
    protected Tensor update(Tensor param, Tensor grad, Map<String, Tensor> state, ParamGroup group) {
        double lr = group.lr();
        double weightDecay = group.weightDecay();
        double beta1 = group.get(BETA1);
        double beta2 = group.get(BETA2);
        double eps = group.get(EPS);
        boolean l2 = !decoupled && weightDecay != 0;
        double shrink = decoupled && weightDecay != 0 ? 1 - lr * weightDecay : 1;
        double t = nextStep(state);
        double stepSize = lr / (1 - Math.pow(beta1, t));
        double correction2 = Math.sqrt(1 - Math.pow(beta2, t));

        double[] p = param.storage();
        double[] g = grad.storage();
        double[] m0 = stateValues(state, EXP_AVG);
        double[] v0 = stateValues(state, EXP_AVG_SQ);
        boolean amsgrad = group.flag(AMSGRAD);
        double[] vMax0 = amsgrad ? stateValues(state, MAX_EXP_AVG_SQ) : null;
        int[] shape = param.shape().toArray();
        Tensor next = Tensor.zeros(shape);
        Tensor m = Tensor.zeros(shape);
        Tensor v = Tensor.zeros(shape);
        Tensor vMax = amsgrad ? Tensor.zeros(shape) : null;
        double[] out = next.storage();
        double[] mOut = m.storage();
        double[] vOut = v.storage();
        double[] vMaxOut = amsgrad ? vMax.storage() : null;
        for (int i = 0; i < p.length; i++) {
            double gi = l2 ? g[i] + p[i] * weightDecay : g[i];
            double pi = shrink != 1 ? p[i] * shrink : p[i];
            double mi = (m0 == null ? 0 : m0[i]) * beta1 + gi * (1 - beta1);
            double vi = (v0 == null ? 0 : v0[i]) * beta2 + gi * gi * (1 - beta2);
            mOut[i] = mi;
            vOut[i] = vi;
            if (amsgrad) {
                vi = Math.max(vMax0 == null ? 0 : vMax0[i], vi);
                vMaxOut[i] = vi;
            }
            double denominator = Math.sqrt(vi) / correction2 + eps;
            out[i] = pi - mi / denominator * stepSize;
        }
        state.put(EXP_AVG, m);
        state.put(EXP_AVG_SQ, v);
        if (amsgrad) {
            state.put(MAX_EXP_AVG_SQ, vMax);
        }
        return next;
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
