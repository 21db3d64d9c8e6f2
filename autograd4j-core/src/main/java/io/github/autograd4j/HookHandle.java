package io.github.autograd4j;

/**
 * What {@code registerHook} returns: removes that one hook again, as PyTorch's
 * {@code RemovableHandle}. Removing twice does nothing.
 */
@FunctionalInterface
public interface HookHandle {

    /** Removes the hook; it runs in no later backward pass. */
    void remove();
}
