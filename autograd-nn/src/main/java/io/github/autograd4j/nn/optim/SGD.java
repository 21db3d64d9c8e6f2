package io.github.autograd4j.nn.optim;

import io.github.autograd4j.Tensor;
import java.util.Collections;
import java.util.LinkedHashMap;
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
 * at the end, which differs only when both are on. Defaults are PyTorch's: lr 1e-3, everything
 * else 0 or off. Nesterov momentum needs momentum > 0 and dampening 0.
 */
public final class SGD extends Optimizer {

    /** The momentum factor {@code μ} (default 0: none). */
    public static final String MOMENTUM = "momentum";
    /** The dampening {@code τ} of the gradient in the momentum buffer (default 0). */
    public static final String DAMPENING = "dampening";
    /** Whether to use Nesterov momentum (1 or 0; default 0). */
    public static final String NESTEROV = "nesterov";
    /** The name of the momentum buffer in the state. */
    public static final String MOMENTUM_BUFFER = "momentum_buffer";

    private static final Map<String, Double> DEFAULTS = defaults();

    /** Plain SGD over {@code params} with learning rate {@code lr}: {@code θ ← θ − lr g}. */
    public SGD(List<Tensor> params, double lr) {
        this(List.of(new ParamGroup(params, Map.of(LR, lr))));
    }

    private SGD(List<ParamGroup> groups) {
        super("SGD", DEFAULTS, groups);
    }

    /** A builder, for momentum, Nesterov, dampening, weight decay and parameter groups. */
    public static Builder builder() {
        return new Builder();
    }

    private static Map<String, Double> defaults() {
        Map<String, Double> d = new LinkedHashMap<>();
        d.put(LR, 1e-3);
        d.put(MOMENTUM, 0.0);
        d.put(DAMPENING, 0.0);
        d.put(WEIGHT_DECAY, 0.0);
        d.put(NESTEROV, 0.0);
        d.put(MAXIMIZE, 0.0);
        return Collections.unmodifiableMap(d);
    }

    @Override
    protected void validate(ParamGroup group) {
        requireAtLeast(group, MOMENTUM, 0);
        requireFlag(group, NESTEROV);
        if (group.flag(NESTEROV) && (group.get(MOMENTUM) <= 0 || group.get(DAMPENING) != 0)) {
            throw invalid(group, "nesterov needs momentum > 0 and dampening 0, got momentum "
                    + group.get(MOMENTUM) + " and dampening " + group.get(DAMPENING));
        }
    }

    @Override
    protected List<String> stateNames(ParamGroup group) {
        return group.get(MOMENTUM) != 0 ? List.of(MOMENTUM_BUFFER) : List.of();
    }

    /** One loop over the elements, each line in the order of the formula above (so results match the tensor form bit for bit). */
    @Override
    protected Tensor update(Tensor param, Tensor grad, Map<String, Tensor> state, ParamGroup group) {
        double lr = group.lr();
        double weightDecay = group.weightDecay();
        double momentum = group.get(MOMENTUM);
        double keep = 1 - group.get(DAMPENING);
        boolean nesterov = group.flag(NESTEROV);
        double[] p = param.storage();
        double[] g = grad.storage();
        double[] b0 = stateValues(state, MOMENTUM_BUFFER);
        Tensor buffer = momentum != 0 ? Tensor.zeros(param.shape().toArray()) : null;
        double[] b = buffer == null ? null : buffer.storage();
        Tensor next = Tensor.zeros(param.shape().toArray());
        double[] out = next.storage();
        for (int i = 0; i < p.length; i++) {
            double gi = weightDecay == 0 ? g[i] : g[i] + p[i] * weightDecay;
            if (b != null) {
                double bi = b0 == null ? gi : b0[i] * momentum + gi * keep;
                b[i] = bi;
                gi = nesterov ? gi + bi * momentum : bi;
            }
            out[i] = p[i] - gi * lr;
        }
        if (buffer != null) {
            state.put(MOMENTUM_BUFFER, buffer);
        }
        return next;
    }

    /** Builds an {@link SGD}: {@code SGD.builder().lr(0.01).momentum(0.9).nesterov(true).build(params)}. */
    public static final class Builder extends OptimizerBuilder<Builder, SGD> {

        private Builder() {
            super(Builder::new, SGD::new);
        }

        /** The momentum factor. */
        public Builder momentum(double momentum) {
            return set(MOMENTUM, momentum);
        }

        /** The dampening of the gradient in the momentum buffer. */
        public Builder dampening(double dampening) {
            return set(DAMPENING, dampening);
        }

        /** Nesterov momentum (needs momentum > 0 and dampening 0). */
        public Builder nesterov(boolean nesterov) {
            return set(NESTEROV, nesterov);
        }
    }
}
