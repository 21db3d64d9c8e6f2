package io.github.autograd4j.ops;

import io.github.autograd4j.Shape;
import io.github.autograd4j.Tensor;
import io.github.autograd4j.kernel.Strided;

/**
 * Reductions over all elements or given dims, with {@code keepDim}: each forward and its
 * backward rule side by side; also softmax and log-softmax, and {@code sumToShape}, the one
 * place where broadcasting is undone.
 *
 * <p>{@code dims == null} means every dim. Dims may be negative and must not repeat.
 */
public final class ReduceOps {

    private ReduceOps() {
    }

    /** The sum over {@code dims}. */
    public static Tensor sum(Tensor x, int[] dims, boolean keepDim) {
        Reduction r = Reduction.of("sum", x.shape(), dims, keepDim);
        double[] data = Strided.sumTo(x.storage(), x.shape().toArray(), r.kept().toArray());
        Shape input = x.shape();
        return Tensor.fromOp("sum", r.out(), data,
                (g, out) -> new Tensor[] {g.reshape(r.kept().toArray()).broadcastTo(input)}, x);
    }

    /** Sums {@code x} down to {@code target}, a shape that broadcasts to {@code x}'s. */
    public static Tensor sumToShape(Tensor x, Shape target) {
        if (target.equals(x.shape())) {
            return x;
        }
        if (!target.broadcastsTo(x.shape())) {
            throw new IllegalArgumentException("sumToShape: shape " + target + " does not broadcast to " + x.shape()
                    + ", so " + x.shape() + " cannot be summed down to it");
        }
        Shape input = x.shape();
        double[] data = Strided.sumTo(x.storage(), input.toArray(), target.toArray());
        return Tensor.fromOp("sumToShape", target, data, (g, out) -> new Tensor[] {g.broadcastTo(input)}, x);
    }

    /** The mean over {@code dims}. */
    public static Tensor mean(Tensor x, int[] dims, boolean keepDim) {
        throw new UnsupportedOperationException("mean: not implemented yet");
    }

    /** The product over {@code dims}. */
    public static Tensor prod(Tensor x, int[] dims, boolean keepDim) {
        throw new UnsupportedOperationException("prod: not implemented yet");
    }

    /** The maximum over {@code dims}; ties split the gradient evenly. */
    public static Tensor max(Tensor x, int[] dims, boolean keepDim) {
        throw new UnsupportedOperationException("max: not implemented yet");
    }

    /** The minimum over {@code dims}; ties split the gradient evenly. */
    public static Tensor min(Tensor x, int[] dims, boolean keepDim) {
        throw new UnsupportedOperationException("min: not implemented yet");
    }

    /** The variance over {@code dims}, dividing by {@code n - correction}. */
    public static Tensor var(Tensor x, int[] dims, int correction, boolean keepDim) {
        throw new UnsupportedOperationException("var: not implemented yet");
    }

    /** The standard deviation over {@code dims}, dividing by {@code n - correction}. */
    public static Tensor std(Tensor x, int[] dims, int correction, boolean keepDim) {
        throw new UnsupportedOperationException("std: not implemented yet");
    }

    /** The p-norm over {@code dims}. */
    public static Tensor norm(Tensor x, double p, int[] dims, boolean keepDim) {
        throw new UnsupportedOperationException("norm: not implemented yet");
    }

    /** {@code log(sum(exp(x)))} over {@code dims}, stably. */
    public static Tensor logSumExp(Tensor x, int[] dims, boolean keepDim) {
        throw new UnsupportedOperationException("logSumExp: not implemented yet");
    }

    /** Index of the maximum along {@code dim} (flat index when null). */
    public static Tensor argmax(Tensor x, Integer dim, boolean keepDim) {
        throw new UnsupportedOperationException("argmax: not implemented yet");
    }

    /** Index of the minimum along {@code dim} (flat index when null). */
    public static Tensor argmin(Tensor x, Integer dim, boolean keepDim) {
        throw new UnsupportedOperationException("argmin: not implemented yet");
    }

    /** Softmax along {@code dim}. */
    public static Tensor softmax(Tensor x, int dim) {
        throw new UnsupportedOperationException("softmax: not implemented yet");
    }

    /** Log-softmax along {@code dim}. */
    public static Tensor logSoftmax(Tensor x, int dim) {
        throw new UnsupportedOperationException("logSoftmax: not implemented yet");
    }

    /**
     * The shapes of a reduction: {@code kept} has size 1 at every reduced dim (what the backward
     * rules broadcast from), {@code out} drops those dims unless {@code keepDim}.
     */
    record Reduction(Shape kept, Shape out, int count) {

        static Reduction of(String op, Shape in, int[] dims, boolean keepDim) {
            int rank = in.rank();
            boolean[] reduced = new boolean[rank];
            if (dims == null) {
                java.util.Arrays.fill(reduced, true);
            } else {
                for (int dim : dims) {
                    int d = in.normalize(op, dim);
                    if (reduced[d]) {
                        throw new IllegalArgumentException(op + ": dim " + dim + " given twice in " + java.util.Arrays.toString(dims));
                    }
                    reduced[d] = true;
                }
            }
            int[] kept = in.toArray();
            int outRank = 0;
            int count = 1;
            for (int d = 0; d < rank; d++) {
                if (reduced[d]) {
                    count *= kept[d];
                    kept[d] = 1;
                } else {
                    outRank++;
                }
            }
            int[] out;
            if (keepDim) {
                out = kept;
            } else {
                out = new int[outRank];
                for (int d = 0, k = 0; d < rank; d++) {
                    if (!reduced[d]) {
                        out[k++] = kept[d];
                    }
                }
            }
            return new Reduction(Shape.of(kept), Shape.of(out), count);
        }
    }
}
