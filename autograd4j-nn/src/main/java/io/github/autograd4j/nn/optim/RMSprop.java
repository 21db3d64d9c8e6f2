package io.github.autograd4j.nn.optim;

import io.github.autograd4j.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * RMSprop, as {@code torch.optim.RMSprop}: steps scaled by a running average of the squared
 * gradient, optionally centred (by the running average of the gradient) and with momentum. For a
 * parameter {@code θ} with gradient {@code g} (γ = lr, λ = weight_decay, α = alpha, μ = momentum):
 *
 * <pre>
 *   g ← g + λ θ                              if λ ≠ 0 (after g ← −g if maximize)
 *   v ← α v + (1 − α) g²                     v₀ = 0 ("square_avg")
 *   a ← √v                                   not centered
 *   ḡ ← α ḡ + (1 − α) g,   a ← √(v − ḡ²)      centered, ḡ₀ = 0 ("grad_avg")
 *   b ← μ b + g / (a + ε),  θ ← θ − γ b       if μ > 0, b₀ = 0 ("momentum_buffer")
 *   θ ← θ − γ g / (a + ε)                     otherwise
 * </pre>
 *
 * The state also counts steps ({@code "step"}), as PyTorch's does. Options and defaults (PyTorch's) are
 * {@link RMSpropOptions}.
 */
public final class RMSprop extends AbstractOptimizer<RMSpropOptions> {

    /** The name of the running average of the squared gradient in the state. */
    public static final String SQUARE_AVG = "square_avg";
    /** The name of the momentum buffer in the state. */
    public static final String MOMENTUM_BUFFER = "momentum_buffer";
    /** The name of the running average of the gradient in the state (centered). */
    public static final String GRAD_AVG = "grad_avg";

    /**
     * RMSprop over {@code params} with learning rate {@code lr} and PyTorch's other defaults, as
     * {@code optim.RMSprop(params, lr=lr)}.
     *
     * @param params the parameters
     * @param lr     the learning rate
     */
    public RMSprop(List<Tensor> params, double lr) {
        this(params, RMSpropOptions.DEFAULTS.withLr(lr));
    }

    /**
     * RMSprop over {@code params} with {@code options}.
     *
     * @param params  the parameters
     * @param options the options
     */
    public RMSprop(List<Tensor> params, RMSpropOptions options) {
        this(List.of(new ParamGroup<>(params, options)));
    }

    private RMSprop(List<ParamGroup<RMSpropOptions>> groups) {
        super("RMSprop", groups);
    }

    /**
     * A builder, for alpha, eps, momentum, centered, weight decay and parameter groups.
     *
     * @return a builder with PyTorch's defaults
     */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    protected List<StateSlot> stateSlots(RMSpropOptions options) {
        List<StateSlot> slots = new ArrayList<>(List.of(StateSlot.STEP, StateSlot.always(SQUARE_AVG).nonNegativeValues()));
        if (options.momentum() > 0) {
            slots.add(StateSlot.optional(MOMENTUM_BUFFER));
        }
        if (options.centered()) {
            slots.add(StateSlot.optional(GRAD_AVG));
        }
        return slots;
    }

    @Override
    protected Tensor update(Tensor param, Tensor grad, Map<String, Tensor> state, RMSpropOptions options) {
        double alpha = options.alpha();
        double momentum = options.momentum();
        Tensor g = withL2(grad, param, options.weightDecay());
        nextStep(state);
        Tensor squareAvg = stateOr(state, SQUARE_AVG, param, 0).mul(alpha).add(g.mul(g).mul(1 - alpha));
        state.put(SQUARE_AVG, squareAvg);
        Tensor avg;
        if (options.centered()) {
            Tensor gradAvg = stateOr(state, GRAD_AVG, param, 0).mul(alpha).add(g.mul(1 - alpha));
            state.put(GRAD_AVG, gradAvg);
            avg = squareAvg.sub(gradAvg.mul(gradAvg)).sqrt();
        } else {
            avg = squareAvg.sqrt();
        }
        Tensor direction = g.div(avg.add(options.eps()));
        if (momentum > 0) {
            direction = stateOr(state, MOMENTUM_BUFFER, param, 0).mul(momentum).add(direction);
            state.put(MOMENTUM_BUFFER, direction);
        }
        return param.sub(direction.mul(options.lr()));
    }

    /** Builds an {@link RMSprop}: {@code RMSprop.builder().lr(1e-2).momentum(0.9).centered(true).build(params)}. */
    public static final class Builder extends OptimizerBuilder<Builder, RMSprop, RMSpropOptions> {

        private Builder() {
            super(RMSpropOptions.DEFAULTS, Builder::new, RMSprop::new);
        }

        /**
         * The smoothing constant of the running averages.
         *
         * @param alpha the value
         * @return this builder
         */
        public Builder alpha(double alpha) {
            return edit(o -> o.withAlpha(alpha));
        }

        /**
         * The term added to the denominator.
         *
         * @param eps the value
         * @return this builder
         */
        public Builder eps(double eps) {
            return edit(o -> o.withEps(eps));
        }

        /**
         * The momentum factor.
         *
         * @param momentum the value
         * @return this builder
         */
        public Builder momentum(double momentum) {
            return edit(o -> o.withMomentum(momentum));
        }

        /**
         * Centred RMSprop: divide by the estimated variance of the gradient.
         *
         * @param centered the value
         * @return this builder
         */
        public Builder centered(boolean centered) {
            return edit(o -> o.withCentered(centered));
        }
    }
}
