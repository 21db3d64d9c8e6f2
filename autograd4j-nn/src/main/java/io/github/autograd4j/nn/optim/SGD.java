package io.github.autograd4j.nn.optim;

import io.github.autograd4j.Tensor;
import java.util.List;
import java.util.Map;

/**
 * Stochastic gradient descent with optional momentum (plain or Nesterov), dampening and weight
 * decay, as {@code torch.optim.SGD}. For a parameter {@code θ} with gradient {@code g}, with
 * {@code γ} = lr, {@code λ} = weight_decay, {@code μ} = momentum, {@code τ} = dampening:
 *
 * <pre>
 *   g ← −g                       if maximize
 *   g ← g + λ θ                  if λ ≠ 0
 *   if μ ≠ 0:
 *       b ← g                    at the parameter's first step   (b₁ = g₁)
 *       b ← μ b + (1 − τ) g      afterwards
 *       g ← g + μ b              if nesterov, else g ← b
 *   θ ← θ − γ g
 * </pre>
 *
 * The momentum buffer {@code b} is the state {@code "momentum_buffer"}. As in PyTorch's code,
 * {@code maximize} negates the gradient before weight decay is added, so weight decay still shrinks
 * the parameters; the algorithm box in PyTorch's documentation instead writes {@code θ ← θ + γ g}
 * at the end, which differs only when both are on. Options and defaults (PyTorch's) are
 * {@link SGDOptions}.
 */
public final class SGD extends AbstractOptimizer<SGDOptions> {

    /** The name of the momentum buffer in the state. */
    public static final String MOMENTUM_BUFFER = "momentum_buffer";

    /**
     * Plain SGD over {@code params} with learning rate {@code lr}: {@code θ ← θ − lr g}, as
     * PyTorch's {@code optim.SGD(params, lr=lr)}.
     *
     * @param params the parameters
     * @param lr     the learning rate
     */
    public SGD(List<Tensor> params, double lr) {
        this(params, SGDOptions.DEFAULTS.withLr(lr));
    }

    /**
     * SGD over {@code params} with {@code options}.
     *
     * @param params  the parameters
     * @param options the options, e.g. {@code SGDOptions.DEFAULTS.withLr(0.1).withMomentum(0.9)}
     */
    public SGD(List<Tensor> params, SGDOptions options) {
        this(List.of(new ParamGroup<>(params, options)));
    }

    private SGD(List<ParamGroup<SGDOptions>> groups) {
        super("SGD", groups);
    }

    /**
     * A builder, for momentum, Nesterov, dampening, weight decay and parameter groups.
     *
     * @return a builder with PyTorch's defaults
     */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    protected List<StateSlot> stateSlots(SGDOptions options) {
        return options.momentum() != 0 ? List.of(StateSlot.optional(MOMENTUM_BUFFER)) : List.of();
    }

    /** One loop over the elements, each line in the order of the formula above (so results match the tensor form bit for bit). */
    @Override
    protected Tensor update(Tensor param, Tensor grad, Map<String, Tensor> state, SGDOptions options) {
        double lr = options.lr();
        double weightDecay = options.weightDecay();
        double momentum = options.momentum();
        double keep = 1 - options.dampening();
        boolean nesterov = options.nesterov();
        Tensor buffer = state.get(MOMENTUM_BUFFER);
        boolean keepsBuffer = momentum != 0;
        Tensor[] results = FusedLoop.run(param, new Tensor[] {param, grad, buffer}, keepsBuffer ? 2 : 1, (in, out, from, to) -> {
            double[] p = in[0];
            double[] g = in[1];
            double[] b0 = in[2];
            double[] next = out[0];
            double[] b = keepsBuffer ? out[1] : null;
            for (int i = from; i < to; i++) {
                double gi = weightDecay == 0 ? g[i] : g[i] + p[i] * weightDecay;
                if (b != null) {
                    double bi = b0 == null ? gi : b0[i] * momentum + gi * keep;
                    b[i] = bi;
                    gi = nesterov ? gi + bi * momentum : bi;
                }
                next[i] = p[i] - gi * lr;
            }
        });
        if (keepsBuffer) {
            state.put(MOMENTUM_BUFFER, results[1]); // in the parameter's type, as PyTorch keeps it
        }
        return results[0];
    }

    /** Builds an {@link SGD}: {@code SGD.builder().lr(0.01).momentum(0.9).nesterov(true).build(params)}. */
    public static final class Builder extends OptimizerBuilder<Builder, SGD, SGDOptions> {

        private Builder() {
            super(SGDOptions.DEFAULTS, Builder::new, SGD::new);
        }

        /**
         * The momentum factor.
         *
         * @param momentum the momentum factor
         * @return this builder
         */
        public Builder momentum(double momentum) {
            return edit(o -> o.withMomentum(momentum));
        }

        /**
         * The dampening of the gradient in the momentum buffer.
         *
         * @param dampening the dampening
         * @return this builder
         */
        public Builder dampening(double dampening) {
            return edit(o -> o.withDampening(dampening));
        }

        /**
         * Nesterov momentum (needs momentum > 0 and dampening 0).
         *
         * @param nesterov true for Nesterov momentum
         * @return this builder
         */
        public Builder nesterov(boolean nesterov) {
            return edit(o -> o.withNesterov(nesterov));
        }
    }
}
