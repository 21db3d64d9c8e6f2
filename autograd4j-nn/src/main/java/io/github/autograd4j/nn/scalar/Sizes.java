package io.github.autograd4j.nn.scalar;

/** Argument checks shared by {@link Neuron}, {@link Layer} and {@link ScalarMLP}; messages name the operation and the sizes. */
final class Sizes {

    private Sizes() {
    }

    /** Throws unless {@code size >= 1}. */
    static int positive(String op, String what, int size) {
        if (size < 1) {
            throw new IllegalArgumentException(op + ": " + what + " must be at least 1, got " + size);
        }
        return size;
    }

    /** Throws unless {@code got == expected}, e.g. {@code "Neuron: expected 3 inputs, got 2"}. */
    static void inputs(String op, int expected, int got) {
        if (got != expected) {
            throw new IllegalArgumentException(op + ": expected " + expected + " inputs, got " + got);
        }
    }
}
