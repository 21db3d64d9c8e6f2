package io.github.autograd4j.ops;

import io.github.autograd4j.BackwardRule;
import io.github.autograd4j.DType;
import io.github.autograd4j.Grad;
import io.github.autograd4j.Shape;
import io.github.autograd4j.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Layer normalisation, fused: the forward normalises each slice over the trailing dims in one
 * pass, and the backward computes the three gradients in one pass more, instead of the ten or so
 * generic operations the formula takes (measured in docs/benchmarks.md). When the backward pass
 * records a graph ({@code createGraph}), the rule is written with tensor operations instead, so
 * the gradient can be differentiated again.
 */
public final class LayerNormOps {

    private LayerNormOps() {
    }

    /**
     * Layer normalisation over the trailing dims {@code normalizedShape} of {@code x}, as
     * PyTorch's {@code F.layer_norm}: {@code (x - mean) / sqrt(var + eps) * weight + bias}, with
     * the mean and the population variance of each slice of {@code normalizedShape}'s size;
     * {@code weight} and {@code bias} (of shape {@code normalizedShape}, or null for none)
     * broadcast over the leading dims. Same shape as {@code x}. Gradients, with
     * {@code xhat = (x - mean) rstd}, {@code rstd = 1 / sqrt(var + eps)} and
     * {@code gh = g weight}: {@code rstd (gh - mean(gh) - xhat mean(gh xhat))} to {@code x} (means
     * over each slice), {@code g xhat} summed over the leading dims to {@code weight}, {@code g}
     * summed likewise to {@code bias}.
     *
     * @throws IllegalArgumentException when {@code normalizedShape} is empty or is not the trailing
     *                                  shape of {@code x}, {@code weight} or {@code bias} has another
     *                                  shape, or {@code eps} is negative or not finite
     */
    public static Tensor layerNorm(Tensor x, int[] normalizedShape, Tensor weight, Tensor bias, double eps) {
        Objects.requireNonNull(x, "layerNorm: input is null");
        Objects.requireNonNull(normalizedShape, "layerNorm: normalized shape is null");
        Shape normalized = Shape.of("layerNorm", normalizedShape);
        if (normalized.rank() == 0) {
            throw new IllegalArgumentException("layerNorm: the normalized shape is empty; expected the sizes of 1 or more"
                    + " trailing dims of the input");
        }
        if (!endsWith(x.shape(), normalized)) {
            throw new IllegalArgumentException("layerNorm: input of shape " + x.shape() + " does not end with the normalized shape "
                    + normalized + "; expected (*, " + Arrays.stream(normalizedShape).mapToObj(String::valueOf)
                    .collect(java.util.stream.Collectors.joining(", ")) + ")");
        }
        checkAffine("weight", weight, normalized);
        checkAffine("bias", bias, normalized);
        if (!(eps >= 0.0) || !Double.isFinite(eps)) {
            throw new IllegalArgumentException("layerNorm: eps must be finite and >= 0, got " + eps);
        }
        int n = normalized.numel();
        int rows = n == 0 ? 0 : x.numel() / n;
        double[] in = x.doubles();
        double[] w = weight == null ? null : weight.doubles();
        double[] b = bias == null ? null : bias.doubles();
        double[] out = new double[in.length];
        for (int r = 0; r < rows; r++) {
            int from = r * n;
            double[] stats = meanAndRstd(in, from, n, eps);
            for (int i = 0; i < n; i++) {
                double v = (in[from + i] - stats[0]) * stats[1];
                out[from + i] = (w == null ? v : v * w[i]) + (b == null ? 0.0 : b[i]);
            }
        }
        List<Tensor> inputs = new ArrayList<>(List.of(x));
        if (weight != null) {
            inputs.add(weight);
        }
        if (bias != null) {
            inputs.add(bias);
        }
        BackwardRule rule = (g, output) -> Grad.isEnabled()
                ? composedGradients(g, x, normalized.rank(), weight, bias, eps)
                : fusedGradients(g, x, n, weight, bias, eps);
        return Tensor.fromOp("layerNorm", Tensor.resultType(x, weight, bias), x.shape(), out, rule,
                t -> layerNorm(t[0], normalizedShape, weight == null ? null : t[1],
                        bias == null ? null : t[weight == null ? 1 : 2], eps),
                inputs.toArray(new Tensor[0]));
    }

    /** The gradients in one pass over each slice, as constants: for a backward pass that records nothing. */
    private static Tensor[] fusedGradients(Tensor g, Tensor x, int n, Tensor weight, Tensor bias, double eps) {
        double[] in = x.doubles();
        double[] up = g.doubles();
        double[] w = weight == null ? null : weight.doubles();
        double[] gx = new double[in.length];
        double[] gw = new double[n];
        double[] gb = new double[n];
        int rows = n == 0 ? 0 : in.length / n;
        for (int r = 0; r < rows; r++) {
            int from = r * n;
            double[] stats = meanAndRstd(in, from, n, eps);
            double meanGh = 0.0;
            double meanGhXhat = 0.0;
            for (int i = 0; i < n; i++) {
                double xhat = (in[from + i] - stats[0]) * stats[1];
                double gh = w == null ? up[from + i] : up[from + i] * w[i];
                meanGh += gh;
                meanGhXhat += gh * xhat;
                gw[i] += up[from + i] * xhat;
                gb[i] += up[from + i];
            }
            meanGh /= n;
            meanGhXhat /= n;
            for (int i = 0; i < n; i++) {
                double xhat = (in[from + i] - stats[0]) * stats[1];
                double gh = w == null ? up[from + i] : up[from + i] * w[i];
                gx[from + i] = stats[1] * (gh - meanGh - xhat * meanGhXhat);
            }
        }
        List<Tensor> grads = new ArrayList<>(List.of(constant(gx, x)));
        if (weight != null) {
            grads.add(constant(gw, weight));
        }
        if (bias != null) {
            grads.add(constant(gb, bias));
        }
        return grads.toArray(new Tensor[0]);
    }

    /** The same gradients written with tensor operations, so that they can be differentiated again. */
    private static Tensor[] composedGradients(Tensor g, Tensor x, int rank, Tensor weight, Tensor bias, double eps) {
        int[] dims = new int[rank];
        for (int k = 0; k < rank; k++) {
            dims[k] = -1 - k;
        }
        Tensor centered = x.sub(x.mean(dims, true));
        Tensor rstd = centered.mul(centered).mean(dims, true).add(eps).rsqrt();
        Tensor xhat = centered.mul(rstd);
        Tensor gh = weight == null ? g : g.mul(weight);
        Tensor gx = rstd.mul(gh.sub(gh.mean(dims, true)).sub(xhat.mul(gh.mul(xhat).mean(dims, true))));
        List<Tensor> grads = new ArrayList<>(List.of(gx));
        if (weight != null) {
            grads.add(g.mul(xhat)); // the engine sums it over the leading dims to weight's shape
        }
        if (bias != null) {
            grads.add(g);
        }
        return grads.toArray(new Tensor[0]);
    }

    /** The mean and {@code 1 / sqrt(var + eps)} of {@code a[from .. from + n)}, the variance by two passes. */
    private static double[] meanAndRstd(double[] a, int from, int n, double eps) {
        double sum = 0.0;
        for (int i = from; i < from + n; i++) {
            sum += a[i];
        }
        double mean = sum / n;
        double squares = 0.0;
        for (int i = from; i < from + n; i++) {
            double d = a[i] - mean;
            squares += d * d;
        }
        return new double[] {mean, 1.0 / Math.sqrt(squares / n + eps)};
    }

    private static Tensor constant(double[] values, Tensor like) {
        Tensor t = Tensor.of(values, like.shape().toArray());
        return like.dtype() == DType.FLOAT64 ? t : t.to(like.dtype());
    }

    private static void checkAffine(String name, Tensor t, Shape normalized) {
        if (t != null && !t.shape().equals(normalized)) {
            throw new IllegalArgumentException("layerNorm: " + name + " of shape " + t.shape() + " does not match the normalized shape "
                    + normalized);
        }
    }

    private static boolean endsWith(Shape shape, Shape tail) {
        int offset = shape.rank() - tail.rank();
        if (offset < 0) {
            return false;
        }
        return Arrays.equals(Arrays.copyOfRange(shape.toArray(), offset, shape.rank()), tail.toArray());
    }
}
