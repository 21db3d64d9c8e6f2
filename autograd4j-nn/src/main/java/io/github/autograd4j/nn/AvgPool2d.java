package io.github.autograd4j.nn;

import io.github.autograd4j.Tensor;
import java.util.Objects;

/**
 * 2-d average pooling, as PyTorch's {@code nn.AvgPool2d}: the mean of each window of an input
 * {@code (N, C, H, W)} or {@code (C, H, W)}; see
 * {@link Tensor#avgPool2d(int[], int[], int[], boolean, boolean)}. The settings are checked by the
 * pooling itself, against the input.
 */
public final class AvgPool2d extends Module {

    private final int[] kernel;
    private final int[] stride;
    private final int[] padding;
    private final boolean ceilMode;
    private final boolean countIncludePad;

    /**
     * Square windows of {@code kernelSize}, as far apart (PyTorch's default stride), no padding.
     *
     * @param kernelSize the window's side
     */
    public AvgPool2d(int kernelSize) {
        this(kernelSize, kernelSize, 0);
    }

    /**
     * Square windows with the given stride and padding, the padding counted in the divisor.
     *
     * @param kernelSize the window's side
     * @param stride     the step between windows
     * @param padding    zeros added on each side; at most half the kernel
     */
    public AvgPool2d(int kernelSize, int stride, int padding) {
        this(new int[] {kernelSize}, new int[] {stride}, new int[] {padding}, false, true);
    }

    /**
     * Every setting, each one value per spatial dim or one for both.
     *
     * @param kernelSize      the window's size
     * @param stride          the steps between windows
     * @param padding         zeros added on each side; at most half the kernel
     * @param ceilMode        round the output size up
     * @param countIncludePad divide by the window's size with padding (PyTorch's default), else by
     *                        the input elements in it
     */
    public AvgPool2d(int[] kernelSize, int[] stride, int[] padding, boolean ceilMode, boolean countIncludePad) {
        this.kernel = Objects.requireNonNull(kernelSize, "AvgPool2d: kernel size is null").clone();
        this.stride = Objects.requireNonNull(stride, "AvgPool2d: stride is null").clone();
        this.padding = Objects.requireNonNull(padding, "AvgPool2d: padding is null").clone();
        this.ceilMode = ceilMode;
        this.countIncludePad = countIncludePad;
    }

    /**
     * The mean of each window.
     *
     * @throws IllegalArgumentException when a setting is out of range or does not fit the input
     */
    @Override
    public Tensor forward(Tensor x) {
        Objects.requireNonNull(x, describe() + ": input is null");
        return x.avgPool2d(kernel, stride, padding, ceilMode, countIncludePad);
    }

    @Override
    protected String extraRepr() {
        return "kernel_size=" + PoolSettings.text(kernel) + ", stride=" + PoolSettings.text(stride) + ", padding="
                + PoolSettings.text(padding) + (ceilMode ? ", ceil_mode=true" : "")
                + (countIncludePad ? "" : ", count_include_pad=false");
    }
}
