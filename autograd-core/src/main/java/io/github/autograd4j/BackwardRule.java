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
}
