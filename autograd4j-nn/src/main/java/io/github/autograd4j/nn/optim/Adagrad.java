package io.github.autograd4j.nn.optim;

import io.github.autograd4j.Tensor;
import java.util.List;
import java.util.Map;

/**
 * Adagrad, as {@code torch.optim.Adagrad}: steps scaled by the root of the sum of all squared
 * gradients so far, with an optionally decaying learning rate. For a parameter {@code θ} with
 * gradient {@code g} at its step {@code t} (γ = lr, η = lr_decay, λ = weight_decay):
 *
 * <pre>
 *   γ̃ ← γ / (1 + (t − 1) η)
 *   g ← g + λ θ                              if λ ≠ 0 (after g ← −g if maximize)
 *   s ← s + g²                               s₀ = initial_accumulator_value ("sum")
 *   θ ← θ − γ̃ g / (√s + ε)
 * </pre>
 *
 * State: {@code "step"} and {@code "sum"}, created at a parameter's first step (PyTorch creates
 * them in the constructor with the same values, so the updates agree; only a state dict taken
 * before the first step differs, being empty here). Options and defaults (PyTorch's) are
 * {@link AdagradOptions}.
 */
public final class Adagrad extends AbstractOptimizer<AdagradOptions> {

    /** The name of the sum of squared gradients in the state. */
    public static final String SUM = "sum";

    private static final List<StateSlot> SLOTS = List.of(StateSlot.STEP, StateSlot.always(SUM).nonNegativeValues());

    /**
     * Adagrad over {@code params} with learning rate {@code lr} and PyTorch's other defaults, as
     * {@code optim.Adagrad(params, lr=lr)}.
     *
     * @param params the parameters
     * @param lr     the learning rate
     */
    public Adagrad(List<Tensor> params, double lr) {
        this(params, AdagradOptions.DEFAULTS.withLr(lr));
    }

    /**
     * Adagrad over {@code params} with {@code options}.
     *
     * @param params  the parameters
     * @param options the options
     */
    public Adagrad(List<Tensor> params, AdagradOptions options) {
        this(List.of(new ParamGroup<>(params, options)));
    }

    private Adagrad(List<ParamGroup<AdagradOptions>> groups) {
        super("Adagrad", groups);
    }

    /**
     * A builder, for lr decay, initial accumulator value, eps, weight decay and parameter groups.
     *
     * @return a builder with PyTorch's defaults
     */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    protected List<StateSlot> stateSlots(AdagradOptions options) {
        return SLOTS;
    }

    @Override
    protected Tensor update(Tensor param, Tensor grad, Map<String, Tensor> state, AdagradOptions options) {
        Tensor g = withL2(grad, param, options.weightDecay());
        double t = nextStep(state);
        double lr = options.lr() / (1 + (t - 1) * options.lrDecay());
        Tensor sum = stateOr(state, SUM, param, options.initialAccumulatorValue()).add(g.mul(g));
        state.put(SUM, sum);
        return param.sub(g.div(sum.sqrt().add(options.eps())).mul(lr));
    }

    /** Builds an {@link Adagrad}: {@code Adagrad.builder().lr(0.1).lrDecay(1e-3).build(params)}. */
    public static final class Builder extends OptimizerBuilder<Builder, Adagrad, AdagradOptions> {

        private Builder() {
            super(AdagradOptions.DEFAULTS, Builder::new, Adagrad::new);
        }

        /**
         * The decay of the learning rate over steps.
         *
         * @param lrDecay the value
         * @return this builder
         */
        public Builder lrDecay(double lrDecay) {
            return edit(o -> o.withLrDecay(lrDecay));
        }

        /**
         * The starting value of the sum of squared gradients.
         *
         * @param initialAccumulatorValue the value
         * @return this builder
         */
        public Builder initialAccumulatorValue(double initialAccumulatorValue) {
            return edit(o -> o.withInitialAccumulatorValue(initialAccumulatorValue));
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
    }
}
