package io.github.autograd4j.kernel;

import java.lang.reflect.Array;

/**
 * Loops over row-major {@code double[]} storage for indexing along one dim, and for gather and
 * scatter through precomputed flat offsets. Along one dim, an array is seen as
 * {@code (outer, n, inner)}: {@code outer} is the product of the sizes before the dim,
 * {@code n} the dim's size and {@code inner} the product of the sizes after it. Callers check
 * shapes and indices.
 */
public final class Indexing {

    private Indexing() {
    }

    /**
     * {@code out[o, j, i] = a[o, idx[j], i]}, with {@code a} seen as {@code (outer, n, inner)}: an
     * array of {@code outer * idx.length * inner} values, of {@code a}'s type ({@code double[]} or
     * {@code float[]}: the elements are only copied).
     */
    public static Object take(Object a, int outer, int n, int inner, int[] idx) {
        int m = idx.length;
        Object out = Array.newInstance(a.getClass().getComponentType(), outer * m * inner);
        for (int o = 0; o < outer; o++) {
            for (int j = 0; j < m; j++) {
                System.arraycopy(a, (o * n + idx[j]) * inner, out, (o * m + j) * inner, inner);
            }
        }
        return out;
    }

    /**
     * The reverse of {@link #take}: zeros of {@code (outer, n, inner)} with
     * {@code out[o, idx[j], i] += g[o, j, i]}, so repeated indices add up.
     */
    public static double[] put(double[] g, int outer, int n, int inner, int[] idx) {
        int m = idx.length;
        double[] out = new double[outer * n * inner];
        for (int o = 0; o < outer; o++) {
            for (int j = 0; j < m; j++) {
                int to = (o * n + idx[j]) * inner;
                int from = (o * m + j) * inner;
                for (int i = 0; i < inner; i++) {
                    out[to + i] += g[from + i];
                }
            }
        }
        return out;
    }

    /**
     * Joins arrays along one dim: part {@code t}, seen as {@code (outer, sizes[t], inner)}, fills
     * {@code out[o, offset_t .. offset_t + sizes[t] - 1, i]} where the offsets are running sums of
     * {@code sizes}.
     */
    public static double[] concat(double[][] parts, int outer, int[] sizes, int inner) {
        int total = 0;
        for (int s : sizes) {
            total += s;
        }
        double[] out = new double[outer * total * inner];
        for (int o = 0, at = 0; o < outer; o++) {
            for (int t = 0; t < parts.length; t++) {
                int block = sizes[t] * inner;
                System.arraycopy(parts[t], o * block, out, at, block);
                at += block;
            }
        }
        return out;
    }

    /** {@code out[e] = a[offsets[e]]}. */
    public static double[] gather(double[] a, int[] offsets) {
        double[] out = new double[offsets.length];
        for (int e = 0; e < offsets.length; e++) {
            out[e] = a[offsets[e]];
        }
        return out;
    }

    /** A copy of {@code base} with {@code out[offsets[e]] += src[e]}, so repeated offsets add up. */
    public static double[] scatterAdd(double[] base, int[] offsets, double[] src) {
        double[] out = base.clone();
        for (int e = 0; e < offsets.length; e++) {
            out[offsets[e]] += src[e];
        }
        return out;
    }
}
