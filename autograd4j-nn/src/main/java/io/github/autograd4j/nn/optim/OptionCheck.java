package io.github.autograd4j.nn.optim;

/**
 * Reports a hyper-parameter that is not acceptable, in {@link OptimizerOptions#validate}: the
 * message names the optimiser (and the group when there are several) and the value, e.g.
 * {@code "SGD (group 1): momentum must be >= 0, got -0.9"}. Names are PyTorch's
 * ({@code weight_decay}), as in a state dict.
 */
public final class OptionCheck {

    private final String where;

    OptionCheck(String where) {
        this.where = where;
    }

    /**
     * Rejects {@code value < min} (and NaN).
     *
     * @param name  the hyper-parameter's name
     * @param value its value
     * @param min   the smallest value accepted
     * @throws IllegalArgumentException e.g. "SGD: lr must be >= 0, got -0.1"
     */
    public void atLeast(String name, double value, double min) {
        require(value >= min, name + " must be >= " + format(min) + ", got " + value);
    }

    /**
     * Rejects a value outside {@code [0, 1)}.
     *
     * @param name  the hyper-parameter's name
     * @param value its value
     * @throws IllegalArgumentException e.g. "Adam: beta1 must be in [0, 1), got 1.2"
     */
    public void fraction(String name, double value) {
        require(value >= 0 && value < 1, name + " must be in [0, 1), got " + value);
    }

    /**
     * Rejects the options unless {@code ok}.
     *
     * @param ok     whether the rule holds
     * @param detail what is wrong, for the message
     * @throws IllegalArgumentException "{optimiser}: {detail}" unless {@code ok}
     */
    public void require(boolean ok, String detail) {
        if (!ok) {
            throw new IllegalArgumentException(where + ": " + detail);
        }
    }

    /** {@code 0} rather than {@code 0.0} for whole numbers, for messages. */
    static String format(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }
}
