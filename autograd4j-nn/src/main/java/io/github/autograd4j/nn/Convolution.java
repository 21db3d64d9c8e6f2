package io.github.autograd4j.nn;

import io.github.autograd4j.Tensor;
import io.github.autograd4j.nn.init.Init;
import java.util.Arrays;
import java.util.Objects;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * What {@link Conv1d}, {@link Conv2d} and {@link ConvTranspose2d} share, as PyTorch's
 * {@code _ConvNd}: the checked settings, the parameters {@code weight} ({@code (out, in / groups,
 * kernel...)}, or {@code (in, out / groups, kernel...)} when transposed) and {@code bias}
 * ({@code (out,)}), drawn as PyTorch draws them (Kaiming uniform with {@code a = sqrt 5}, then the
 * bias from {@code U(-1/sqrt(fanIn), 1/sqrt(fanIn))}), the check of an input and the printed form.
 */
abstract class Convolution extends Module {

    final int dims;
    final int inChannels;
    final int outChannels;
    final int[] kernel;
    final int[] stride;
    final int[] padding;
    final String paddingMode;
    final int[] dilation;
    final int[] outputPadding;
    final int groups;
    private final boolean transposed;
    private final boolean hasBias;

    Convolution(String kind, int dims, boolean transposed, int inChannels, int outChannels, int[] kernel, ConvOptions options,
                Random rng) {
        Objects.requireNonNull(kernel, kind + ": kernel size is null");
        Objects.requireNonNull(options, kind + ": options are null");
        Objects.requireNonNull(rng, kind + ": rng is null");
        int groups = options.groups();
        if (inChannels < 1 || outChannels < 1 || groups < 1 || inChannels % groups != 0 || outChannels % groups != 0) {
            throw new IllegalArgumentException(kind + ": in_channels " + inChannels + " and out_channels " + outChannels
                    + " must be positive and divisible by groups " + groups);
        }
        this.dims = dims;
        this.transposed = transposed;
        this.inChannels = inChannels;
        this.outChannels = outChannels;
        this.groups = groups;
        this.hasBias = options.bias();
        this.kernel = ConvOptions.resolve(kind, "kernel size", kernel, dims, 1);
        this.stride = options.stride(kind, dims);
        this.dilation = options.dilation(kind, dims);
        this.padding = options.padding(kind, dims);
        this.outputPadding = options.outputPadding(kind, dims);
        this.paddingMode = options.paddingMode();
        checkPadding(kind);
        int[] shape = new int[dims + 2];
        shape[0] = transposed ? inChannels : outChannels;
        shape[1] = (transposed ? outChannels : inChannels) / groups;
        System.arraycopy(this.kernel, 0, shape, 2, dims);
        Tensor weight = registerParameter("weight", Tensor.zeros(shape));
        Init.kaimingUniform(weight, Math.sqrt(5.0), rng);
        if (hasBias) {
            double bound = 1.0 / Math.sqrt((double) shape[1] * IntStream.of(this.kernel).reduce(1, (a, b) -> a * b));
            Init.uniform(registerParameter("bias", Tensor.zeros(outChannels)), -bound, bound, rng);
        }
    }

    private void checkPadding(String kind) {
        if (paddingMode != null) {
            if (transposed || !paddingMode.equals("same") && !paddingMode.equals("valid")) {
                throw new IllegalArgumentException(kind + ": padding must be " + (transposed ? "sizes" : "'same', 'valid' or sizes")
                        + ", got '" + paddingMode + "'");
            }
            if (paddingMode.equals("same") && IntStream.of(stride).anyMatch(s -> s != 1)) {
                throw new IllegalArgumentException(kind + ": padding 'same' needs stride 1, got " + Arrays.toString(stride));
            }
        }
        for (int k = 0; k < dims; k++) {
            if (outputPadding[k] != 0 && !transposed) {
                throw new IllegalArgumentException(kind + ": output padding is a setting of transposed convolutions");
            }
            if (outputPadding[k] >= stride[k] && outputPadding[k] >= dilation[k]) {
                throw new IllegalArgumentException(kind + ": output padding " + Arrays.toString(outputPadding)
                        + " must be smaller than the stride " + Arrays.toString(stride) + " or the dilation "
                        + Arrays.toString(dilation) + " in each dim");
            }
        }
    }

    /**
     * Checks that {@code x} is a batch {@code (N, in, ...)} or one sample {@code (in, ...)} of
     * {@code dims} spatial dims.
     */
    final void checkInput(Tensor x) {
        Objects.requireNonNull(x, describe() + ": input is null");
        int channelDim = x.dim() - dims - 1;
        if ((x.dim() != dims + 1 && x.dim() != dims + 2) || x.size(channelDim) != inChannels) {
            String spatial = dims == 1 ? "L" : "H, W";
            throw new IllegalArgumentException(describe() + ": expected input of shape (N, " + inChannels + ", " + spatial
                    + ") or (" + inChannels + ", " + spatial + "), got " + x.shape());
        }
    }

    /**
     * The weight.
     *
     * @return the live parameter (not a copy)
     */
    public final Tensor weight() {
        return parameter("weight");
    }

    /**
     * The bias, of shape {@code (out,)}, or null when the layer has none.
     *
     * @return the live parameter (not a copy), or null
     */
    public final Tensor bias() {
        return hasBias ? parameter("bias") : null;
    }

    /** As PyTorch prints it: {@code 1, 32, kernel_size=(5, 5), stride=(1, 1)}, then the settings that are not defaults. */
    @Override
    protected String extraRepr() {
        StringBuilder s = new StringBuilder(inChannels + ", " + outChannels + ", kernel_size=" + tuple(kernel)
                + ", stride=" + tuple(stride));
        if (paddingMode != null) {
            s.append(", padding=").append(paddingMode);
        } else if (IntStream.of(padding).anyMatch(p -> p != 0)) {
            s.append(", padding=").append(tuple(padding));
        }
        if (IntStream.of(dilation).anyMatch(d -> d != 1)) {
            s.append(", dilation=").append(tuple(dilation));
        }
        if (IntStream.of(outputPadding).anyMatch(p -> p != 0)) {
            s.append(", output_padding=").append(tuple(outputPadding));
        }
        if (groups != 1) {
            s.append(", groups=").append(groups);
        }
        if (!hasBias) {
            s.append(", bias=false");
        }
        return s.toString();
    }

    /** A Python tuple: {@code (3, 3)}, {@code (3,)}. */
    static String tuple(int[] values) {
        String inner = IntStream.of(values).mapToObj(Integer::toString).collect(Collectors.joining(", "));
        return "(" + inner + (values.length == 1 ? ",)" : ")");
    }
}
