package io.github.autograd4j.nn.optim;

import io.github.autograd4j.Tensor;
import java.util.Collections;
import java.util.LinkedHashMap;
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
 * before the first step differs, being empty here). Defaults are PyTorch's: lr 1e-2, lr decay 0,
 * weight decay 0, initial accumulator value 0, eps 1e-10.
 */
public final class Adagrad extends Optimizer {

    /** The decay η of the learning rate over steps (default 0). */
    public static final String LR_DECAY = "lr_decay";
    /** The starting value of the sum of squared gradients (default 0). */
    public static final String INITIAL_ACCUMULATOR_VALUE = "initial_accumulator_value";
    /** The term ε added to the denominator (default 1e-10). */
    public static final String EPS = "eps";
    /** The name of the sum of squared gradients in the state. */
    public static final String SUM = "sum";

    private static final Map<String, Double> DEFAULTS = defaults();

    /** Adagrad over {@code params} with learning rate {@code lr} and PyTorch's other defaults. */
    public Adagrad(List<Tensor> params, double lr) {
        this(List.of(new ParamGroup(params, Map.of(LR, lr))));
    }

    private Adagrad(List<ParamGroup> groups) {
        super("Adagrad", DEFAULTS, groups);
    }

    /** A builder, for lr decay, initial accumulator value, eps, weight decay and parameter groups. */
    public static Builder builder() {
        return new Builder();
    }

    private static Map<String, Double> defaults() {
        Map<String, Double> d = new LinkedHashMap<>();
        d.put(LR, 1e-2);
        d.put(LR_DECAY, 0.0);
        d.put(WEIGHT_DECAY, 0.0);
        d.put(INITIAL_ACCUMULATOR_VALUE, 0.0);
        d.put(EPS, 1e-10);
        d.put(MAXIMIZE, 0.0);
        return Collections.unmodifiableMap(d);
    }

    @Override
    protected void validate(ParamGroup group) {
        requireAtLeast(group, LR_DECAY, 0);
        requireAtLeast(group, INITIAL_ACCUMULATOR_VALUE, 0);
        requireAtLeast(group, EPS, 0);
    }

    @Override
    protected List<String> stateNames(ParamGroup group) {
        return List.of(STEP, SUM);
    }

    @Override
    protected Tensor update(Tensor param, Tensor grad, Map<String, Tensor> state, ParamGroup group) {
        Tensor g = withL2(grad, param, group.weightDecay());
        double t = nextStep(state);
        double lr = group.lr() / (1 + (t - 1) * group.get(LR_DECAY));
        Tensor sum = stateOr(state, SUM, param, group.get(INITIAL_ACCUMULATOR_VALUE)).add(g.mul(g));
        state.put(SUM, sum);
        return param.sub(g.div(sum.sqrt().add(group.get(EPS))).mul(lr));
    }

    /** Builds an {@link Adagrad}: {@code Adagrad.builder().lr(0.1).lrDecay(1e-3).build(params)}. */
    public static final class Builder extends OptimizerBuilder<Builder, Adagrad> {

        private Builder() {
            super(Builder::new, Adagrad::new);
        }

        /** The decay of the learning rate over steps. */
        public Builder lrDecay(double lrDecay) {
            return set(LR_DECAY, lrDecay);
        }

        /** The starting value of the sum of squared gradients. */
        public Builder initialAccumulatorValue(double value) {
            return set(INITIAL_ACCUMULATOR_VALUE, value);
        }

        /** The term added to the denominator. */
        public Builder eps(double eps) {
            return set(EPS, eps);
        }
    }
}
