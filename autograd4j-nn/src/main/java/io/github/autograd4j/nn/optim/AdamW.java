package io.github.autograd4j.nn.optim;

import io.github.autograd4j.Tensor;
import java.util.List;

/**
 * AdamW, as {@code torch.optim.AdamW}: Adam with decoupled weight decay, which shrinks the
 * parameter directly instead of adding a penalty to the gradient (Loshchilov and Hutter). For a
 * parameter {@code θ} with gradient {@code g} at its step {@code t}:
 *
 * <pre>
 *   θ ← θ (1 − lr λ)                          (after g ← −g if maximize)
 *   m ← β₁ m + (1 − β₁) g,   v ← β₂ v + (1 − β₂) g²
 *   v_max ← max(v_max, v),   v ← v_max        amsgrad
 *   θ ← θ − lr / (1 − β₁ᵗ) · m / (√v / √(1 − β₂ᵗ) + ε)
 * </pre>
 *
 * State, and amsgrad's maximum of the raw {@code v}, as {@link Adam}. Defaults are PyTorch's: lr 1e-3, betas (0.9, 0.999), eps 1e-8,
 * <b>weight decay 1e-2</b>, amsgrad off.
 */
public final class AdamW extends AdamCore {

    /**
     * AdamW over {@code params} with learning rate {@code lr} and PyTorch's other defaults, as
     * {@code optim.AdamW(params, lr=lr)}.
     *
     * @param params the parameters
     * @param lr     the learning rate
     */
    public AdamW(List<Tensor> params, double lr) {
        this(params, AdamOptions.ADAMW_DEFAULTS.withLr(lr));
    }

    /**
     * AdamW over {@code params} with {@code options}.
     *
     * @param params  the parameters
     * @param options the options, e.g. {@code AdamOptions.ADAMW_DEFAULTS.withLr(1e-3).withAmsgrad(true)}
     */
    public AdamW(List<Tensor> params, AdamOptions options) {
        this(List.of(new ParamGroup<>(params, options)));
    }

    private AdamW(List<ParamGroup<AdamOptions>> groups) {
        super("AdamW", true, groups);
    }

    /**
     * A builder, for betas, eps, weight decay, amsgrad and parameter groups.
     *
     * @return a builder with PyTorch's defaults
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds an {@link AdamW}: {@code AdamW.builder().lr(1e-3).weightDecay(0.1).build(params)}. */
    public static final class Builder extends AdamCore.Builder<Builder, AdamW> {

        private Builder() {
            super(AdamOptions.ADAMW_DEFAULTS, Builder::new, AdamW::new);
        }
    }
}
