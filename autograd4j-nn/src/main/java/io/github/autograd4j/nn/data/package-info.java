/**
 * Mini-batch data, as PyTorch's {@code torch.utils.data}: a
 * {@link io.github.autograd4j.nn.data.Dataset} read by index (a
 * {@link io.github.autograd4j.nn.data.TensorDataset} over the rows of tensors, a
 * {@link io.github.autograd4j.nn.data.Subset} of another, split at random by
 * {@link io.github.autograd4j.nn.data.Datasets#randomSplit}), and a
 * {@link io.github.autograd4j.nn.data.DataLoader} that gives it as shuffled
 * {@link io.github.autograd4j.nn.data.Batch}es, one epoch per loop, and is saved in checkpoints so
 * that a resumed run sees the same batches.
 */
package io.github.autograd4j.nn.data;
