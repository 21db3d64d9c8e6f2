/**
 * Checkpoints in the safetensors format, which Python's {@code safetensors} and PyTorch read too:
 * {@link io.github.autograd4j.nn.io.SafeTensors} writes and reads named tensors,
 * {@link io.github.autograd4j.nn.io.Checkpoint} saves and restores a model, an optimiser and any
 * other state training needs in one file, and {@link io.github.autograd4j.nn.io.AtomicFile}
 * replaces a file all at once, so a failed save keeps the previous one.
 */
package io.github.autograd4j.nn.io;
