package io.github.autograd4j.ops;

import io.github.autograd4j.BackwardRule;
import io.github.autograd4j.Shape;
import io.github.autograd4j.Tensor;

/**
 * The constant factors of piecewise-linear rules (relu's 0/1, abs's sign, clamp's window, the tie
 * shares of max and maximum, sign's zero) as tensors whose derivative is zero. A rule multiplies
 * its gradient by one; recorded as an operation of the inputs it was computed from, it keeps that
 * product connected to them when the backward pass creates a graph, so the gradient can be
 * differentiated again and gives the zero second derivative PyTorch gives, rather than a constant
 * that does not require grad. In a pass that creates no graph, recording is off and a mask is a
 * plain constant, at no cost.
 */
final class Masks {

    private Masks() {
    }

    /**
     * {@code values} (taken, not copied) of {@code shape}, computed from {@code from}: recorded as
     * their function while recording is on, with a rule that sends them nothing.
     */
    static Tensor of(Shape shape, double[] values, Tensor... from) {
        return Tensor.fromOp("mask", shape, values, nothingTo(from), from);
    }

    /** A float32 mask: {@code values} (taken, not copied) as {@link #of(Shape, double[], Tensor...)} takes doubles. */
    static Tensor of(Shape shape, float[] values, Tensor... from) {
        return Tensor.fromOp("mask", shape, values, nothingTo(from), from);
    }

    private static BackwardRule nothingTo(Tensor[] from) {
        return (g, out) -> new Tensor[from.length];
    }

    /** Zeros of {@code x}'s shape that depend on {@code x}: the gradient of a function that is flat everywhere. */
    static Tensor zerosOf(Tensor x) {
        return of(x.shape(), new double[x.numel()], x);
    }
}
