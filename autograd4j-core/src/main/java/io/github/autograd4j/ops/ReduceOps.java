package io.github.autograd4j.ops;

import static io.github.autograd4j.BackwardRule.gradientOnly;

import io.github.autograd4j.BackwardRule;
import io.github.autograd4j.DType;
import io.github.autograd4j.Shape;
import io.github.autograd4j.Tensor;
import io.github.autograd4j.kernel.Reductions;
import io.github.autograd4j.kernel.Reductions.SliceFunction;
import io.github.autograd4j.kernel.Strided;
import java.util.Arrays;
import java.util.Objects;

/**
 * Reductions over all elements or given dims, with {@code keepDim}: each forward and its
 * backward rule side by side; also {@code sumToShape}, the one place where broadcasting is
 * undone. Softmax and log-softmax, which reduce and spread again, are in {@link SoftmaxOps}.
 *
 * <p>{@code dims == null} means every dim. Dims may be negative and must not repeat; a scalar
 * (rank 0) is reduced with {@code dims == null} only.
 *
 * <p>A reduction's backward rule broadcasts the output gradient {@code g} back to the input's
 * shape ({@link Reduction#spread}) and multiplies by the local derivative, written with tensor
 * operations (or with {@link Masks} such as a max's tie shares, whose derivative is zero), so
 * every rule can be differentiated again.
 */
public final class ReduceOps {

    private ReduceOps() {
    }

    /**
     * The sum over {@code dims}. Gradient: {@code g} broadcast back to the input.
     *
     * @param x       any shape
     * @param dims    dims to reduce (negative count from the end), or null for all
     * @param keepDim keep the reduced dims with size 1
     */
    public static Tensor sum(Tensor x, int[] dims, boolean keepDim) {
        Reduction r = Reduction.of("sum", x, dims, keepDim);
        double[] data = sumTo(x, r.kept());
        return Tensor.fromOp("sum", r.out(), data, gradientOnly((g, out) -> new Tensor[] {r.spread(g)}), x);
    }

    /**
     * Sums {@code x} down to {@code target}, a shape that broadcasts to {@code x}'s. Gradient:
     * {@code g} broadcast back to {@code x}'s shape.
     */
    public static Tensor sumToShape(Tensor x, Shape target) {
        Objects.requireNonNull(x, "sumToShape: input is null");
        Objects.requireNonNull(target, "sumToShape: target is null");
        if (target.equals(x.shape())) {
            return x;
        }
        if (!target.broadcastsTo(x.shape())) {
            throw new IllegalArgumentException("sumToShape: shape " + target + " does not broadcast to " + x.shape()
                    + ", so " + x.shape() + " cannot be summed down to it");
        }
        Shape input = x.shape();
        double[] data = sumTo(x, target);
        return Tensor.fromOp("sumToShape", target, data, gradientOnly((g, out) -> new Tensor[] {g.broadcastTo(input)}), x);
    }

    /** {@code x}'s sums down to {@code target}, in double precision, read from either element type in place. */
    private static double[] sumTo(Tensor x, Shape target) {
        int[] shape = x.shape().toArray();
        return x.dtype() == DType.FLOAT32 ? Strided.sumTo(x.floatStorage(), shape, target.toArray())
                : Strided.sumTo(x.storage(), shape, target.toArray());
    }

    /**
     * The mean {@code sum(x) / n} over {@code dims}, {@code n} the number of elements reduced into
     * each output (NaN when it is 0). Gradient: {@code g / n} broadcast back.
     */
    public static Tensor mean(Tensor x, int[] dims, boolean keepDim) {
        Reduction r = Reduction.of("mean", x, dims, keepDim);
        double[] data = sumTo(x, r.kept());
        int n = r.count();
        for (int i = 0; i < data.length; i++) {
            data[i] /= n;
        }
        return Tensor.fromOp("mean", r.out(), data, gradientOnly((g, out) -> new Tensor[] {r.spread(g.div(n))}), x);
    }

    /**
     * The product over {@code dims} (1 over no elements). Gradient: {@code g} times the product of
     * the other elements of the slice, exact also where the input has zeros (see
     * {@link #productOfOthers}). Second order: exact except in slices with two or more zeros, where
     * the second derivatives come out 0.
     */
    public static Tensor prod(Tensor x, int[] dims, boolean keepDim) {
        Reduction r = Reduction.of("prod", x, dims, keepDim);
        double[] data = r.perSlice(x, Reductions::product);
        return Tensor.fromOp("prod", r.out(), data,
                (g, out) -> new Tensor[] {r.spread(g).mul(productOfOthers(x, dims, r, out))}, x);
    }

    /**
     * For each element of {@code x}, the product of the other elements of its slice, as a
     * differentiable tensor. Without zeros it is {@code out / x}. With zeros, {@code xs} is
     * {@code x} with its zeros replaced by 1 and {@code P = prod(xs)} the product of the non-zeros;
     * in a slice with one zero {@code z}, the product of the others is {@code P} at {@code z} and
     * {@code z * P / x} elsewhere ({@code z} enters as {@code sum(x * isZero)}, which is 0 but has
     * derivative 1 with respect to the zero, so second derivatives stay exact); in a slice with two
     * or more zeros it is 0 (a constant, so second derivatives there are 0).
     */
    private static Tensor productOfOthers(Tensor x, int[] dims, Reduction r, Tensor out) {
        double[] v = x.doubles();
        double[] isZero = new double[v.length];
        boolean anyZero = false;
        for (int i = 0; i < v.length; i++) {
            if (v[i] == 0.0) {
                isZero[i] = 1.0;
                anyZero = true;
            }
        }
        if (!anyZero) {
            return r.spread(out).div(x);
        }
        double[] nonZero = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            nonZero[i] = 1.0 - isZero[i];
        }
        double[] zeros = Strided.sumTo(isZero, r.in().toArray(), r.kept().toArray());
        double[] noZero = new double[zeros.length];
        double[] atMostOne = new double[zeros.length];
        for (int s = 0; s < zeros.length; s++) {
            noZero[s] = zeros[s] == 0.0 ? 1.0 : 0.0;
            atMostOne[s] = zeros[s] <= 1.0 ? 1.0 : 0.0;
        }
        Tensor zeroMask = Masks.of(r.in(), isZero, x);
        Tensor nonZeroMask = Masks.of(r.in(), nonZero, x);
        Tensor xs = x.mul(nonZeroMask).add(zeroMask);
        Tensor z = r.spread(sum(x.mul(zeroMask), dims, true));
        Tensor factor = z.add(Masks.of(r.kept(), noZero, x)).mul(nonZeroMask).add(zeroMask)
                .mul(Masks.of(r.kept(), atMostOne, x));
        return r.spread(prod(xs, dims, true)).div(xs).mul(factor);
    }

    /**
     * The maximum over {@code dims}; NaN if the slice holds one. Gradient: {@code g} split evenly
     * among the elements equal to the maximum (PyTorch's amax), a constant mask, so the second
     * derivative is 0.
     *
     * @throws IllegalArgumentException when the reduced dims hold no elements
     */
    public static Tensor max(Tensor x, int[] dims, boolean keepDim) {
        return extreme("max", x, dims, keepDim, true);
    }

    /**
     * The minimum over {@code dims}; the mirror of {@link #max}. Gradient: {@code g} split evenly
     * among the elements equal to the minimum, a constant mask, so the second derivative is 0.
     */
    public static Tensor min(Tensor x, int[] dims, boolean keepDim) {
        return extreme("min", x, dims, keepDim, false);
    }

    private static Tensor extreme(String op, Tensor x, int[] dims, boolean keepDim, boolean max) {
        Reduction r = Reduction.of(op, x, dims, keepDim).nonEmpty(op, dims);
        double[] data = r.perSlice(x, (a, from, to) -> a[Reductions.argExtreme(a, from, to, max)]);
        return Tensor.fromOp(op, r.out(), data, (g, out) -> {
            double[] w = Reductions.tieWeights(r.group(x.doubles()), out.doubles(), r.count());
            return new Tensor[] {r.spread(g).mul(Masks.of(r.in(), r.ungroup(w), x))};
        }, x);
    }

    /**
     * The variance {@code sum((x - mean)^2) / (n - correction)} over {@code dims} ({@code correction}
     * 1 is the unbiased estimate, 0 the population variance). With {@code correction >= n} the
     * divisor is taken as 0, giving infinity (or NaN for a constant slice), as PyTorch does.
     * Gradient: {@code g * 2 (x - mean) / (n - correction)}.
     */
    public static Tensor var(Tensor x, int[] dims, int correction, boolean keepDim) {
        Reduction r = Reduction.of("var", x, dims, keepDim);
        double[] data = r.perSlice(x, Reductions.variance(correction));
        double dof = Math.max(0, r.count() - correction);
        return Tensor.fromOp("var", r.out(), data,
                (g, out) -> new Tensor[] {r.spread(g.mul(2.0 / dof)).mul(centered(x, dims))}, x);
    }

    /**
     * The standard deviation {@code sqrt(var(x, dims, correction))}; see {@link #var} for
     * {@code correction >= n}. Gradient: {@code g * (x - mean) / ((n - correction) * std)}, and 0
     * where the std is 0 (as PyTorch).
     */
    public static Tensor std(Tensor x, int[] dims, int correction, boolean keepDim) {
        Reduction r = Reduction.of("std", x, dims, keepDim);
        double[] data = r.perSlice(x, Reductions.variance(correction));
        for (int i = 0; i < data.length; i++) {
            data[i] = Math.sqrt(data[i]);
        }
        double dof = Math.max(0, r.count() - correction);
        return Tensor.fromOp("std", r.out(), data,
                (g, out) -> new Tensor[] {r.spread(g.div(zerosToOnes(out).mul(dof))).mul(centered(x, dims))}, x);
    }

    /** {@code x - mean(x, dims)}, differentiable in both terms. */
    private static Tensor centered(Tensor x, int[] dims) {
        return x.sub(mean(x, dims, true));
    }

    /**
     * The p-norm {@code (sum |x|^p)^(1/p)} over {@code dims}, for any {@code p > 0}, and the max
     * norm {@code max |x|} for {@code p = Double.POSITIVE_INFINITY}. Gradient:
     * {@code g * sign(x) |x|^(p-1) / norm^(p-1)}, 0 where the norm is 0 (for p = 2 the
     * subgradient 0 at the origin, as PyTorch) and, for p &lt; 1, 0 at elements that are 0; for
     * the max norm {@code g * sign(x)} split evenly among the elements of largest {@code |x|}.
     *
     * @throws IllegalArgumentException when {@code p} is not positive (or is NaN)
     */
    public static Tensor norm(Tensor x, double p, int[] dims, boolean keepDim) {
        if (!(p > 0.0)) {
            throw new IllegalArgumentException("norm: p must be positive or infinity, got " + p);
        }
        Reduction r = Reduction.of("norm", x, dims, keepDim);
        double[] data = r.perSlice(x, Reductions.norm(p));
        BackwardRule rule = p == Double.POSITIVE_INFINITY
                ? (g, out) -> new Tensor[] {r.spread(g).mul(maxNormWeights(x, r, out))}
                : (g, out) -> new Tensor[] {r.spread(g.div(signPow(zerosToOnes(out), p - 1))).mul(signPow(x, p - 1))};
        return Tensor.fromOp("norm", r.out(), data, rule, x);
    }

    /** {@code sign(x)} where {@code |x|} equals its slice's max norm {@code out}, divided by the number of such ties; 0 elsewhere. */
    private static Tensor maxNormWeights(Tensor x, Reduction r, Tensor out) {
        double[] a = r.group(x.doubles());
        double[] abs = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            abs[i] = Math.abs(a[i]);
        }
        double[] w = Reductions.tieWeights(abs, out.doubles(), r.count());
        for (int i = 0; i < w.length; i++) {
            w[i] *= Math.signum(a[i]);
        }
        return Masks.of(r.in(), r.ungroup(w), x);
    }

    /** {@code sign(x) |x|^q} elementwise (0 at 0); see {@link #power}. */
    private static Tensor signPow(Tensor x, double q) {
        return power(x, q, true);
    }

    /**
     * {@code sign(x) |x|^q} ({@code signed}) or {@code |x|^q}, elementwise, each the other's
     * derivative up to the factor q: {@code d/dx sign(x)|x|^q = q |x|^(q-1)} and
     * {@code d/dx |x|^q = q sign(x) |x|^(q-1)}, so the p-norm's rule is differentiable to any
     * order. {@code q = 0} gives a constant ({@code sign(x)} or 1); {@code signPow(x, 1)} is
     * {@code x} itself.
     */
    private static Tensor power(Tensor x, double q, boolean signed) {
        double[] in = x.doubles();
        double[] out = new double[in.length];
        if (q == 0.0) {
            for (int i = 0; i < in.length; i++) {
                out[i] = signed ? Math.signum(in[i]) : 1.0;
            }
            return Masks.of(x.shape(), out, x);
        }
        if (q == 1.0 && signed) {
            return x;
        }
        for (int i = 0; i < in.length; i++) {
            double v = Math.pow(Math.abs(in[i]), q);
            out[i] = !signed ? v : in[i] == 0.0 ? 0.0 : Math.copySign(v, in[i]);
        }
        return Tensor.fromOp(signed ? "signPow" : "absPow", x.shape(), out,
                (g, o) -> new Tensor[] {g.mul(power(x, q - 1, !signed)).mul(q)}, x);
    }

    /**
     * {@code log(sum(exp(x)))} over {@code dims}, computed stably as
     * {@code m + log(sum(exp(x - m)))} with {@code m} the slice's maximum (finite for inputs like
     * +-1000; -infinity over no elements). Gradient: {@code g * softmax(x)} over the reduced dims,
     * computed with {@link SoftmaxOps#softmax}, whose own rule makes it differentiable again.
     */
    public static Tensor logSumExp(Tensor x, int[] dims, boolean keepDim) {
        Reduction r = Reduction.of("logSumExp", x, dims, keepDim);
        double[] data = r.perSlice(x, Reductions::logSumExp);
        return Tensor.fromOp("logSumExp", r.out(), data, (g, out) -> new Tensor[] {r.spread(g).mul(softmaxOver(x, r))}, x);
    }

    /** Softmax of {@code x} over all of {@code r}'s reduced dims at once: they are moved last and flattened into one. */
    private static Tensor softmaxOver(Tensor x, Reduction r) {
        return x.permute(r.perm()).reshape(r.slices(), r.count()).softmax(1)
                .reshape(r.groupedShape()).permute(inverse(r.perm()));
    }

    /**
     * The flat index (row-major) of the largest element when {@code dim} is null, else the index
     * along {@code dim} of the largest element of each slice; the first on ties, the first NaN if
     * any. The indices are held as doubles in a tensor that never requires grad. Gradient: none
     * (indices, a constant).
     *
     * @throws IllegalArgumentException when the reduced dim holds no elements
     */
    public static Tensor argmax(Tensor x, Integer dim, boolean keepDim) {
        return argExtreme("argmax", x, dim, keepDim, true);
    }

    /** The index of the smallest element; the mirror of {@link #argmax}. Gradient: none (indices, a constant). */
    public static Tensor argmin(Tensor x, Integer dim, boolean keepDim) {
        return argExtreme("argmin", x, dim, keepDim, false);
    }

    private static Tensor argExtreme(String op, Tensor x, Integer dim, boolean keepDim, boolean max) {
        int[] dims = dim == null ? null : new int[] {dim};
        Reduction r = Reduction.of(op, x, dims, keepDim).nonEmpty(op, dims);
        double[] data = r.perSlice(x, (a, from, to) -> Reductions.argExtreme(a, from, to, max) - from);
        return constant(DType.FLOAT64, data, r.out()); // indices, exact as doubles
    }

    /**
     * {@code t} with its zeros replaced by ones (by adding a constant), for dividing by a result
     * that is 0 only where the numerator is 0 too, so that the quotient is 0 there.
     */
    private static Tensor zerosToOnes(Tensor t) {
        double[] v = t.doubles();
        double[] shift = null;
        for (int i = 0; i < v.length; i++) {
            if (v[i] == 0.0) {
                shift = shift == null ? new double[v.length] : shift;
                shift[i] = 1.0;
            }
        }
        return shift == null ? t : t.add(constant(t.dtype(), shift, t.shape()));
    }

    /** The inverse permutation: {@code inverse[perm[i]] = i}. */
    private static int[] inverse(int[] perm) {
        int[] inverse = new int[perm.length];
        for (int i = 0; i < perm.length; i++) {
            inverse[perm[i]] = i;
        }
        return inverse;
    }

    private static Tensor constant(DType dtype, double[] data, Shape shape) {
        return BinaryOps.constant(dtype, shape, data);
    }

    /**
     * The shapes of a reduction of {@code in}: {@code kept} has size 1 at every reduced dim (what
     * the backward rules broadcast from), {@code out} drops those dims unless {@code keepDim};
     * {@code count} is the number of elements reduced into each output element. Also the grouping
     * of the storage that makes each output's slice contiguous, for the loops in
     * {@link Reductions}.
     */
    record Reduction(Shape in, Shape kept, Shape out, int count) {

        static Reduction of(String op, Tensor x, int[] dims, boolean keepDim) {
            Shape in = Objects.requireNonNull(x, op + ": input is null").shape();
            int rank = in.rank();
            boolean[] reduced = new boolean[rank];
            if (dims == null) {
                Arrays.fill(reduced, true);
            } else {
                for (int dim : dims) {
                    int d = in.normalize(op, dim);
                    if (reduced[d]) {
                        throw new IllegalArgumentException(op + ": dims " + Arrays.toString(dims) + " name dim " + d
                                + " twice; each dim may be reduced once");
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
            return new Reduction(in, Shape.of(kept), Shape.of(out), count);
        }

        /**
         * This reduction, after checking that each output has elements to reduce (for max, min and
         * the arg variants, which are undefined over none).
         */
        Reduction nonEmpty(String op, int[] dims) {
            if (count == 0) {
                throw new IllegalArgumentException(op + ": " + (dims == null ? "all dims" : "dims " + Arrays.toString(dims))
                        + " of shape " + in + " hold no elements; expected at least one to reduce");
            }
            return this;
        }

        /** The number of output elements, each the reduction of one slice of {@code count} elements. */
        int slices() {
            return kept.numel();
        }

        /** {@code g} (of the output's or the kept shape) broadcast back to the input's shape. */
        Tensor spread(Tensor g) {
            return g.reshape(kept.toArray()).broadcastTo(in);
        }

        /** {@code f} of each output's slice of {@code x}. */
        double[] perSlice(Tensor x, SliceFunction f) {
            return Reductions.perSlice(group(x.doubles()), slices(), count, f);
        }

        /**
         * The permutation that puts the kept dims first and the reduced dims last (a reduced dim
         * of size 1 counts as kept: moving it changes nothing).
         */
        int[] perm() {
            int[] sizes = in.toArray();
            int[] k = kept.toArray();
            int[] perm = new int[sizes.length];
            int i = 0;
            for (int d = 0; d < sizes.length; d++) {
                if (sizes[d] == k[d]) {
                    perm[i++] = d;
                }
            }
            for (int d = 0; d < sizes.length; d++) {
                if (sizes[d] != k[d]) {
                    perm[i++] = d;
                }
            }
            return perm;
        }

        /** Whether some kept dim of size > 1 follows a reduced one, so that slices are not contiguous already. */
        private boolean needsGrouping() {
            int[] sizes = in.toArray();
            int[] k = kept.toArray();
            boolean seenReduced = false;
            for (int d = 0; d < sizes.length; d++) {
                if (sizes[d] != k[d]) {
                    seenReduced = true;
                } else if (sizes[d] != 1 && seenReduced) {
                    return true;
                }
            }
            return false;
        }

        /** Input-layout storage regrouped so each output's slice is contiguous (the array itself when it is already). */
        double[] group(double[] data) {
            return needsGrouping() ? Strided.permute(data, in.toArray(), perm()) : data;
        }

        /** The inverse of {@link #group}: grouped storage back in the input's layout. */
        double[] ungroup(double[] grouped) {
            return needsGrouping() ? Strided.permute(grouped, groupedShape(), inverse(perm())) : grouped;
        }

        /** The input's shape under {@link #perm}. */
        int[] groupedShape() {
            int[] perm = perm();
            int[] shape = new int[perm.length];
            for (int i = 0; i < perm.length; i++) {
                shape[i] = in.size(perm[i]);
            }
            return shape;
        }
    }
}
