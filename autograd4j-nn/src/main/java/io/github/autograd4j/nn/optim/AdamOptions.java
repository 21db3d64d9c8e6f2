package io.github.autograd4j.nn.optim;

/**
 * The options of {@link Adam} and {@link AdamW}, as the arguments of {@code torch.optim.Adam}
 * ({@code betas} as two fields).
 *
 * @param lr          the learning rate
 * @param beta1       the decay rate β₁ of the first moment, in [0, 1)
 * @param beta2       the decay rate β₂ of the second moment, in [0, 1)
 * @param eps         the term ε added to the denominator
 * @param weightDecay the weight decay λ (an L2 penalty in Adam, decoupled in AdamW)
 * @param amsgrad     the AMSGrad variant
 * @param maximize    maximise the objective (the gradient is negated first)
 */
public record AdamOptions(double lr, double beta1, double beta2, double eps, double weightDecay, boolean amsgrad, boolean maximize)
        implements OptimizerOptions<AdamOptions> {

    /** Adam's defaults, PyTorch's: lr 1e-3, betas (0.9, 0.999), eps 1e-8, weight decay 0, amsgrad off. */
    public static final AdamOptions DEFAULTS = new AdamOptions(1e-3, 0.9, 0.999, 1e-8, 0, false, false);

    /** AdamW's defaults, PyTorch's: as Adam's but <b>weight decay 1e-2</b>. */
    public static final AdamOptions ADAMW_DEFAULTS = DEFAULTS.withWeightDecay(1e-2);

    @Override
    public AdamOptions withLr(double lr) {
        return new AdamOptions(lr, beta1, beta2, eps, weightDecay, amsgrad, maximize);
    }

    /**
     * These options with other decay rates (PyTorch's {@code betas}).
     *
     * @param beta1 the decay rate of the first moment
     * @param beta2 the decay rate of the second moment
     * @return a copy with {@code beta1} and {@code beta2}
     */
    public AdamOptions withBetas(double beta1, double beta2) {
        return new AdamOptions(lr, beta1, beta2, eps, weightDecay, amsgrad, maximize);
    }

    /**
     * These options with another ε.
     *
     * @param eps the term added to the denominator
     * @return a copy with {@code eps}
     */
    public AdamOptions withEps(double eps) {
        return new AdamOptions(lr, beta1, beta2, eps, weightDecay, amsgrad, maximize);
    }

    @Override
    public AdamOptions withWeightDecay(double weightDecay) {
        return new AdamOptions(lr, beta1, beta2, eps, weightDecay, amsgrad, maximize);
    }

    /**
     * These options with AMSGrad on or off.
     *
     * @param amsgrad true for the AMSGrad variant
     * @return a copy with {@code amsgrad}
     */
    public AdamOptions withAmsgrad(boolean amsgrad) {
        return new AdamOptions(lr, beta1, beta2, eps, weightDecay, amsgrad, maximize);
    }

    @Override
    public AdamOptions withMaximize(boolean maximize) {
        return new AdamOptions(lr, beta1, beta2, eps, weightDecay, amsgrad, maximize);
    }

    /** Each beta in [0, 1); eps >= 0. */
    @Override
    public void validate(OptionCheck check) {
        check.fraction("beta1", beta1);
        check.fraction("beta2", beta2);
        check.atLeast("eps", eps, 0);
    }
}
