package io.github.autograd4j.nn.init;

/**
 * Which fan the Kaiming initialisers scale by, as PyTorch's {@code mode}: {@code FAN_IN} keeps
 * the variance of the activations in the forward pass, {@code FAN_OUT} that of the gradients in
 * the backward pass.
 */
public enum FanMode {
    /** {@code size(1) * receptive field}: the inputs each output sums over. */
    FAN_IN,
    /** {@code size(0) * receptive field}: the outputs each input feeds. */
    FAN_OUT
}
