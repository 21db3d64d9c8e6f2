/**
 * Optimisers, learning-rate schedules and gradient clipping, as {@code torch.optim} and
 * {@code torch.nn.utils.clip_grad_*}: {@link io.github.autograd4j.nn.optim.SGD},
 * {@link io.github.autograd4j.nn.optim.Adam}, {@link io.github.autograd4j.nn.optim.AdamW},
 * {@link io.github.autograd4j.nn.optim.RMSprop} and {@link io.github.autograd4j.nn.optim.Adagrad}
 * behind the {@link io.github.autograd4j.nn.optim.Optimizer} interface (parameter groups,
 * builders, checkpointable state), each with a record of typed options
 * ({@link io.github.autograd4j.nn.optim.SGDOptions}, ...);
 * {@link io.github.autograd4j.nn.optim.StepLR},
 * {@link io.github.autograd4j.nn.optim.ExponentialLR},
 * {@link io.github.autograd4j.nn.optim.CosineAnnealingLR},
 * {@link io.github.autograd4j.nn.optim.LinearWarmup} and
 * {@link io.github.autograd4j.nn.optim.ReduceLROnPlateau}, whose state a checkpoint saves too; and
 * {@link io.github.autograd4j.nn.optim.GradClip}.
 *
 * <pre>{@code
 * SGD sgd = SGD.builder().lr(0.01).momentum(0.9).nesterov(true).build(net.parameters());
 * Optimizer adam = new Adam(net.parameters(), 1e-3);          // optim.Adam(params, lr=1e-3)
 * }</pre>
 *
 * <p>Each optimiser's update follows PyTorch's implementation (its single-tensor code path) and
 * is written out in the class comment; the tests check five steps of each against an independent
 * plain-double implementation of those formulas. The stepping is in
 * {@link io.github.autograd4j.nn.optim.AbstractOptimizer}, the state dict's encoding and checks
 * in {@code OptimizerStateDict}.
 */
package io.github.autograd4j.nn.optim;
