package io.github.autograd4j.nn.optim;

/**
 * The hyper-parameters of one parameter group, typed: each optimiser has a record of them
 * ({@link SGDOptions}, {@link AdamOptions}, {@link RMSpropOptions}, {@link AdagradOptions}) with
 * PyTorch's defaults and a {@code with...} method per field, so that a change reads
 * {@code group.setOptions(group.options().withMomentum(0.5))}. An optimiser checks the options
 * when it takes them (every value finite, {@code lr} and {@code weightDecay} {@code >= 0}, then
 * {@link #validate}); a record itself may hold anything until then.
 *
 * <p>In a state dict, and so in a checkpoint file, each field is stored under its PyTorch name
 * (the field name in snake case: {@code weightDecay} as {@code "weight_decay"}), booleans as 1 or 0.
 *
 * @param <O> the record itself
 */
public interface OptimizerOptions<O extends OptimizerOptions<O>> {

    /**
     * The learning rate.
     *
     * @return the learning rate
     */
    double lr();

    /**
     * The weight decay.
     *
     * @return the weight decay
     */
    double weightDecay();

    /**
     * Whether the objective is maximised (the gradient is negated first) instead of minimised.
     *
     * @return true to maximise
     */
    boolean maximize();

    /**
     * These options with another learning rate.
     *
     * @param lr the learning rate
     * @return a copy with {@code lr}
     */
    O withLr(double lr);

    /**
     * These options with another weight decay.
     *
     * @param weightDecay the weight decay
     * @return a copy with {@code weightDecay}
     */
    O withWeightDecay(double weightDecay);

    /**
     * These options with maximising on or off.
     *
     * @param maximize true to maximise
     * @return a copy with {@code maximize}
     */
    O withMaximize(boolean maximize);

    /**
     * Checks the optimiser's own rules (the common ones are checked before); throws through
     * {@code check}, whose messages name the optimiser and the group.
     *
     * @param check reports a value that is not acceptable
     */
    default void validate(OptionCheck check) {
    }
}
