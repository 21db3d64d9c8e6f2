package io.github.autograd4j;

/**
 * How many times a tensor's storage was changed in place, shared by every tensor over that
 * storage (a reshape, a detach), as PyTorch's version counter: a backward rule that saved a
 * tensor compares the count it saw with the count at backward time, and refuses to give a wrong
 * gradient when they differ.
 */
final class VersionCounter {

    private int value;

    int value() {
        return value;
    }

    /** Counts one in-place change. */
    void bump() {
        value++;
    }
}
