package io.github.autograd4j.nn;

import io.github.autograd4j.Tensor;
import java.util.Objects;

/**
 * 2-d max pooling, as PyTorch's {@code nn.MaxPool2d}: the maximum of each window of an input
 * {@code (N, C, H, W)} or {@code (C, H, W)} (ties to the first element, as PyTorch); see
 * {@link Tensor#maxPool2d(int[], int[], int[], int[], boolean)}. The settings are checked by the
 * pooling itself, against the input.
 */
public final class MaxPool2d extends Module {

    private final int[] kernel;
    private final int[] stride;
    private final int[] padding;
    private final int[] dilation;
    private final boolean ceilMode;

    /**
     * Square windows of {@code kernelSize}, as far apart (PyTorch's default stride), no padding.
     *
     * @param kernelSize the window's side
     */
    public MaxPool2d(int kernelSize) {
        this(kernelSize, kernelSize, 0);
    }

    /**
     * Square windows with the given stride and padding.
     *
     * @param kernelSize the window's side
     * @param stride     the step between windows
     * @param padding    elements added on each side, never picked; at most half the kernel
     */
    public MaxPool2d(int kernelSize, int stride, int padding) {
        this(new int[] {kernelSize}, new int[] {stride}, new int[] {padding}, new int[] {1}, false);
    }

    /**
     * Every setting, each one value per spatial dim or one for both.
     *
     * @param kernelSize the window's size
     * @param stride     the steps between windows
     * @param padding    elements added on each side, never picked; at most half the kernel
     * @param dilation   the steps between window taps
     * @param ceilMode   round the output size up
     */
    public MaxPool2d(int[] kernelSize, int[] stride, int[] padding, int[] dilation, boolean ceilMode) {
        this.kernel = Objects.requireNonNull(kernelSize, "MaxPool2d: kernel size is null").clone();
        this.stride = Objects.requireNonNull(stride, "MaxPool2d: stride is null").clone();
        this.padding = Objects.requireNonNull(padding, "MaxPool2d: padding is null").clone();
        this.dilation = Objects.requireNonNull(dilation, "MaxPool2d: dilation is null").clone();
        this.ceilMode = ceilMode;
    }

    /**
     * The maximum of each window.
     *
     * @throws IllegalArgumentException when a setting is out of range or does not fit the input
     */
    @Override
    public Tensor forward(Tensor x) {
        Objects.requireNonNull(x, describe() + ": input is null");
        return x.maxPool2d(kernel, stride, padding, dilation, ceilMode);
    }

    @Override
    protected String extraRepr() {
        return "kernel_size=" + PoolSettings.text(kernel) + ", stride=" + PoolSettings.text(stride) + ", padding="
                + PoolSettings.text(padding) + ", dilation=" + PoolSettings.text(dilation) + ", ceil_mode=" + ceilMode;
    }
}
