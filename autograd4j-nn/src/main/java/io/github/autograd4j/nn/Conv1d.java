package io.github.autograd4j.nn;

import io.github.autograd4j.Generator;
import io.github.autograd4j.Tensor;
import java.util.Random;

/**
 * A 1-d convolution layer, as PyTorch's {@code nn.Conv1d}: {@code (N, in, L)} (or one sample
 * {@code (in, L)}) to {@code (N, out, Lout)}, with parameters {@code weight}
 * {@code (out, in / groups, K)} and {@code bias} {@code (out,)}, drawn as PyTorch draws them (from
 * {@link Generator#current()} unless a {@code Random} is given). The other settings are
 * {@link ConvOptions}.
 */
public final class Conv1d extends Convolution {

    /**
     * A layer with stride 1, no padding and a bias.
     *
     * @param inChannels  the input's channels
     * @param outChannels the output's channels
     * @param kernelSize  the kernel's length
     */
    public Conv1d(int inChannels, int outChannels, int kernelSize) {
        this(inChannels, outChannels, kernelSize, ConvOptions.defaults());
    }

    /**
     * A layer with the given options.
     *
     * @param inChannels  the input's channels
     * @param outChannels the output's channels
     * @param kernelSize  the kernel's length
     * @param options     stride, padding, dilation, groups and bias
     */
    public Conv1d(int inChannels, int outChannels, int kernelSize, ConvOptions options) {
        this(inChannels, outChannels, kernelSize, options, Generator.current());
    }

    /**
     * A layer whose parameters are drawn from {@code rng} (the weight's first).
     *
     * @param inChannels  the input's channels, divisible by the groups
     * @param outChannels the output's channels, divisible by the groups
     * @param kernelSize  the kernel's length
     * @param options     stride, padding, dilation, groups and bias
     * @param rng         the source of the initial values
     * @throws IllegalArgumentException when a size or setting is out of range
     */
    public Conv1d(int inChannels, int outChannels, int kernelSize, ConvOptions options, Random rng) {
        super("Conv1d", 1, false, inChannels, outChannels, new int[] {kernelSize}, options, rng);
    }

    /**
     * The convolution of {@code x} plus the bias.
     *
     * @throws IllegalArgumentException when {@code x} is not {@code (N, in, L)} or {@code (in, L)}, or
     *                                  shorter than the kernel's span
     */
    @Override
    public Tensor forward(Tensor x) {
        checkInput(x);
        return paddingMode != null
                ? Tensor.conv1d(x, weight(), bias(), stride[0], paddingMode, dilation[0], groups)
                : Tensor.conv1d(x, weight(), bias(), stride[0], padding[0], dilation[0], groups);
    }
}
