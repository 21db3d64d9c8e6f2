package io.github.autograd4j.ops;

import java.util.Arrays;

/**
 * Which input positions each output position of a 2-d pooling reads, in one channel plane: for
 * output position {@code o} ({@code oh * outW + ow}), the entries {@code starts[o]} to
 * {@code starts[o + 1] - 1} hold the input positions ({@code h * inW + w}) inside the input, in
 * row-major window order (as PyTorch visits them, which decides ties), and the divisor of the
 * window's average.
 *
 * @param inPositions  input positions per plane, {@code inH * inW}
 * @param outH         output rows
 * @param outW         output columns
 * @param starts       where each output position's entries start, {@code outH * outW + 1} of them
 * @param positions    the input positions of the entries
 * @param divisors     what each output position's sum is divided by in an average
 */
record PoolWindows(int inPositions, int outH, int outW, int[] starts, int[] positions, double[] divisors) {

    /**
     * The windows of a sliding pooling, as PyTorch's: output row {@code oh} reads rows
     * {@code oh * stride - padding + i * dilation}, {@code i < kernel}, that fall inside the input.
     * An average divides by the window's size clipped to the padded input when padding counts,
     * else by the number of entries.
     */
    static PoolWindows sliding(int[] in, int[] kernel, int[] stride, int[] padding, int[] dilation, int[] out,
                               boolean countPadding) {
        int outPositions = out[0] * out[1];
        int[] starts = new int[outPositions + 1];
        int[] positions = new int[outPositions * kernel[0] * kernel[1]];
        double[] divisors = new double[outPositions];
        int e = 0;
        for (int oh = 0; oh < out[0]; oh++) {
            for (int ow = 0; ow < out[1]; ow++) {
                int first = e;
                int h0 = oh * stride[0] - padding[0];
                int w0 = ow * stride[1] - padding[1];
                for (int i = 0; i < kernel[0]; i++) {
                    for (int j = 0; j < kernel[1]; j++) {
                        int h = h0 + i * dilation[0];
                        int w = w0 + j * dilation[1];
                        if (h >= 0 && h < in[0] && w >= 0 && w < in[1]) {
                            positions[e++] = h * in[1] + w;
                        }
                    }
                }
                int padded = (Math.min(h0 + kernel[0], in[0] + padding[0]) - h0) * (Math.min(w0 + kernel[1], in[1] + padding[1]) - w0);
                divisors[oh * out[1] + ow] = countPadding ? padded : e - first;
                starts[oh * out[1] + ow + 1] = e;
            }
        }
        return new PoolWindows(in[0] * in[1], out[0], out[1], starts, Arrays.copyOf(positions, e), divisors);
    }

    /**
     * The windows of an adaptive average pooling, as PyTorch's: output row {@code oh} of
     * {@code outH} averages input rows {@code floor(oh * inH / outH)} to
     * {@code ceil((oh + 1) * inH / outH) - 1} (likewise columns), windows that overlap when the
     * sizes do not divide.
     */
    static PoolWindows adaptive(int[] in, int[] out) {
        int outPositions = out[0] * out[1];
        int[] starts = new int[outPositions + 1];
        int[] rows = new int[2 * out[0]];
        int[] cols = new int[2 * out[1]];
        int total = 0;
        for (int oh = 0; oh < out[0]; oh++) {
            rows[2 * oh] = Math.floorDiv(oh * in[0], out[0]);
            rows[2 * oh + 1] = Math.floorDiv((oh + 1) * in[0] + out[0] - 1, out[0]);
        }
        for (int ow = 0; ow < out[1]; ow++) {
            cols[2 * ow] = Math.floorDiv(ow * in[1], out[1]);
            cols[2 * ow + 1] = Math.floorDiv((ow + 1) * in[1] + out[1] - 1, out[1]);
        }
        for (int oh = 0; oh < out[0]; oh++) {
            for (int ow = 0; ow < out[1]; ow++) {
                total += (rows[2 * oh + 1] - rows[2 * oh]) * (cols[2 * ow + 1] - cols[2 * ow]);
            }
        }
        int[] positions = new int[total];
        double[] divisors = new double[outPositions];
        int e = 0;
        for (int oh = 0; oh < out[0]; oh++) {
            for (int ow = 0; ow < out[1]; ow++) {
                int first = e;
                for (int h = rows[2 * oh]; h < rows[2 * oh + 1]; h++) {
                    for (int w = cols[2 * ow]; w < cols[2 * ow + 1]; w++) {
                        positions[e++] = h * in[1] + w;
                    }
                }
                divisors[oh * out[1] + ow] = e - first;
                starts[oh * out[1] + ow + 1] = e;
            }
        }
        return new PoolWindows(in[0] * in[1], out[0], out[1], starts, positions, divisors);
    }

    /** Output positions per plane. */
    int outPositions() {
        return outH * outW;
    }

    /**
     * For each output element of {@code planes} planes, the offset in {@code x}'s storage of its
     * window's maximum, as PyTorch picks it: the first of equal maxima, the last NaN.
     */
    int[] argmax(double[] x, int planes) {
        int outPositions = outPositions();
        int[] offsets = new int[planes * outPositions];
        for (int plane = 0; plane < planes; plane++) {
            int base = plane * inPositions;
            for (int o = 0; o < outPositions; o++) {
                int best = base + positions[starts[o]];
                for (int e = starts[o] + 1; e < starts[o + 1]; e++) {
                    int at = base + positions[e];
                    if (x[at] > x[best] || Double.isNaN(x[at])) {
                        best = at;
                    }
                }
                offsets[plane * outPositions + o] = best;
            }
        }
        return offsets;
    }

    /** The average over each window of {@code planes} planes of {@code x}: the sum over its entries, divided by its divisor. */
    double[] average(double[] x, int planes) {
        int outPositions = outPositions();
        double[] y = new double[planes * outPositions];
        for (int plane = 0; plane < planes; plane++) {
            int base = plane * inPositions;
            for (int o = 0; o < outPositions; o++) {
                double sum = 0.0;
                for (int e = starts[o]; e < starts[o + 1]; e++) {
                    sum += x[base + positions[e]];
                }
                y[plane * outPositions + o] = sum / divisors[o];
            }
        }
        return y;
    }

    /** The transpose of {@link #average}: each output's {@code g}, divided by its divisor, added to its window's entries. */
    double[] spread(double[] g, int planes) {
        int outPositions = outPositions();
        double[] x = new double[planes * inPositions];
        for (int plane = 0; plane < planes; plane++) {
            int base = plane * inPositions;
            for (int o = 0; o < outPositions; o++) {
                double v = g[plane * outPositions + o] / divisors[o];
                for (int e = starts[o]; e < starts[o + 1]; e++) {
                    x[base + positions[e]] += v;
                }
            }
        }
        return x;
    }
}
