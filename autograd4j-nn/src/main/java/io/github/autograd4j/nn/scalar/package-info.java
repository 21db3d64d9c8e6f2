/**
 * micrograd's neural network on the scalar engine ({@code Value}): a
 * {@link io.github.autograd4j.nn.scalar.Neuron}, a {@link io.github.autograd4j.nn.scalar.Layer} of
 * them and a {@link io.github.autograd4j.nn.scalar.ScalarMLP} of layers, each a
 * {@link io.github.autograd4j.nn.scalar.ScalarModule} with its parameters, and the
 * {@link io.github.autograd4j.nn.scalar.Activation} a neuron applies. For teaching and for small
 * models; the tensor modules of {@code io.github.autograd4j.nn} are the fast path.
 */
package io.github.autograd4j.nn.scalar;
