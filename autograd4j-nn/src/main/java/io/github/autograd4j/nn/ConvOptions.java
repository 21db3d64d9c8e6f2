package io.github.autograd4j.nn;

import java.util.Arrays;
import java.util.Objects;

/**
 * The settings of a convolution layer besides its channels and kernel, with PyTorch's names and
 * defaults (stride 1, padding 0, dilation 1, output padding 0, groups 1, a bias), each changed by
 * a method that returns a new value, as PyTorch's keyword arguments:
 *
 * <pre>{@code
 * new Conv2d(1, 32, 3, ConvOptions.defaults().padding(1));                 // nn.Conv2d(1, 32, 3, padding=1)
 * new Conv1d(8, 8, 5, ConvOptions.defaults().padding("same").groups(8));  // padding="same", groups=8
 * new ConvTranspose2d(16, 8, 3, ConvOptions.defaults().stride(2).padding(1).outputPadding(1));
 * }</pre>
 *
 * A setting holds one value per spatial dim, or one for all; the layer checks them against its
 * dims when it is made.
 */
public final class ConvOptions {

    private static final int[] ONE = {1};
    private static final int[] ZERO = {0};
    private static final ConvOptions DEFAULTS = new ConvOptions(ONE, ZERO, null, ONE, ZERO, 1, true);

    private final int[] stride;
    private final int[] padding;
    private final String paddingMode;
    private final int[] dilation;
    private final int[] outputPadding;
    private final int groups;
    private final boolean bias;

    private ConvOptions(int[] stride, int[] padding, String paddingMode, int[] dilation, int[] outputPadding, int groups,
                        boolean bias) {
        this.stride = stride;
        this.padding = padding;
        this.paddingMode = paddingMode;
        this.dilation = dilation;
        this.outputPadding = outputPadding;
        this.groups = groups;
        this.bias = bias;
    }

    /**
     * PyTorch's defaults: stride 1, padding 0, dilation 1, output padding 0, groups 1, with a bias.
     *
     * @return the defaults
     */
    public static ConvOptions defaults() {
        return DEFAULTS;
    }

    /**
     * These options with another stride.
     *
     * @param stride the steps between output positions: one per spatial dim, or one for all
     * @return new options
     */
    public ConvOptions stride(int... stride) {
        return new ConvOptions(copied("stride", stride), padding, paddingMode, dilation, outputPadding, groups, bias);
    }

    /**
     * These options with zeros added on both sides of each spatial dim.
     *
     * @param padding one per spatial dim, or one for all
     * @return new options
     */
    public ConvOptions padding(int... padding) {
        return new ConvOptions(stride, copied("padding", padding), null, dilation, outputPadding, groups, bias);
    }

    /**
     * These options with padding by PyTorch's name: {@code "same"} (the output as large as the
     * input; stride 1) or {@code "valid"} (none). Transposed convolutions take sizes only.
     *
     * @param mode {@code "same"} or {@code "valid"}
     * @return new options
     */
    public ConvOptions padding(String mode) {
        Objects.requireNonNull(mode, "ConvOptions: padding is null");
        return new ConvOptions(stride, ZERO, mode, dilation, outputPadding, groups, bias);
    }

    /**
     * These options with another dilation.
     *
     * @param dilation the steps between kernel taps: one per spatial dim, or one for all
     * @return new options
     */
    public ConvOptions dilation(int... dilation) {
        return new ConvOptions(stride, padding, paddingMode, copied("dilation", dilation), outputPadding, groups, bias);
    }

    /**
     * These options with another output padding, for transposed convolutions only.
     *
     * @param outputPadding added to one side of each spatial dim of the output
     * @return new options
     */
    public ConvOptions outputPadding(int... outputPadding) {
        return new ConvOptions(stride, padding, paddingMode, dilation, copied("output padding", outputPadding), groups, bias);
    }

    /**
     * These options with another number of channel groups.
     *
     * @param groups dividing the input and output channels
     * @return new options
     */
    public ConvOptions groups(int groups) {
        return new ConvOptions(stride, padding, paddingMode, dilation, outputPadding, groups, bias);
    }

    /**
     * These options with or without a bias.
     *
     * @param bias whether the layer adds a bias per output channel
     * @return new options
     */
    public ConvOptions bias(boolean bias) {
        return new ConvOptions(stride, padding, paddingMode, dilation, outputPadding, groups, bias);
    }

    int[] stride(String owner, int dims) {
        return resolve(owner, "stride", stride, dims, 1);
    }

    int[] padding(String owner, int dims) {
        return resolve(owner, "padding", padding, dims, 0);
    }

    String paddingMode() {
        return paddingMode;
    }

    int[] dilation(String owner, int dims) {
        return resolve(owner, "dilation", dilation, dims, 1);
    }

    int[] outputPadding(String owner, int dims) {
        return resolve(owner, "output padding", outputPadding, dims, 0);
    }

    int groups() {
        return groups;
    }

    boolean bias() {
        return bias;
    }

    /** {@code values} as one per dim of {@code dims}, each at least {@code min}. */
    static int[] resolve(String owner, String name, int[] values, int dims, int min) {
        if (values.length != 1 && values.length != dims) {
            throw new IllegalArgumentException(owner + ": " + name + (dims == 1 ? " needs 1 value" : " needs 1 or " + dims + " values")
                    + " (one per spatial dim), got " + Arrays.toString(values));
        }
        int[] out = new int[dims];
        for (int k = 0; k < dims; k++) {
            out[k] = values[values.length == 1 ? 0 : k];
            if (out[k] < min) {
                throw new IllegalArgumentException(owner + ": " + name + " must be >= " + min + " in each dim, got "
                        + Arrays.toString(values));
            }
        }
        return out;
    }

    private static int[] copied(String name, int[] values) {
        return Objects.requireNonNull(values, "ConvOptions: " + name + " is null").clone();
    }
}
