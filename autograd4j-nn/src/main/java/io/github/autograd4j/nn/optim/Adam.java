package io.github.autograd4j.nn.optim;

import io.github.autograd4j.Tensor;
import java.util.List;

/**
 * Adam, as {@code torch.optim.Adam}: per-parameter steps from bias-corrected running averages of
 * the gradient and its square, with weight decay added to the gradient as an L2 penalty
 * ({@code g ← g + λ θ}; for decoupled weight decay use {@link AdamW}). The update, for a parameter
 * {@code θ} with gradient {@code g} at its step {@code t}:
 *
 * <pre>
 *   g ← g + λ θ                              if λ ≠ 0 (after g ← −g if maximize)
 *   m ← β₁ m + (1 − β₁) g,   v ← β₂ v + (1 − β₂) g²
 *   v_max ← max(v_max, v),   v ← v_max        amsgrad
 *   θ ← θ − lr / (1 − β₁ᵗ) · m / (√v / √(1 − β₂ᵗ) + ε)
 * </pre>
 *
 * State: {@code "step"}, {@code "exp_avg"} (m), {@code "exp_avg_sq"} (v) and with amsgrad
 * {@code "max_exp_avg_sq"}. Defaults are PyTorch's: lr 1e-3, betas (0.9, 0.999), eps 1e-8, weight
 * decay 0, amsgrad off; each beta must lie in [0, 1).
 *
 * <p>With amsgrad the running maximum is taken of the raw second moment {@code v} and
 * bias-corrected afterwards, as PyTorch's implementation does; the algorithm box in PyTorch's
 * documentation writes the maximum of the bias-corrected {@code v̂ₜ} instead, which is not what
 * {@code torch.optim.Adam} computes.
 */
public final class Adam extends AdamCore {

    /**
     * Adam over {@code params} with learning rate {@code lr} and PyTorch's other defaults, as
     * {@code optim.Adam(params, lr=lr)}.
     *
     * @param params the parameters
     * @param lr     the learning rate
     */
    public Adam(List<Tensor> params, double lr) {
        this(params, AdamOptions.DEFAULTS.withLr(lr));
    }

    /**
     * Adam over {@code params} with {@code options}.
     *
     * @param params  the parameters
     * @param options the options, e.g. {@code AdamOptions.DEFAULTS.withLr(1e-3).withAmsgrad(true)}
     */
    public Adam(List<Tensor> params, AdamOptions options) {
        this(List.of(new ParamGroup<>(params, options)));
    }

    private Adam(List<ParamGroup<AdamOptions>> groups) {
        super("Adam", false, groups);
    }

    /**
     * A builder, for betas, eps, weight decay, amsgrad and parameter groups.
     *
     * @return a builder with PyTorch's defaults
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds an {@link Adam}: {@code Adam.builder().lr(1e-3).betas(0.9, 0.99).amsgrad(true).build(params)}. */
    public static final class Builder extends AdamCore.Builder<Builder, Adam> {

        private Builder() {
            super(AdamOptions.DEFAULTS, Builder::new, Adam::new);
        }
    }
}
