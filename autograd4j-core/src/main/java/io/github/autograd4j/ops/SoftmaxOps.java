package io.github.autograd4j.ops;

import io.github.autograd4j.BackwardRule;
import io.github.autograd4j.Tensor;
import io.github.autograd4j.kernel.Reductions;

/**
 * Softmax and log-softmax along one dim, computed stably (the slice's maximum is subtracted
 * first), each forward beside its backward rule, written with tensor operations so that it can be
 * differentiated again.
 */
public final class SoftmaxOps {

    private SoftmaxOps() {
    }

    /**
     * Softmax {@code exp(x) / sum(exp(x))} along {@code dim}, computed stably (the slice's maximum
     * is subtracted first). Same shape as {@code x}. Gradient:
     * {@code out * (g - sum(g * out, dim))}.
     */
    public static Tensor softmax(Tensor x, int dim) {
        return softmax("softmax", x, dim, false);
    }

    /**
     * Log-softmax {@code x - logSumExp(x, dim)} along {@code dim}, computed stably. Same shape as
     * {@code x}. Gradient: {@code g - softmax(x) * sum(g, dim)}.
     */
    public static Tensor logSoftmax(Tensor x, int dim) {
        return softmax("logSoftmax", x, dim, true);
    }

    private static Tensor softmax(String op, Tensor x, int dim, boolean log) {
        ReduceOps.Reduction r = ReduceOps.Reduction.of(op, x, new int[] {dim}, true);
        double[] data = r.ungroup(Reductions.softmax(r.group(x.doubles()), r.slices(), r.count(), log));
        int[] d = {dim};
        BackwardRule rule = log
                ? (g, out) -> new Tensor[] {g.sub(x.softmax(dim).mul(g.sum(d, true)))}
                : (g, out) -> new Tensor[] {out.mul(g.sub(g.mul(out).sum(d, true)))};
        return Tensor.fromOp(op, x.shape(), data, rule, x);
    }
}
