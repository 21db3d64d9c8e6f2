package io.github.autograd4j.kernel;

/**
 * Loops of the reductions over <em>grouped</em> storage: an array whose consecutive runs of
 * {@code count} elements are the slices reduced to one output element each (slice {@code s} is
 * {@code [s * count, (s + 1) * count)}). The caller groups and ungroups (a permutation that puts
 * the reduced dims last).
 *
 * <p>NaN is the extreme of every slice it is in, as in PyTorch: max, min and their arg variants
 * return the first NaN.
 */
public final class Reductions {

    private Reductions() {
    }

    /** A function of one slice {@code a[from, to)}. */
    @FunctionalInterface
    public interface SliceFunction {
        /** The value of the slice {@code a[from, to)}. */
        double apply(double[] a, int from, int to);
    }

    /** {@code f} of each of the {@code slices} consecutive slices of {@code count} elements. */
    public static double[] perSlice(double[] a, int slices, int count, SliceFunction f) {
        double[] out = new double[slices];
        for (int s = 0; s < slices; s++) {
            out[s] = f.apply(a, s * count, (s + 1) * count);
        }
        return out;
    }

    /** The product of {@code a[from, to)} (1 when empty). */
    public static double product(double[] a, int from, int to) {
        double p = 1.0;
        for (int i = from; i < to; i++) {
            p *= a[i];
        }
        return p;
    }

    /**
     * The index of the first largest ({@code max}) or smallest element of the non-empty slice
     * {@code a[from, to)}, or of its first NaN.
     */
    public static int argExtreme(double[] a, int from, int to, boolean max) {
        int best = from;
        for (int i = from; i < to; i++) {
            double v = a[i];
            if (v != v) {
                return i;
            }
            if (max ? v > a[best] : v < a[best]) {
                best = i;
            }
        }
        return best;
    }

    /**
     * Where each element of each slice equals the slice's {@code extremes[s]}: {@code 1 / ties}
     * there (ties = how many do), 0 elsewhere; the weights that split a max's gradient evenly.
     */
    public static double[] tieWeights(double[] a, double[] extremes, int count) {
        double[] w = new double[a.length];
        for (int s = 0; s < extremes.length; s++) {
            int from = s * count;
            int ties = 0;
            for (int i = from; i < from + count; i++) {
                ties += a[i] == extremes[s] ? 1 : 0;
            }
            for (int i = from; i < from + count; i++) {
                w[i] = a[i] == extremes[s] ? 1.0 / ties : 0.0;
            }
        }
        return w;
    }

    /**
     * The variance {@code sum((a - mean)^2) / max(0, n - correction)} of each slice (two passes);
     * with {@code correction >= n} the divisor is 0, giving infinity or NaN as PyTorch does.
     */
    public static SliceFunction variance(int correction) {
        return (a, from, to) -> {
            int n = to - from;
            double mean = 0.0;
            for (int i = from; i < to; i++) {
                mean += a[i];
            }
            mean /= n;
            double squares = 0.0;
            for (int i = from; i < to; i++) {
                double d = a[i] - mean;
                squares += d * d;
            }
            return squares / Math.max(0, n - correction);
        };
    }

    /**
     * The p-norm of each slice: {@code (sum |a|^p)^(1/p)}, with exact sums for p = 1 and 2 and
     * the largest {@code |a|} for p = infinity (0 for an empty slice). {@code p} must be positive.
     */
    public static SliceFunction norm(double p) {
        if (p == 1.0) {
            return (a, from, to) -> {
                double s = 0.0;
                for (int i = from; i < to; i++) {
                    s += Math.abs(a[i]);
                }
                return s;
            };
        }
        if (p == 2.0) {
            return (a, from, to) -> {
                double s = 0.0;
                for (int i = from; i < to; i++) {
                    s += a[i] * a[i];
                }
                return Math.sqrt(s);
            };
        }
        if (p == Double.POSITIVE_INFINITY) {
            return (a, from, to) -> {
                double m = 0.0;
                for (int i = from; i < to; i++) {
                    double v = Math.abs(a[i]);
                    if (v > m || v != v) {
                        m = v;
                    }
                }
                return m;
            };
        }
        return (a, from, to) -> {
            double s = 0.0;
            for (int i = from; i < to; i++) {
                s += Math.pow(Math.abs(a[i]), p);
            }
            return Math.pow(s, 1.0 / p);
        };
    }

    /**
     * {@code log(sum(exp(a)))} of a slice, stably: the largest element {@code m} is taken out,
     * {@code m + log(sum(exp(a - m)))}, so large inputs do not overflow. An empty slice gives
     * -infinity; a slice whose largest element is infinite or NaN gives that element.
     */
    public static double logSumExp(double[] a, int from, int to) {
        if (from == to) {
            return Double.NEGATIVE_INFINITY;
        }
        double m = a[argExtreme(a, from, to, true)];
        if (Double.isInfinite(m) || Double.isNaN(m)) {
            return m;
        }
        double s = 0.0;
        for (int i = from; i < to; i++) {
            s += Math.exp(a[i] - m);
        }
        return m + Math.log(s);
    }

    /**
     * Softmax {@code exp(a - m) / sum(exp(a - m))} of each slice, or log-softmax
     * {@code a - m - log(sum(exp(a - m)))} when {@code log}; {@code m} is the slice's largest
     * element, so large inputs do not overflow.
     */
    public static double[] softmax(double[] a, int slices, int count, boolean log) {
        double[] out = new double[a.length];
        for (int s = 0; s < slices && count > 0; s++) {
            int from = s * count;
            int to = from + count;
            double m = a[argExtreme(a, from, to, true)];
            double sum = 0.0;
            for (int i = from; i < to; i++) {
                out[i] = Math.exp(a[i] - m);
                sum += out[i];
            }
            double logSum = Math.log(sum);
            for (int i = from; i < to; i++) {
                out[i] = log ? a[i] - m - logSum : out[i] / sum;
            }
        }
        return out;
    }
}
