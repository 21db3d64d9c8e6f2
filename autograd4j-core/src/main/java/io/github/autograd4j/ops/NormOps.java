package io.github.autograd4j.ops;

import io.github.autograd4j.DType;
import io.github.autograd4j.Grad;
import io.github.autograd4j.Shape;
import io.github.autograd4j.Tensor;
import java.util.Arrays;
import java.util.Objects;

/**
 * Batch and group normalisation as PyTorch's {@code F.batch_norm} and {@code F.group_norm}. Both
 * rest on one fused operation, {@link #normalize}: {@code (x - mean) / sqrt(var + eps)} over some
 * dims with the population variance, computed in one pass per slice (in double precision, rounded
 * once for float32), with the analytic gradient
 * {@code (g - mean(g) - out * mean(g * out)) / sqrt(var + eps)} written with tensor operations, so
 * that it can be differentiated again. The optional per-channel scale and shift are ordinary
 * broadcast products and sums.
 */
public final class NormOps {

    private NormOps() {
    }

    /**
     * Batch normalisation, as PyTorch's {@code F.batch_norm(input, running_mean, running_var,
     * weight, bias, training, momentum, eps)}, over an input {@code (N, C, ...)}: in training, each
     * channel is normalised with its batch mean and (biased) variance over every dim but 1, and the
     * running statistics (when given, each {@code (C,)}) are updated in place, recording nothing:
     * {@code running = (1 - momentum) running + momentum stat}, with the unbiased variance. In
     * evaluation the running statistics normalise instead. The result is then scaled by
     * {@code weight} and shifted by {@code bias} ({@code (C,)} each, null for none). Gradients: in
     * training the normalisation's {@code (g - mean(g) - xhat mean(g xhat)) / sqrt(var + eps)} to
     * the input (through the scale), in evaluation {@code g w / sqrt(running_var + eps)}; to the
     * weight {@code g xhat} and to the bias {@code g}, summed over all but the channel dim; none to
     * the running statistics.
     *
     * @throws IllegalArgumentException when the input has fewer than 2 dims, a statistic, weight or
     *                                  bias is not {@code (C,)}, one running statistic comes without
     *                                  the other, training sees one value per channel, or evaluation
     *                                  has no running statistics
     */
    public static Tensor batchNorm(Tensor input, Tensor runningMean, Tensor runningVar, Tensor weight, Tensor bias,
                                   boolean training, double momentum, double eps) {
        String op = "batchNorm";
        Objects.requireNonNull(input, op + ": input is null");
        if (input.dim() < 2) {
            throw new IllegalArgumentException(op + ": expected input of shape (N, C, ...) with at least 2 dims, got " + input.shape());
        }
        int channels = input.size(1);
        requirePerChannel(op, "running mean", runningMean, input, channels);
        requirePerChannel(op, "running variance", runningVar, input, channels);
        requirePerChannel(op, "weight", weight, input, channels);
        requirePerChannel(op, "bias", bias, input, channels);
        if (runningMean == null || runningVar == null) {
            String got = runningMean != null ? "a running mean but no running variance"
                    : runningVar != null ? "a running variance but no running mean" : training ? null
                    : "no running statistics in evaluation (training false), which normalises with them";
            if (got != null) {
                throw new IllegalArgumentException(op + ": got " + got + "; give the running mean and variance both,"
                        + " or (in training only) neither");
            }
        }
        if (!training) {
            Tensor scale = runningVar.add(eps).rsqrt();
            return affine(input.sub(perChannel(runningMean, input)).mul(perChannel(scale, input)), weight, bias);
        }
        int perChannel = input.numel() / Math.max(1, channels);
        if (perChannel <= 1) {
            throw new IllegalArgumentException(op + ": expected more than 1 value per channel when training, got input of shape "
                    + input.shape() + " (the variance of one value is undefined)");
        }
        int[] dims = allBut1(input.dim());
        Normalized n = normalize(op, input, dims, eps);
        if (runningMean != null) {
            double unbiased = perChannel / (perChannel - 1.0);
            double[] mean = runningMean.toArray();
            double[] var = runningVar.toArray();
            for (int c = 0; c < channels; c++) {
                mean[c] = (1 - momentum) * mean[c] + momentum * n.mean[c];
                var[c] = (1 - momentum) * var[c] + momentum * n.var[c] * unbiased;
            }
            try (var off = Grad.disabled()) {
                runningMean.copyFrom(Tensor.of(mean, channels));
                runningVar.copyFrom(Tensor.of(var, channels));
            }
        }
        return affine(n.out, weight, bias);
    }

    /**
     * Group normalisation, as PyTorch's {@code F.group_norm(input, groups, weight, bias, eps)}: the
     * channels of an input {@code (N, C, ...)} are split into {@code groups} groups, and each
     * sample's group is normalised with its own mean and (biased) variance, then scaled by
     * {@code weight} and shifted by {@code bias} ({@code (C,)} each, null for none). Gradients: the
     * normalisation's {@code (g - mean(g) - xhat mean(g xhat)) / sqrt(var + eps)} over each group to
     * the input (through the scale); {@code g xhat} to the weight and {@code g} to the bias, summed
     * over all but the channel dim.
     *
     * @throws IllegalArgumentException when the input has fewer than 2 dims, the groups do not divide
     *                                  the channels, or the weight or bias is not {@code (C,)}
     */
    public static Tensor groupNorm(Tensor input, int groups, Tensor weight, Tensor bias, double eps) {
        String op = "groupNorm";
        Objects.requireNonNull(input, op + ": input is null");
        if (input.dim() < 2) {
            throw new IllegalArgumentException(op + ": expected input of shape (N, C, ...) with at least 2 dims, got " + input.shape());
        }
        int channels = input.size(1);
        if (groups < 1 || channels % groups != 0) {
            throw new IllegalArgumentException(op + ": " + groups + " groups do not divide the " + channels
                    + " channels of input of shape " + input.shape());
        }
        requirePerChannel(op, "weight", weight, input, channels);
        requirePerChannel(op, "bias", bias, input, channels);
        Tensor grouped = input.reshape(input.size(0), groups, input.numel() / Math.max(1, input.size(0) * groups));
        Tensor normalized = normalize(op, grouped, new int[] {2}, eps).out.reshape(input.shape().toArray());
        return affine(normalized, weight, bias);
    }

    // ------------------------------------------------------------------ the fused normalisation

    /** The normalised input and, per slice, the mean and the biased variance it was normalised with. */
    record Normalized(Tensor out, double[] mean, double[] var) {
    }

    /**
     * {@code (x - mean) / sqrt(var + eps)} over {@code dims}, with the biased variance, named
     * {@code op}: the one normalisation of batch, group and layer norm. Gradient:
     * {@code (g - mean(g) - out mean(g out)) / sqrt(var + eps)}, means over {@code dims}: in one
     * fused pass when the backward pass records nothing, else with tensor operations (the variance
     * recomputed from {@code x}) so that it can be differentiated again.
     *
     * @param dims a leading and a trailing run of {@code x}'s dims (either may be empty), as all
     *             three norms reduce: then each slice is a few equally spaced runs of the storage,
     *             read in place instead of permuted together and back
     */
    static Normalized normalize(String op, Tensor x, int[] dims, double eps) {
        ReduceOps.Reduction.of(op, x, dims, true); // checks the dims
        Slices slices = Slices.of(op, x.shape(), dims);
        double[] in = x.doubles();
        int count = slices.count();
        double[] mean = new double[slices.slices];
        double[] var = new double[slices.slices];
        double[] invStd = new double[slices.slices];
        double[] out = new double[in.length];
        for (int s = 0; s < slices.slices; s++) {
            double sum = 0.0;
            for (int a = 0; a < slices.outer; a++) {
                for (int i = slices.from(a, s), end = i + slices.inner; i < end; i++) {
                    sum += in[i];
                }
            }
            double mu = sum / count;
            double squares = 0.0;
            for (int a = 0; a < slices.outer; a++) {
                for (int i = slices.from(a, s), end = i + slices.inner; i < end; i++) {
                    squares += (in[i] - mu) * (in[i] - mu);
                }
            }
            invStd[s] = 1.0 / Math.sqrt(squares / count + eps);
            for (int a = 0; a < slices.outer; a++) {
                for (int i = slices.from(a, s), end = i + slices.inner; i < end; i++) {
                    out[i] = (in[i] - mu) * invStd[s];
                }
            }
            mean[s] = mu;
            var[s] = squares / count;
        }
        Tensor y = Tensor.fromOp(op, x.shape(), out, (g, o) -> {
            if (!Grad.isEnabled()) {
                return new Tensor[] {fusedGradient(slices, g, o, invStd, x)};
            }
            Tensor recomputed = x.var(dims, 0, true).add(eps).rsqrt();
            return new Tensor[] {g.sub(g.mean(dims, true)).sub(o.mul(g.mul(o).mean(dims, true))).mul(recomputed)};
        }, x);
        return new Normalized(y, mean, var);
    }

    /** The normalisation's gradient in one pass over each slice, as a constant of {@code x}'s type. */
    private static Tensor fusedGradient(Slices slices, Tensor g, Tensor out, double[] invStd, Tensor x) {
        double[] up = g.doubles();
        double[] xhat = out.doubles();
        double[] gx = new double[up.length];
        int count = slices.count();
        for (int s = 0; s < invStd.length; s++) {
            double meanG = 0.0;
            double meanGXhat = 0.0;
            for (int a = 0; a < slices.outer; a++) {
                for (int i = slices.from(a, s), end = i + slices.inner; i < end; i++) {
                    meanG += up[i];
                    meanGXhat += up[i] * xhat[i];
                }
            }
            meanG /= count;
            meanGXhat /= count;
            for (int a = 0; a < slices.outer; a++) {
                for (int i = slices.from(a, s), end = i + slices.inner; i < end; i++) {
                    gx[i] = (up[i] - meanG - xhat[i] * meanGXhat) * invStd[s];
                }
            }
        }
        Tensor t = Tensor.of(gx, x.shape().toArray());
        return x.dtype() == DType.FLOAT64 ? t : t.to(x.dtype());
    }

    /**
     * A tensor's row-major storage seen as {@code (outer, slices, inner)}: the reduced dims are a
     * leading run (their sizes multiply to {@code outer}) and a trailing run ({@code inner}), the
     * kept dims between them ({@code slices}). Slice {@code s} is {@code outer} runs of
     * {@code inner} elements, one every {@code slices * inner}: batch norm's channel over (N, H, W)
     * is N runs of H W; layer and group norm's slices are one run each.
     */
    record Slices(int outer, int slices, int inner) {

        static Slices of(String op, Shape shape, int[] dims) {
            int rank = shape.rank();
            boolean[] reduced = new boolean[rank];
            for (int d : dims) {
                reduced[d] = true;
            }
            int first = 0;
            while (first < rank && reduced[first]) {
                first++;
            }
            int last = rank;
            while (last > first && reduced[last - 1]) {
                last--;
            }
            for (int d = first; d < last; d++) {
                if (reduced[d]) {
                    throw new IllegalArgumentException(op + ": expected the normalised dims " + Arrays.toString(dims)
                            + " of input " + shape + " to be a leading and a trailing run");
                }
            }
            if (first == rank) { // every dim: one slice, one run
                return new Slices(1, 1, shape.numel());
            }
            return new Slices(product(shape, 0, first), product(shape, first, last), product(shape, last, rank));
        }

        private static int product(Shape shape, int from, int to) {
            int p = 1;
            for (int d = from; d < to; d++) {
                p *= shape.size(d);
            }
            return p;
        }

        /** Elements per slice. */
        int count() {
            return outer * inner;
        }

        /** Where run {@code a} of slice {@code s} starts. */
        int from(int a, int s) {
            return (a * slices + s) * inner;
        }
    }

    // ------------------------------------------------------------------ helpers

    /** {@code x * weight + bias} per channel (dim 1), either left out when null. */
    private static Tensor affine(Tensor x, Tensor weight, Tensor bias) {
        Tensor scaled = weight == null ? x : x.mul(perChannel(weight, x));
        return bias == null ? scaled : scaled.add(perChannel(bias, x));
    }

    /** {@code v} {@code (C,)} shaped to broadcast along dim 1 of {@code x}: {@code (C, 1, ..., 1)}. */
    private static Tensor perChannel(Tensor v, Tensor x) {
        int[] shape = new int[x.dim() - 1];
        Arrays.fill(shape, 1);
        shape[0] = v.size(0);
        return v.reshape(shape);
    }

    /** Every dim but the channel dim 1 of a tensor of {@code rank} dims. */
    private static int[] allBut1(int rank) {
        int[] dims = new int[rank - 1];
        dims[0] = 0;
        for (int d = 2; d < rank; d++) {
            dims[d - 1] = d;
        }
        return dims;
    }

    private static void requirePerChannel(String op, String name, Tensor t, Tensor input, int channels) {
        if (t != null && !t.shape().equals(Shape.of(channels))) {
            throw new IllegalArgumentException(op + ": expected " + name + " of shape " + Shape.of(channels)
                    + " (one per channel of input " + input.shape() + "), got " + t.shape());
        }
    }
}
