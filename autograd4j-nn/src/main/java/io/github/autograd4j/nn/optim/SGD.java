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

    @Override
    protected Tensor update(Tensor param, Tensor grad, Map<String, Tensor> state, SGDOptions options) {
        return FusedLoop.intoNew(param, target -> write(param, grad, state, options, target));
    }

    /** The step writes each parameter in place: no new tensor, no copy. */
    @Override
    protected Runnable prepare(Tensor param, Tensor grad, Map<String, Tensor> state, SGDOptions options) {
        return FusedLoop.inPlace(param, target -> write(param, grad, state, options, target));
    }

    /**
     * Puts the new momentum buffer (not yet written) in {@code state} and returns the loop that
     * writes it and the new value into {@code target}: a few loops over each chunk, one per line of
     * the formula above, with the operations in its order (so results match the tensor form bit
     * for bit).
     */
    private static Runnable write(Tensor param, Tensor grad, Map<String, Tensor> state, SGDOptions options, Tensor target) {
        double lr = options.lr();
        double weightDecay = options.weightDecay();
        double momentum = options.momentum();
        double keep = 1 - options.dampening();
        boolean nesterov = options.nesterov();
        Tensor[] inputs = {param, grad, state.get(MOMENTUM_BUFFER)};
        Tensor buffer = momentum == 0 ? null : Tensor.zeros(param.dtype(), param.shape().toArray());
        if (buffer != null) {
            state.put(MOMENTUM_BUFFER, buffer); // in the parameter's type, as PyTorch keeps it
        }
        Tensor[] outputs = buffer == null ? new Tensor[] {target} : new Tensor[] {target, buffer};
        return () -> FusedLoop.run(inputs, outputs, (in, out, length) -> {
            double[] p = in[0];
            double[] g = in[1];
            if (weightDecay != 0) {
                for (int i = 0; i < length; i++) {
                    g[i] = g[i] + p[i] * weightDecay;
                }
            }
            if (momentum != 0) {
                double[] b0 = in[2];
                double[] b = out[1];
                if (b0 == null) {
                    System.arraycopy(g, 0, b, 0, length);
                } else {
                    for (int i = 0; i < length; i++) {
                        b[i] = b0[i] * momentum + g[i] * keep;
                    }
                }
                if (nesterov) {
                    for (int i = 0; i < length; i++) {
                        g[i] = g[i] + b[i] * momentum;
                    }
                } else {
                    g = b;
                }
            }
            double[] next = out[0];
            for (int i = 0; i < length; i++) {
                next[i] = p[i] - g[i] * lr;
            }
        });
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
