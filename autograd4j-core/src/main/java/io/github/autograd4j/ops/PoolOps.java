package io.github.autograd4j.ops;

import static io.github.autograd4j.BackwardRule.gradientOnly;

import io.github.autograd4j.Shape;
import io.github.autograd4j.Tensor;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * 2-d pooling as PyTorch's {@code F.max_pool2d}, {@code F.avg_pool2d} and
 * {@code F.adaptive_avg_pool2d}, on inputs {@code (N, C, H, W)} or {@code (C, H, W)}: the same
 * output sizes (floor or ceil mode, a last window that starts in the right padding dropped),
 * divisors and tie-breaking. Each output reads a window of input positions ({@link PoolWindows});
 * max pooling picks one element per window with the gather that {@code gather} uses (its backward
 * puts the gradient back at the picked element, and that one's backward picks again), the averages
 * are a linear map and its transpose, each the other's backward, so gradients of any order work.
 */
public final class PoolOps {

    private PoolOps() {
    }

    /**
     * The maximum over each window, as PyTorch's {@code F.max_pool2d(x, kernel, stride, padding,
     * dilation, ceil_mode)}: windows of {@code kernel} taps {@code dilation} apart, {@code stride}
     * apart, over the input padded with {@code padding} elements that are never picked (at most
     * half the kernel). Ties go to the first element in row-major window order, a NaN wins.
     * Output size {@code (H + 2 padding - dilation (kernel - 1) - 1) / stride + 1}, rounded up in
     * ceil mode (dropping a last window that would start in the padding). Gradient: {@code g} to the
     * picked element of each window, added where windows overlap.
     *
     * @throws IllegalArgumentException when a setting is out of range, the padding is more than half
     *                                  the kernel, or the output would be empty
     */
    public static Tensor maxPool2d(Tensor x, int[] kernel, int[] stride, int[] padding, int[] dilation, boolean ceilMode) {
        String op = "maxPool2d";
        Objects.requireNonNull(x, op + ": input is null");
        Objects.requireNonNull(kernel, op + ": kernel size is null");
        Objects.requireNonNull(stride, op + ": stride is null");
        Objects.requireNonNull(padding, op + ": padding is null");
        Objects.requireNonNull(dilation, op + ": dilation is null");
        int[] d = Spatial.settings(op, "dilation", dilation, 2, 1);
        Sliding s = Sliding.of(op, x, kernel, stride, padding, d, ceilMode);
        PoolWindows windows = PoolWindows.sliding(s.in, s.kernel, s.stride, s.padding, d, s.out, true);
        int[] offsets = windows.argmax(s.batched.doubles(), s.planes());
        return Spatial.unbatched(x, 2, IndexOps.gatherAt(op, s.batched, offsets, s.outShape()));
    }

    /**
     * The mean over each window, as PyTorch's {@code F.avg_pool2d(x, kernel, stride, padding,
     * ceil_mode, count_include_pad)}: windows as {@link #maxPool2d} without dilation; each sum is
     * divided by the window's size clipped to the padded input when {@code countIncludePad}, else by
     * the number of input elements in it. Gradient: {@code g} divided by each window's divisor,
     * added to the window's elements.
     *
     * @throws IllegalArgumentException when a setting is out of range, the padding is more than half
     *                                  the kernel, or the output would be empty
     */
    public static Tensor avgPool2d(Tensor x, int[] kernel, int[] stride, int[] padding, boolean ceilMode,
                                   boolean countIncludePad) {
        String op = "avgPool2d";
        Objects.requireNonNull(x, op + ": input is null");
        Objects.requireNonNull(kernel, op + ": kernel size is null");
        Objects.requireNonNull(stride, op + ": stride is null");
        Objects.requireNonNull(padding, op + ": padding is null");
        int[] d = {1, 1};
        Sliding s = Sliding.of(op, x, kernel, stride, padding, d, ceilMode);
        PoolWindows windows = PoolWindows.sliding(s.in, s.kernel, s.stride, s.padding, d, s.out, countIncludePad);
        return Spatial.unbatched(x, 2, average(op, s.batched, windows, s.outShape()));
    }

    /**
     * The mean over windows that tile the input into {@code outputSize} cells, as PyTorch's
     * {@code F.adaptive_avg_pool2d}: output row {@code i} of {@code Hout} averages input rows
     * {@code floor(i H / Hout)} to {@code ceil((i + 1) H / Hout) - 1}, likewise columns (cells
     * overlap when the sizes do not divide). Gradient: {@code g} divided by each cell's size, added
     * to the cell's elements.
     *
     * @throws IllegalArgumentException when an output size is below 1 or the input has an empty
     *                                  spatial dim
     */
    public static Tensor adaptiveAvgPool2d(Tensor x, int[] outputSize) {
        String op = "adaptiveAvgPool2d";
        Objects.requireNonNull(x, op + ": input is null");
        int[] out = Spatial.settings(op, "output size", outputSize, 2, 1);
        Tensor batched = Spatial.batched(op, x, 2);
        int[] in = Spatial.sizes(batched, 2);
        if (in[0] < 1 || in[1] < 1) {
            throw new IllegalArgumentException(op + ": input of shape " + x.shape()
                    + " has an empty spatial dim; expected at least one row and one column");
        }
        Shape shape = Shape.ofResult(op, List.of(x.shape()), batched.size(0), batched.size(1), out[0], out[1]);
        return Spatial.unbatched(x, 2, average(op, batched, PoolWindows.adaptive(in, out), shape));
    }

    /** The settings and output size of a sliding pooling of {@code batched}, checked. */
    private record Sliding(Tensor batched, int[] in, int[] kernel, int[] stride, int[] padding, int[] out) {

        static Sliding of(String op, Tensor x, int[] kernel, int[] stride, int[] padding, int[] dilation, boolean ceilMode) {
            int[] k = Spatial.settings(op, "kernel size", kernel, 2, 1);
            int[] s = Spatial.settings(op, "stride", stride, 2, 1);
            int[] p = Spatial.settings(op, "padding", padding, 2, 0);
            Tensor batched = Spatial.batched(op, x, 2);
            if (p[0] > k[0] / 2 || p[1] > k[1] / 2) {
                throw new IllegalArgumentException(op + ": padding " + Arrays.toString(p) + " must be at most half the kernel size "
                        + Arrays.toString(k) + " in each dim");
            }
            int[] in = Spatial.sizes(batched, 2);
            int[] out = new int[2];
            for (int i = 0; i < 2; i++) {
                long span = in[i] + 2L * p[i] - (long) dilation[i] * (k[i] - 1) - 1 + (ceilMode ? s[i] - 1 : 0);
                long size = Math.floorDiv(span, s[i]) + 1;
                if (ceilMode && (size - 1) * s[i] >= in[i] + p[i]) {
                    size--; // the last window would start in the right padding
                }
                out[i] = (int) Math.max(0, size);
            }
            if (out[0] < 1 || out[1] < 1) {
                throw new IllegalArgumentException(op + ": input of shape " + x.shape() + " is smaller than the kernel "
                        + Arrays.toString(k) + (dilation[0] == 1 && dilation[1] == 1 ? "" : " with dilation " + Arrays.toString(dilation))
                        + " with padding " + Arrays.toString(p) + "; the output would be empty");
            }
            Shape.ofResult(op, List.of(x.shape()), batched.size(0), batched.size(1), out[0], out[1]);
            return new Sliding(batched, in, k, s, p, out);
        }

        /** The channel planes: the batch times the channels. */
        int planes() {
            return batched.size(0) * batched.size(1);
        }

        Shape outShape() {
            return Shape.of(batched.size(0), batched.size(1), out[0], out[1]);
        }
    }

    // ------------------------------------------------------------------ average / spread: each other's backward

    /** The window averages of {@code x} {@code (N, C, H, W)}, of {@code outShape}. Backward: {@link #spread}. */
    private static Tensor average(String op, Tensor x, PoolWindows windows, Shape outShape) {
        int planes = x.size(0) * x.size(1);
        Shape in = x.shape();
        return Tensor.fromOp(op, outShape, windows.average(x.doubles(), planes),
                gradientOnly((g, out) -> new Tensor[] {spread(op, g, windows, in)}), x);
    }

    /** Each of {@code g}'s elements divided over its window, in zeros of {@code inShape}. Backward: {@link #average}. */
    private static Tensor spread(String op, Tensor g, PoolWindows windows, Shape inShape) {
        int planes = g.size(0) * g.size(1);
        Shape out = g.shape();
        return Tensor.fromOp(op + "Backward", inShape, windows.spread(g.doubles(), planes),
                gradientOnly((gg, o) -> new Tensor[] {average(op, gg, windows, out)}), g);
    }
}
