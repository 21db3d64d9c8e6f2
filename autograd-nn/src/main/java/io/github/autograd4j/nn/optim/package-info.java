/**
 * Optimisers, learning-rate schedules and gradient clipping, as {@code torch.optim} and
 * {@code torch.nn.utils.clip_grad_*}: {@link io.github.autograd4j.nn.optim.SGD},
 * {@link io.github.autograd4j.nn.optim.Adam}, {@link io.github.autograd4j.nn.optim.AdamW},
 * {@link io.github.autograd4j.nn.optim.RMSprop} and {@link io.github.autograd4j.nn.optim.Adagrad}
 * on the common {@link io.github.autograd4j.nn.optim.Optimizer} (parameter groups, builders,
 * checkpointable state); {@link io.github.autograd4j.nn.optim.StepLR},
 * {@link io.github.autograd4j.nn.optim.ExponentialLR},
 * {@link io.github.autograd4j.nn.optim.CosineAnnealingLR},
 * {@link io.github.autograd4j.nn.optim.LinearWarmup} and
 * {@link io.github.autograd4j.nn.optim.ReduceLROnPlateau}; and
 * {@link io.github.autograd4j.nn.optim.GradClip}.
 *
 * <p>Each optimiser's update follows PyTorch's implementation (its single-tensor code path) and
 * is written out in the class comment; the tests check five steps of each against an independent
 * plain-double implementation of those formulas.
 */
package io.github.autograd4j.nn.optim;
