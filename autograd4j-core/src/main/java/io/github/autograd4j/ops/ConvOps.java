package io.github.autograd4j.ops;

import io.github.autograd4j.BackwardRule;
import io.github.autograd4j.DType;
import io.github.autograd4j.Shape;
import io.github.autograd4j.Tensor;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Convolutions as PyTorch's {@code F.conv1d}, {@code F.conv2d} and {@code F.conv_transpose2d}:
 * same shapes, padding (zeros, or {@code "same"} with the extra element on the far side), stride,
 * dilation, groups and output padding. Each is a product on the GEMM kernel in the operands' own
 * type ({@link ConvLoops}: im2col, one product per group and chunk of samples, col2im).
 *
 * <p>Three operations carry every rule, and each one's gradients are the other two, so gradients
 * of any order work: the convolution {@code conv(x, w)}, its gradient with respect to the input
 * (the transposed convolution {@code convT(dy, w)}, which is also {@code convTranspose2d}'s
 * forward) and its gradient with respect to the weight {@code convW(x, dy)}; all three are linear
 * in each operand. A 1-d convolution is a 2-d one of height 1; an input without the batch dim is a
 * batch of one. Every check runs before any node is made.
 */
public final class ConvOps {

    private ConvOps() {
    }

    /**
     * The 1-d convolution (cross-correlation, as PyTorch's) of {@code input} {@code (N, C, L)} or
     * {@code (C, L)} with {@code weight} {@code (O, C / groups, K)}, plus {@code bias} {@code (O,)}
     * (null for none): {@code (N, O, Lout)}, {@code Lout = (L + 2 padding - dilation (K - 1) - 1) / stride + 1}.
     * Gradients: to the input the transposed convolution of {@code g} with the weight, to the weight
     * the convolution of the input with {@code g}, to the bias {@code g} summed over all but the
     * channel dim.
     *
     * @throws IllegalArgumentException when the shapes do not fit, a setting is out of range or the
     *                                  padded input is shorter than the kernel's span
     */
    public static Tensor conv1d(Tensor input, Tensor weight, Tensor bias, int stride, int padding, int dilation, int groups) {
        return conv("conv1d", 1, input, weight, bias, new int[] {stride}, Padding.of(new int[] {padding}), new int[] {dilation}, groups);
    }

    /**
     * {@link #conv1d(Tensor, Tensor, Tensor, int, int, int, int)} with PyTorch's padding by name:
     * {@code "valid"} (none) or {@code "same"} (the output as long as the input, stride 1 only;
     * {@code dilation (K - 1)} zeros in all, the odd one on the right). Gradients: as for the
     * numeric padding, the transposed convolution to the input, the convolution of the input with
     * {@code g} to the weight, {@code g} summed to the bias.
     *
     * @throws IllegalArgumentException when the padding is neither, or "same" is asked with a stride
     */
    public static Tensor conv1d(Tensor input, Tensor weight, Tensor bias, int stride, String padding, int dilation, int groups) {
        Objects.requireNonNull(padding, "conv1d: padding is null");
        return conv("conv1d", 1, input, weight, bias, new int[] {stride}, Padding.named(padding), new int[] {dilation}, groups);
    }

    /**
     * The 2-d convolution (cross-correlation, as PyTorch's) of {@code input} {@code (N, C, H, W)} or
     * {@code (C, H, W)} with {@code weight} {@code (O, C / groups, kH, kW)}, plus {@code bias}
     * {@code (O,)} (null for none): {@code (N, O, Hout, Wout)} with
     * {@code Hout = (H + 2 padding[0] - dilation[0] (kH - 1) - 1) / stride[0] + 1}, likewise
     * {@code Wout}. Each of {@code stride}, {@code padding} and {@code dilation} holds one value per
     * spatial dim, or one for both. Gradients: to the input the transposed convolution of {@code g}
     * with the weight, to the weight the convolution of the input with {@code g}, to the bias
     * {@code g} summed over all but the channel dim.
     *
     * @throws IllegalArgumentException when the shapes do not fit, a setting is out of range or the
     *                                  padded input is smaller than the kernel's span
     */
    public static Tensor conv2d(Tensor input, Tensor weight, Tensor bias, int[] stride, int[] padding, int[] dilation, int groups) {
        return conv("conv2d", 2, input, weight, bias, stride, Padding.of(padding), dilation, groups);
    }

    /**
     * {@link #conv2d(Tensor, Tensor, Tensor, int[], int[], int[], int)} with PyTorch's padding by
     * name: {@code "valid"} (none) or {@code "same"} (the output the size of the input, stride 1
     * only; {@code dilation (k - 1)} zeros in all per dim, the odd one at the bottom or right).
     * Gradients: as for the numeric padding, the transposed convolution to the input, the
     * convolution of the input with {@code g} to the weight, {@code g} summed to the bias.
     *
     * @throws IllegalArgumentException when the padding is neither, or "same" is asked with a stride
     */
    public static Tensor conv2d(Tensor input, Tensor weight, Tensor bias, int[] stride, String padding, int[] dilation, int groups) {
        Objects.requireNonNull(padding, "conv2d: padding is null");
        return conv("conv2d", 2, input, weight, bias, stride, Padding.named(padding), dilation, groups);
    }

    /**
     * The 2-d transposed convolution, as PyTorch's {@code F.conv_transpose2d}: the gradient of a
     * convolution with respect to its input, of {@code input} {@code (N, Cin, H, W)} or
     * {@code (Cin, H, W)} with {@code weight} {@code (Cin, Cout / groups, kH, kW)}, plus {@code bias}
     * {@code (Cout,)} (null for none): {@code (N, Cout, Hout, Wout)} with
     * {@code Hout = (H - 1) stride[0] - 2 padding[0] + dilation[0] (kH - 1) + outputPadding[0] + 1},
     * likewise {@code Wout}. Gradients: to the input the convolution of {@code g} with the weight,
     * to the weight the weight gradient of that convolution, to the bias {@code g} summed over all
     * but the channel dim.
     *
     * @throws IllegalArgumentException when the shapes do not fit, a setting is out of range, the
     *                                  output padding is not smaller than the stride or the dilation,
     *                                  or the output would be empty
     */
    public static Tensor convTranspose2d(Tensor input, Tensor weight, Tensor bias, int[] stride, int[] padding,
                                         int[] outputPadding, int groups, int[] dilation) {
        String op = "convTranspose2d";
        requireOperands(op, input, weight, stride, padding, dilation);
        Objects.requireNonNull(outputPadding, op + ": output padding is null");
        int[] s = Spatial.settings(op, "stride", stride, 2, 1);
        int[] p = Spatial.settings(op, "padding", padding, 2, 0);
        int[] d = Spatial.settings(op, "dilation", dilation, 2, 1);
        int[] extra = Spatial.settings(op, "output padding", outputPadding, 2, 0);
        Tensor x = Spatial.batched(op, input, 2);
        requireWeight(op, weight, 2, "(in_channels, out_channels / groups, kH, kW)");
        requireGroups(op, weight, groups);
        int inChannels = weight.size(0);
        int outChannels = weight.size(1) * groups;
        requireInputChannels(op, input, x.size(1), weight, groups, inChannels);
        requireBias(op, bias, outChannels);
        int[] size = new int[2];
        for (int k = 0; k < 2; k++) {
            if (extra[k] >= s[k] && extra[k] >= d[k]) {
                throw new IllegalArgumentException(op + ": output padding " + Arrays.toString(extra)
                        + " must be smaller than the stride " + Arrays.toString(s) + " or the dilation " + Arrays.toString(d)
                        + " in each dim");
            }
            int in = x.size(2 + k);
            size[k] = (in - 1) * s[k] - 2 * p[k] + d[k] * (weight.size(2 + k) - 1) + extra[k] + 1;
        }
        if (size[0] < 1 || size[1] < 1) {
            throw new IllegalArgumentException(op + ": input of shape " + input.shape() + " with stride " + Arrays.toString(s)
                    + ", padding " + Arrays.toString(p) + ", dilation " + Arrays.toString(d) + " and output padding "
                    + Arrays.toString(extra) + " gives an empty output of size (" + size[0] + ", " + size[1] + ")");
        }
        Shape.ofResult(op, List.of(input.shape(), weight.shape()), x.size(0), outChannels, size[0], size[1]);
        ConvGeometry geo = new ConvGeometry(op, groups, outChannels, inChannels, size[0], size[1], weight.size(2), weight.size(3),
                s[0], s[1], p[0], p[1], d[0], d[1], x.size(2), x.size(3));
        DType type = Tensor.resultType(input, weight, bias);
        Tensor y = inputGradient(op, x.to(type), weight.to(type), geo);
        return Spatial.unbatched(input, 2, withBias(y, bias));
    }

    // ------------------------------------------------------------------ the checks and the geometry of conv1d and conv2d

    /** conv1d and conv2d, with {@code dims} spatial dims: checks, then the 2-d convolution of height 1 for conv1d. */
    private static Tensor conv(String op, int dims, Tensor input, Tensor weight, Tensor bias, int[] stride, Padding padding,
                               int[] dilation, int groups) {
        requireOperands(op, input, weight, stride, padding.sizes, dilation);
        int[] s = Spatial.settings(op, "stride", stride, dims, 1);
        int[] d = Spatial.settings(op, "dilation", dilation, dims, 1);
        Tensor x = Spatial.batched(op, input, dims);
        requireWeight(op, weight, dims, dims == 1 ? "(out_channels, in_channels / groups, kernel_size)"
                : "(out_channels, in_channels / groups, kH, kW)");
        requireGroups(op, weight, groups);
        int outChannels = weight.size(0);
        int inChannels = weight.size(1) * groups;
        requireInputChannels(op, input, x.size(1), weight, groups, inChannels);
        requireBias(op, bias, outChannels);
        int[] in = Spatial.sizes(x, dims);
        int[] kernel = Spatial.sizes(weight, dims);
        int[] before = padding.before(op, s, d, kernel);
        int[] out = new int[dims];
        boolean empty = false;
        for (int k = 0; k < dims; k++) {
            int span = d[k] * (kernel[k] - 1) + 1;
            empty |= padding.same() ? in[k] < 1 : in[k] + 2 * before[k] < span;
            out[k] = padding.same() ? in[k] : empty ? 0 : (in[k] + 2 * before[k] - span) / s[k] + 1;
        }
        if (empty) {
            throw new IllegalArgumentException(op + ": the kernel " + Shape.of(kernel) + " with dilation " + Arrays.toString(d)
                    + " spans more than the input " + Shape.of(in) + " with padding " + Arrays.toString(before)
                    + " holds; the output would be empty");
        }
        Shape.ofResult(op, List.of(input.shape(), weight.shape()), x.size(0), outChannels, dims == 1 ? 1 : out[0], out[dims - 1]);
        int[] s2 = twoDims(s, 1);
        int[] d2 = twoDims(d, 1);
        int[] p2 = twoDims(before, 0);
        int[] in2 = twoDims(in, 1);
        int[] k2 = twoDims(kernel, 1);
        int[] out2 = twoDims(out, 1);
        ConvGeometry geo = new ConvGeometry(op, groups, inChannels, outChannels, in2[0], in2[1], k2[0], k2[1],
                s2[0], s2[1], p2[0], p2[1], d2[0], d2[1], out2[0], out2[1]);
        DType type = Tensor.resultType(input, weight, bias);
        Tensor y = convolve(op, x.to(type).reshape(x.size(0), inChannels, in2[0], in2[1]),
                weight.to(type).reshape(geo.weightShape()), geo);
        Tensor shaped = dims == 1 ? y.reshape(x.size(0), outChannels, out[0]) : y;
        return Spatial.unbatched(input, dims, withBias(shaped, bias));
    }

    /** A padding given as sizes per dim, or by PyTorch's name ({@code same}: sizes follow from the kernel). */
    private record Padding(int[] sizes, String name) {

        static Padding of(int[] sizes) {
            return new Padding(sizes, null);
        }

        static Padding named(String name) {
            return new Padding(new int[] {0}, name);
        }

        boolean same() {
            return "same".equals(name);
        }

        /** The padding before the input in each dim (for "same", the smaller half; the output size says the rest). */
        int[] before(String op, int[] stride, int[] dilation, int[] kernel) {
            if (name == null) {
                return Spatial.settings(op, "padding", sizes, kernel.length, 0);
            }
            if (!name.equals("same") && !name.equals("valid")) {
                throw new IllegalArgumentException(op + ": padding must be 'same' or 'valid' (or sizes), got '" + name + "'");
            }
            int[] before = new int[kernel.length];
            if (!same()) {
                return before;
            }
            for (int s : stride) {
                if (s != 1) {
                    throw new IllegalArgumentException(op + ": padding 'same' needs stride 1 in each dim, got "
                            + Arrays.toString(stride) + " (as in PyTorch, a strided convolution has no 'same' padding)");
                }
            }
            for (int k = 0; k < kernel.length; k++) {
                before[k] = dilation[k] * (kernel[k] - 1) / 2;
            }
            return before;
        }
    }

    private static void requireOperands(String op, Tensor input, Tensor weight, int[] stride, int[] padding, int[] dilation) {
        Objects.requireNonNull(input, op + ": input is null");
        Objects.requireNonNull(weight, op + ": weight is null");
        Objects.requireNonNull(stride, op + ": stride is null");
        Objects.requireNonNull(padding, op + ": padding is null");
        Objects.requireNonNull(dilation, op + ": dilation is null");
    }

    /** {@code values} of one or two dims as two, the missing first one {@code fill} (a 1-d convolution is 2-d of height 1). */
    private static int[] twoDims(int[] values, int fill) {
        return values.length == 2 ? values : new int[] {fill, values[0]};
    }

    private static void requireWeight(String op, Tensor weight, int dims, String layout) {
        if (weight.dim() != dims + 2) {
            throw new IllegalArgumentException(op + ": expected weight of shape " + layout + ", got " + weight.shape());
        }
    }

    /** Checks {@code groups} against the weight's channels: at least 1, dividing its dim 0. */
    private static void requireGroups(String op, Tensor weight, int groups) {
        if (groups < 1 || weight.size(0) % groups != 0) {
            throw new IllegalArgumentException(op + ": groups must be >= 1 and divide the " + weight.size(0)
                    + " channels in dim 0 of the weight of shape " + weight.shape() + ", got " + groups);
        }
    }

    private static void requireInputChannels(String op, Tensor input, int channels, Tensor weight, int groups, int expected) {
        if (channels != expected) {
            throw new IllegalArgumentException(op + ": weight of shape " + weight.shape() + " with " + groups
                    + (groups == 1 ? " group" : " groups") + " expects input with " + expected + " channels, got input of shape "
                    + input.shape() + " with " + channels);
        }
    }

    private static void requireBias(String op, Tensor bias, int outChannels) {
        if (bias != null && !bias.shape().equals(Shape.of(outChannels))) {
            throw new IllegalArgumentException(op + ": expected bias of shape " + Shape.of(outChannels)
                    + " (one per output channel), got " + bias.shape());
        }
    }

    /** {@code y} {@code (N, O, ...)} plus {@code bias} {@code (O,)} along dim 1; {@code y} itself without a bias. */
    static Tensor withBias(Tensor y, Tensor bias) {
        if (bias == null) {
            return y;
        }
        int[] shape = new int[y.dim() - 1];
        Arrays.fill(shape, 1);
        shape[0] = bias.size(0);
        return y.add(bias.reshape(shape));
    }

    // ------------------------------------------------------------------ the three products, each the others' backward

    /** {@code conv(x, w)}: {@code x} {@code (N, C, inH, inW)} to {@code (N, O, outH, outW)}. */
    static Tensor convolve(String name, Tensor x, Tensor w, ConvGeometry geo) {
        int n = x.size(0);
        Object data = new ConvLoops(geo, x.dtype(), n).convolve(TypedArrays.of(x), TypedArrays.of(w));
        BackwardRule rule = (g, out) -> new Tensor[] {
            x.requiresGrad() ? inputGradient(name + "Backward", g, w, geo) : null,
            w.requiresGrad() ? weightGradient(name + "Backward", x, g, geo) : null};
        return TypedArrays.result(name, Shape.of(n, geo.outChannels(), geo.outH(), geo.outW()), data, rule, x, w);
    }

    /** {@code convT(dy, w)}: the gradient of {@code conv(x, w)} with respect to {@code x}, {@code (N, C, inH, inW)}. */
    static Tensor inputGradient(String name, Tensor dy, Tensor w, ConvGeometry geo) {
        int n = dy.size(0);
        Object data = new ConvLoops(geo, dy.dtype(), n).inputGradient(TypedArrays.of(dy), TypedArrays.of(w));
        BackwardRule rule = (g, out) -> new Tensor[] {
            dy.requiresGrad() ? convolve(name + "Backward", g, w, geo) : null,
            w.requiresGrad() ? weightGradient(name + "Backward", g, dy, geo) : null};
        return TypedArrays.result(name, Shape.of(n, geo.inChannels(), geo.inH(), geo.inW()), data, rule, dy, w);
    }

    /** {@code convW(x, dy)}: the gradient of {@code conv(x, w)} with respect to {@code w}, of the weight's shape. */
    static Tensor weightGradient(String name, Tensor x, Tensor dy, ConvGeometry geo) {
        Object data = new ConvLoops(geo, x.dtype(), x.size(0)).weightGradient(TypedArrays.of(x), TypedArrays.of(dy));
        BackwardRule rule = (g, out) -> new Tensor[] {
            x.requiresGrad() ? inputGradient(name, dy, g, geo) : null,
            dy.requiresGrad() ? convolve(name, x, g, geo) : null};
        return TypedArrays.result(name, Shape.of(geo.weightShape()), data, rule, x, dy);
    }
}
