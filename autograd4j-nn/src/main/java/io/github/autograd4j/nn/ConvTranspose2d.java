package io.github.autograd4j.nn;

import io.github.autograd4j.Generator;
import io.github.autograd4j.Tensor;
import java.util.Random;

/**
 * A 2-d transposed convolution layer, as PyTorch's {@code nn.ConvTranspose2d}: {@code (N, in, H, W)}
 * (or one sample {@code (in, H, W)}) to {@code (N, out, Hout, Wout)},
 * {@code Hout = (H - 1) stride - 2 padding + dilation (kH - 1) + outputPadding + 1}, with parameters
 * {@code weight} {@code (in, out / groups, kH, kW)} and {@code bias} {@code (out,)}, drawn as PyTorch
 * draws them (from {@link Generator#current()} unless a {@code Random} is given). The other
 * settings are {@link ConvOptions}:
 *
 * <pre>{@code
 * Module up = new ConvTranspose2d(16, 8, 3, ConvOptions.defaults().stride(2).padding(1).outputPadding(1));   // doubles H and W
 * }</pre>
 */
public final class ConvTranspose2d extends Convolution {

    /**
     * A layer with a square kernel, stride 1, no padding and a bias.
     *
     * @param inChannels  the input's channels
     * @param outChannels the output's channels
     * @param kernelSize  the kernel's side
     */
    public ConvTranspose2d(int inChannels, int outChannels, int kernelSize) {
        this(inChannels, outChannels, kernelSize, ConvOptions.defaults());
    }

    /**
     * A layer with a square kernel and the given options.
     *
     * @param inChannels  the input's channels
     * @param outChannels the output's channels
     * @param kernelSize  the kernel's side
     * @param options     stride, padding, output padding, dilation, groups and bias
     */
    public ConvTranspose2d(int inChannels, int outChannels, int kernelSize, ConvOptions options) {
        this(inChannels, outChannels, new int[] {kernelSize}, options, Generator.current());
    }

    /**
     * A layer with a kernel of any size, its parameters drawn from {@code rng} (the weight's first).
     *
     * @param inChannels  the input's channels, divisible by the groups
     * @param outChannels the output's channels, divisible by the groups
     * @param kernelSize  {@code (kH, kW)}, or one value for both
     * @param options     stride, padding (sizes), output padding, dilation, groups and bias
     * @param rng         the source of the initial values
     * @throws IllegalArgumentException when a size or setting is out of range
     */
    public ConvTranspose2d(int inChannels, int outChannels, int[] kernelSize, ConvOptions options, Random rng) {
        super("ConvTranspose2d", 2, true, inChannels, outChannels, kernelSize, options, rng);
    }

    /**
     * The transposed convolution of {@code x} plus the bias.
     *
     * @throws IllegalArgumentException when {@code x} is not {@code (N, in, H, W)} or {@code (in, H, W)},
     *                                  or the output would be empty
     */
    @Override
    public Tensor forward(Tensor x) {
        checkInput(x);
        return Tensor.convTranspose2d(x, weight(), bias(), stride, padding, outputPadding, groups, dilation);
    }
}
