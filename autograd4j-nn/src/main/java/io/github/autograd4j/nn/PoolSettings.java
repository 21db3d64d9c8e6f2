package io.github.autograd4j.nn;

/** How the pooling modules print a setting: one value as a number, two as a tuple, as PyTorch. */
final class PoolSettings {

    private PoolSettings() {
    }

    /** {@code 2} for {@code [2]}, {@code (2, 3)} for {@code [2, 3]}. */
    static String text(int[] values) {
        return values.length == 1 ? Integer.toString(values[0]) : Convolution.tuple(values);
    }
}
