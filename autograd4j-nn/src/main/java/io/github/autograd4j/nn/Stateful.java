package io.github.autograd4j.nn;

import io.github.autograd4j.Tensor;
import java.util.Map;

/**
 * Something a checkpoint saves and restores besides a model's parameters, as PyTorch's
 * {@code state_dict()} / {@code load_state_dict()}: an optimiser, a learning-rate scheduler, a
 * data loader's position. {@code Checkpoint.save} writes what {@link #stateDict()} returns and
 * {@code Checkpoint.restore} hands it back to {@link #loadStateDict(Map)} of an object made the
 * same way, so that training resumes exactly where it stopped.
 */
public interface Stateful {

    /**
     * A snapshot of the state as named tensors (copies, so later changes do not reach them).
     *
     * @return the state, in a stable order
     */
    Map<String, Tensor> stateDict();

    /**
     * Restores a snapshot taken by {@link #stateDict()} of an object of the same kind, made the
     * same way. Everything is checked before anything changes.
     *
     * @param state the snapshot
     * @throws IllegalArgumentException naming the first key that does not fit; nothing changes then
     */
    void loadStateDict(Map<String, Tensor> state);
}
