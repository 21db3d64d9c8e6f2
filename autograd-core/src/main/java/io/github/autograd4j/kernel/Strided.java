package io.github.autograd4j.kernel;

import java.util.function.DoubleBinaryOperator;

/**
 * Loops over row-major {@code double[]} storage under broadcasting: elementwise maps of two
 * operands of broadcast-compatible shapes, expansion, and the reverse of broadcasting (summing a
 * broadcast array back to a smaller shape). Shapes are passed as {@code int[]}; callers check
 * that they are compatible.
 */
public final class Strided {

    private Strided() {
    }

    /**
     * {@code out[i] = f(a[ia], b[ib])} over {@code outShape}, where {@code a} and {@code b}
     * broadcast to {@code outShape}.
     */
    public static double[] map(double[] a, int[] shapeA, double[] b, int[] shapeB, int[] outShape, DoubleBinaryOperator f) {
        int n = numel(outShape);
        double[] out = new double[n];
        if (a.length == n && b.length == n) {
            for (int i = 0; i < n; i++) {
                out[i] = f.applyAsDouble(a[i], b[i]);
            }
        } else if (b.length == 1 && a.length == n) {
            double s = b[0];
            for (int i = 0; i < n; i++) {
                out[i] = f.applyAsDouble(a[i], s);
            }
        } else if (a.length == 1 && b.length == n) {
            double s = a[0];
            for (int i = 0; i < n; i++) {
                out[i] = f.applyAsDouble(s, b[i]);
            }
        } else {
            int[] sa = broadcastStrides(shapeA, outShape);
            int[] sb = broadcastStrides(shapeB, outShape);
            int rank = outShape.length;
            int[] index = new int[rank];
            int ia = 0;
            int ib = 0;
            for (int i = 0; i < n; i++) {
                out[i] = f.applyAsDouble(a[ia], b[ib]);
                for (int d = rank - 1; d >= 0; d--) {
                    ia += sa[d];
                    ib += sb[d];
                    if (++index[d] < outShape[d]) {
                        break;
                    }
                    ia -= sa[d] * outShape[d];
                    ib -= sb[d] * outShape[d];
                    index[d] = 0;
                }
            }
        }
        return out;
    }

    /** Copies {@code a} to every position of {@code outShape} it broadcasts to. */
    public static double[] expand(double[] a, int[] shapeA, int[] outShape) {
        return map(a, shapeA, new double[] {0.0}, new int[0], outShape, (x, zero) -> x);
    }

    /**
     * The reverse of broadcasting: sums {@code g} (of {@code shapeG}) over every dimension where
     * {@code target} is 1 or missing, giving an array of {@code target}'s shape.
     */
    public static double[] sumTo(double[] g, int[] shapeG, int[] target) {
        double[] out = new double[numel(target)];
        if (out.length == g.length) {
            System.arraycopy(g, 0, out, 0, g.length);
            return out;
        }
        if (out.length == 1) {
            double s = 0.0;
            for (double v : g) {
                s += v;
            }
            out[0] = s;
            return out;
        }
        int[] st = broadcastStrides(target, shapeG);
        int rank = shapeG.length;
        int[] index = new int[rank];
        int it = 0;
        for (int i = 0; i < g.length; i++) {
            out[it] += g[i];
            for (int d = rank - 1; d >= 0; d--) {
                it += st[d];
                if (++index[d] < shapeG[d]) {
                    break;
                }
                it -= st[d] * shapeG[d];
                index[d] = 0;
            }
        }
        return out;
    }

    /** Reorders the axes of {@code a}: output dim {@code i} is input dim {@code perm[i]}. */
    public static double[] permute(double[] a, int[] shape, int[] perm) {
        int rank = shape.length;
        int[] inStrides = strides(shape);
        int[] outShape = new int[rank];
        int[] s = new int[rank];
        for (int i = 0; i < rank; i++) {
            outShape[i] = shape[perm[i]];
            s[i] = inStrides[perm[i]];
        }
        double[] out = new double[a.length];
        int[] index = new int[rank];
        int ia = 0;
        for (int i = 0; i < out.length; i++) {
            out[i] = a[ia];
            for (int d = rank - 1; d >= 0; d--) {
                ia += s[d];
                if (++index[d] < outShape[d]) {
                    break;
                }
                ia -= s[d] * outShape[d];
                index[d] = 0;
            }
        }
        return out;
    }

    /** Row-major strides of a shape. */
    public static int[] strides(int[] shape) {
        int[] strides = new int[shape.length];
        int s = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            strides[i] = s;
            s *= shape[i];
        }
        return strides;
    }

    /** The product of the sizes. */
    public static int numel(int[] shape) {
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        return n;
    }

    /** Strides of {@code shape} aligned to {@code outShape}'s rank, 0 where it is broadcast. */
    private static int[] broadcastStrides(int[] shape, int[] outShape) {
        int rank = outShape.length;
        int offset = rank - shape.length;
        int[] own = strides(shape);
        int[] s = new int[rank];
        for (int i = 0; i < shape.length; i++) {
            s[i + offset] = shape[i] == 1 ? 0 : own[i];
        }
        return s;
    }
}
