package io.github.autograd4j.nn.optim;

import io.github.autograd4j.Tensor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
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
 * The state also counts steps ({@code "step"}), as PyTorch's does. Defaults are PyTorch's: lr 1e-2,
 * alpha 0.99, eps 1e-8, weight decay 0, momentum 0, centered off.
 */
public final class RMSprop extends Optimizer {

    /** The smoothing constant α of the running averages (default 0.99). */
    public static final String ALPHA = "alpha";
    /** The term ε added to the denominator (default 1e-8). */
    public static final String EPS = "eps";
    /** The momentum factor μ (default 0: none). */
    public static final String MOMENTUM = "momentum";
    /** Whether to divide by the estimated variance instead of the second moment (1 or 0; default 0). */
    public static final String CENTERED = "centered";
    /** The name of the running average of the squared gradient in the state. */
    public static final String SQUARE_AVG = "square_avg";
    /** The name of the momentum buffer in the state. */
    public static final String MOMENTUM_BUFFER = "momentum_buffer";
    /** The name of the running average of the gradient in the state (centered). */
    public static final String GRAD_AVG = "grad_avg";

    private static final Map<String, Double> DEFAULTS = defaults();

    /** RMSprop over {@code params} with learning rate {@code lr} and PyTorch's other defaults. */
    public RMSprop(List<Tensor> params, double lr) {
        this(List.of(new ParamGroup(params, Map.of(LR, lr))));
    }

    private RMSprop(List<ParamGroup> groups) {
        super("RMSprop", DEFAULTS, groups);
    }

    /** A builder, for alpha, eps, momentum, centered, weight decay and parameter groups. */
    public static Builder builder() {
        return new Builder();
    }

    private static Map<String, Double> defaults() {
        Map<String, Double> d = new LinkedHashMap<>();
        d.put(LR, 1e-2);
        d.put(ALPHA, 0.99);
        d.put(EPS, 1e-8);
        d.put(WEIGHT_DECAY, 0.0);
        d.put(MOMENTUM, 0.0);
        d.put(CENTERED, 0.0);
        d.put(MAXIMIZE, 0.0);
        return Collections.unmodifiableMap(d);
    }

    @Override
    protected void validate(ParamGroup group) {
        requireAtLeast(group, ALPHA, 0);
        requireAtLeast(group, EPS, 0);
        requireAtLeast(group, MOMENTUM, 0);
        requireFlag(group, CENTERED);
    }

    @Override
    protected List<String> stateNames(ParamGroup group) {
        List<String> names = new ArrayList<>(List.of(STEP, SQUARE_AVG));
        if (group.get(MOMENTUM) > 0) {
            names.add(MOMENTUM_BUFFER);
        }
        if (group.flag(CENTERED)) {
            names.add(GRAD_AVG);
        }
        return names;
    }

    @Override
    protected Tensor update(Tensor param, Tensor grad, Map<String, Tensor> state, ParamGroup group) {
        double alpha = group.get(ALPHA);
        double momentum = group.get(MOMENTUM);
        Tensor g = withL2(grad, param, group.weightDecay());
        nextStep(state);
        Tensor squareAvg = stateOr(state, SQUARE_AVG, param, 0).mul(alpha).add(g.mul(g).mul(1 - alpha));
        state.put(SQUARE_AVG, squareAvg);
        Tensor avg;
        if (group.flag(CENTERED)) {
            Tensor gradAvg = stateOr(state, GRAD_AVG, param, 0).mul(alpha).add(g.mul(1 - alpha));
            state.put(GRAD_AVG, gradAvg);
            avg = squareAvg.sub(gradAvg.mul(gradAvg)).sqrt();
        } else {
            avg = squareAvg.sqrt();
        }
        Tensor direction = g.div(avg.add(group.get(EPS)));
        if (momentum > 0) {
            direction = stateOr(state, MOMENTUM_BUFFER, param, 0).mul(momentum).add(direction);
            state.put(MOMENTUM_BUFFER, direction);
        }
        return param.sub(direction.mul(group.lr()));
    }

    /** Builds an {@link RMSprop}: {@code RMSprop.builder().lr(1e-2).momentum(0.9).centered(true).build(params)}. */
    public static final class Builder extends OptimizerBuilder<Builder, RMSprop> {

        private Builder() {
            super(Builder::new, RMSprop::new);
        }

        /** The smoothing constant of the running averages. */
        public Builder alpha(double alpha) {
            return set(ALPHA, alpha);
        }

        /** The term added to the denominator. */
        public Builder eps(double eps) {
            return set(EPS, eps);
        }

        /** The momentum factor. */
        public Builder momentum(double momentum) {
            return set(MOMENTUM, momentum);
        }

        /** Centred RMSprop: divide by the estimated variance of the gradient. */
        public Builder centered(boolean centered) {
            return set(CENTERED, centered);
        }
    }
}
