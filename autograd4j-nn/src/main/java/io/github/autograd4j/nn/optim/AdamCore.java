package io.github.autograd4j.nn.optim;

import io.github.autograd4j.Tensor;
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
abstract class AdamCore extends AbstractOptimizer<AdamOptions> {

    /** The name of the first moment in the state. */
    public static final String EXP_AVG = "exp_avg";
    /** The name of the second moment in the state. */
    public static final String EXP_AVG_SQ = "exp_avg_sq";
    /** The name of AMSGrad's running maximum of the second moment in the state. */
    public static final String MAX_EXP_AVG_SQ = "max_exp_avg_sq";

    private static final List<StateSlot> SLOTS = List.of(StateSlot.STEP, StateSlot.always(EXP_AVG),
            StateSlot.always(EXP_AVG_SQ).nonNegativeValues());
    private static final List<StateSlot> AMSGRAD_SLOTS = List.of(StateSlot.STEP, StateSlot.always(EXP_AVG),
            StateSlot.always(EXP_AVG_SQ).nonNegativeValues(), StateSlot.optional(MAX_EXP_AVG_SQ).nonNegativeValues());

    private final boolean decoupled;

    AdamCore(String name, boolean decoupled, List<ParamGroup<AdamOptions>> groups) {
        super(name, groups);
        this.decoupled = decoupled;
    }

    @Override
    protected List<StateSlot> stateSlots(AdamOptions options) {
        return options.amsgrad() ? AMSGRAD_SLOTS : SLOTS;
    }

    @Override
    protected Tensor update(Tensor param, Tensor grad, Map<String, Tensor> state, AdamOptions options) {
        return FusedLoop.intoNew(param, target -> write(param, grad, state, options, target));
    }

    /** The step writes each parameter in place: no new tensor, no copy. */
    @Override
    protected Runnable prepare(Tensor param, Tensor grad, Map<String, Tensor> state, AdamOptions options) {
        return FusedLoop.inPlace(param, target -> write(param, grad, state, options, target));
    }

    /**
     * Puts the new state (the moments not yet written) in {@code state} and returns the loop that
     * writes them and the new value into {@code target}: a few loops over each chunk instead of a
     * dozen tensor operations (each a pass over memory and a new array), each line with the
     * operations in the order of the formula above, so results are those of the tensor form to
     * the last bit.
     */
    private Runnable write(Tensor param, Tensor grad, Map<String, Tensor> state, AdamOptions options, Tensor target) {
        double lr = options.lr();
        double weightDecay = options.weightDecay();
        double beta1 = options.beta1();
        double beta2 = options.beta2();
        double eps = options.eps();
        boolean l2 = !decoupled && weightDecay != 0;
        double shrink = decoupled && weightDecay != 0 ? 1 - lr * weightDecay : 1;
        double t = nextStep(state);
        double stepSize = lr / (1 - Math.pow(beta1, t));
        double correction2 = Math.sqrt(1 - Math.pow(beta2, t));
        boolean amsgrad = options.amsgrad();

        Tensor[] inputs = {param, grad, stateOr(state, EXP_AVG, param, 0), stateOr(state, EXP_AVG_SQ, param, 0),
            amsgrad ? stateOr(state, MAX_EXP_AVG_SQ, param, 0) : null};
        // the state in the parameter's type, as PyTorch keeps it
        String[] names = amsgrad ? new String[] {EXP_AVG, EXP_AVG_SQ, MAX_EXP_AVG_SQ} : new String[] {EXP_AVG, EXP_AVG_SQ};
        Tensor[] outputs = new Tensor[1 + names.length];
        outputs[0] = target;
        for (int k = 0; k < names.length; k++) {
            outputs[k + 1] = Tensor.zeros(param.dtype(), param.shape().toArray());
            state.put(names[k], outputs[k + 1]);
        }
        return () -> FusedLoop.run(inputs, outputs, (in, out, length) -> {
            double[] p = in[0];
            double[] g = in[1];
            double[] m0 = in[2];
            double[] v0 = in[3];
            double[] m = out[1];
            double[] v = out[2];
            if (l2) {
                for (int i = 0; i < length; i++) {
                    g[i] = g[i] + p[i] * weightDecay;
                }
            }
            if (shrink != 1) {
                for (int i = 0; i < length; i++) {
                    p[i] = p[i] * shrink;
                }
            }
            for (int i = 0; i < length; i++) {
                m[i] = m0[i] * beta1 + g[i] * (1 - beta1);
            }
            for (int i = 0; i < length; i++) {
                v[i] = v0[i] * beta2 + g[i] * g[i] * (1 - beta2);
            }
            if (amsgrad) {
                double[] vMax0 = in[4];
                double[] vMax = out[3];
                for (int i = 0; i < length; i++) {
                    vMax[i] = Math.max(vMax0[i], v[i]);
                }
                v = vMax;
            }
            double[] next = out[0];
            for (int i = 0; i < length; i++) {
                next[i] = p[i] - m[i] / (Math.sqrt(v[i]) / correction2 + eps) * stepSize;
            }
        });
    }

    /** The builder setters Adam and AdamW share. */
    abstract static class Builder<B extends Builder<B, O>, O extends AdamCore> extends OptimizerBuilder<B, O, AdamOptions> {

        Builder(AdamOptions defaults, Supplier<B> newBuilder, Function<List<ParamGroup<AdamOptions>>, O> create) {
            super(defaults, newBuilder, create);
        }

        /**
         * The decay rates of the first and second moments (PyTorch's {@code betas}).
         *
         * @param beta1 the decay rate of the first moment, in [0, 1)
         * @param beta2 the decay rate of the second moment, in [0, 1)
         * @return this builder
         */
        public final B betas(double beta1, double beta2) {
            return edit(o -> o.withBetas(beta1, beta2));
        }

        /**
         * The term added to the denominator.
         *
         * @param eps the term
         * @return this builder
         */
        public final B eps(double eps) {
            return edit(o -> o.withEps(eps));
        }

        /**
         * The AMSGrad variant.
         *
         * @param amsgrad true for AMSGrad
         * @return this builder
         */
        public final B amsgrad(boolean amsgrad) {
            return edit(o -> o.withAmsgrad(amsgrad));
        }
    }
}
