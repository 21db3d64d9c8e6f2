/**
 * Loss functions, as PyTorch's loss modules: each a {@link io.github.autograd4j.nn.loss.Loss} with
 * {@code forward(input, target)} and a {@link io.github.autograd4j.nn.loss.Reduction} (MEAN by
 * default, SUM, NONE). Regression: MSE, L1, Huber. Binary: BCE, BCEWithLogits, hinge embedding,
 * hinge (micrograd's SVM loss). Multi-class: cross-entropy (class indices or probabilities, label
 * smoothing), NLL, multi-margin. Class indices are whole numbers stored as doubles.
 */
package io.github.autograd4j.nn.loss;
