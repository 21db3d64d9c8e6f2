package io.github.autograd4j;

import java.util.Objects;

/**
 * A user-defined differentiable operation, as PyTorch's {@code torch.autograd.Function}: write
 * the forward on the inputs' values and the backward with tensor operations, and {@link #apply}
 * records it in the graph through the same door as every built-in operation.
 *
 * <pre>{@code
 * CustomOp cube = new CustomOp("cube") {
 *     protected Tensor forward(Context ctx, Tensor... in) {
 *         ctx.save(in[0]);
 *         double[] x = in[0].toArray();
 *         for (int i = 0; i < x.length; i++) x[i] = x[i] * x[i] * x[i];
 *         return Tensor.of(x, in[0].shape().toArray());
 *     }
 *     protected Tensor[] backward(Context ctx, Tensor g) {
 *         Tensor x = ctx.saved(0);
 *         return new Tensor[] {g.mul(x.mul(x).mul(3))};
 *     }
 * };
 * Tensor y = cube.apply(x);
 * }</pre>
 *
 * <p>The forward runs with recording off. The backward runs with recording on only when the pass
 * creates a graph, so a backward written with tensor operations supports second derivatives.
 * One instance may be applied any number of times; each application has its own {@link Context}.
 */
public abstract class CustomOp {

    private final String name;

    /** @param name the operation's name, shown in graphs and errors */
    protected CustomOp(String name) {
        this.name = Objects.requireNonNull(name, "CustomOp: name is null");
    }

    /**
     * Computes the output from the inputs; saves in {@code ctx} what the backward needs.
     *
     * @param ctx    this application's context: {@link Context#save} what the backward reads
     * @param inputs the tensors given to {@link #apply}, in order; read them, do not change them
     * @return the output, a new tensor (its storage becomes the recorded output's)
     */
    protected abstract Tensor forward(Context ctx, Tensor... inputs);

    /**
     * The gradient with respect to each input, given the gradient with respect to the output;
     * written with tensor operations. Return null for an input that gets no gradient.
     *
     * @param ctx        the context the forward filled in, and {@link Context#output()}
     * @param gradOutput d(loss)/d(output), of the output's shape
     * @return one gradient per input, each of its input's shape (or one that broadcasts to it), or
     *         null
     */
    protected abstract Tensor[] backward(Context ctx, Tensor gradOutput);

    /**
     * Runs the forward and records the operation (when an input requires grad and recording is on).
     *
     * @param inputs the operands, none null
     * @return the output, recorded as an operation of the inputs when one requires grad and
     *         recording is on, else a constant
     */
    public final Tensor apply(Tensor... inputs) {
        Objects.requireNonNull(inputs, name + ": inputs are null");
        for (int i = 0; i < inputs.length; i++) {
            Objects.requireNonNull(inputs[i], name + ": input " + i + " is null");
        }
        Context ctx = new Context();
        Tensor out;
        try (var off = Grad.disabled()) {
            out = Objects.requireNonNull(forward(ctx, inputs), name + ": forward returned null");
        }
        // the engine checks no versions: the context checks those of the tensors the forward saved, as PyTorch does
        BackwardRule.GradientOnly rule = (g, output) -> {
            ctx.checkSavedVersions(name);
            ctx.output = output;
            return backward(ctx, g);
        };
        return Tensor.fromOp(name, out.dtype(), out.shape(), out.doubles(), rule, this::apply, inputs);
    }

    /**
     * The operation's name.
     *
     * @return the name given to the constructor
     */
    public String name() {
        return name;
    }

    /** What one application of a {@link CustomOp} keeps for its backward. */
    public static final class Context {
        private Tensor[] saved = new Tensor[0];
        private int[] savedVersions = new int[0];
        private Tensor output;

        /**
         * Keeps tensors for the backward (replacing what was saved before). A saved tensor that is
         * changed in place before the backward runs makes the backward refuse to run (as PyTorch's
         * {@code save_for_backward}), rather than compute a gradient from the new values.
         *
         * @param tensors the tensors, none null; kept as they are, not copied
         */
        public void save(Tensor... tensors) {
            saved = Objects.requireNonNull(tensors, "save: tensors are null").clone();
            savedVersions = new int[saved.length];
            for (int i = 0; i < saved.length; i++) {
                savedVersions[i] = Objects.requireNonNull(saved[i], "save: tensor " + i + " is null").version();
            }
        }

        private void checkSavedVersions(String op) {
            for (int i = 0; i < saved.length; i++) {
                if (saved[i].version() != savedVersions[i]) {
                    throw new IllegalStateException("backward: saved tensor " + i + " of " + op + " (shape " + saved[i].shape()
                            + (saved[i].label() == null ? "" : ", '" + saved[i].label() + "'") + ") was changed in place after "
                            + op + " saved it (it is at version " + saved[i].version() + ", saved at version " + savedVersions[i]
                            + "), so its gradient would be wrong; change tensors after backward(), or save a copy (clone())");
                }
            }
        }

        /**
         * The {@code i}-th saved tensor.
         *
         * @param i the position in the last {@link #save} call, from 0
         * @return that tensor
         * @throws IndexOutOfBoundsException naming how many were saved
         */
        public Tensor saved(int i) {
            if (i < 0 || i >= saved.length) {
                throw new IndexOutOfBoundsException("saved: index " + i + " but " + saved.length + " tensor(s) were saved");
            }
            return saved[i];
        }

        /**
         * The recorded output of this application (available in the backward).
         *
         * @return the output, or null while the forward runs (it is set before the backward)
         */
        public Tensor output() {
            return output;
        }
    }
}
