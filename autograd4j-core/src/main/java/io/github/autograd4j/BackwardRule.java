package io.github.autograd4j;

/**
 * The backward half of a tensor operation: given the gradient of the loss with respect to the
 * operation's output, returns the gradient with respect to each input.
 *
 * <p>Rules are written with {@link Tensor} operations, so with {@code createGraph} they are
 * recorded and can be differentiated again. A returned gradient may have the input's shape or any
 * shape that the input broadcasts to: the engine sums broadcasting away in one place
 * ({@link Tensor#sumToShape(Shape)}). Return null for an input that receives no gradient.
 */
@FunctionalInterface
public interface BackwardRule {

    /**
     * @param gradOutput gradient with respect to {@code output}, of its shape
     * @param output     the node the operation produced (for rules that reuse the result, as exp does)
     * @return one gradient (or null) per input, in input order
     */
    Tensor[] apply(Tensor gradOutput, Tensor output);

    /**
     * A rule that reads only the gradient, never its inputs' or its output's values (add, sum,
     * reshape...): changing those tensors in place after recording cannot make it wrong, so the
     * engine does not check their versions. Every other rule is checked: its operation refuses to
     * back-propagate after one of its inputs or its output was changed in place.
     */
    @FunctionalInterface
    interface GradientOnly extends BackwardRule {
    }

    /**
     * {@code rule}, typed as a {@link GradientOnly} rule:
     * {@code gradientOnly((g, out) -> new Tensor[] {g, g})}.
     *
     * @param rule a rule that reads only the upstream gradient (and the output's shape)
     * @return {@code rule} itself
     */
    static GradientOnly gradientOnly(GradientOnly rule) {
        return rule;
    }
}
