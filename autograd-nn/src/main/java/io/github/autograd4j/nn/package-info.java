/**
 * Neural-network building blocks on autograd4j tensors, named and behaving as PyTorch's
 * {@code torch.nn}: {@link io.github.autograd4j.nn.Module} (named parameters, children,
 * train/eval, a printed tree), {@link io.github.autograd4j.nn.Linear},
 * {@link io.github.autograd4j.nn.Sequential}, {@link io.github.autograd4j.nn.MLP}, activations,
 * {@link io.github.autograd4j.nn.Dropout}, {@link io.github.autograd4j.nn.Flatten} and
 * {@link io.github.autograd4j.nn.Identity}. Losses are in {@code nn.loss}, initialisers in
 * {@code nn.init}.
 *
 * <pre>{@code
 * Random rng = new Random(0);
 * Module net = new MLP(rng, ReLU::new, 2, 16, 16, 3);
 * Loss criterion = new CrossEntropyLoss();
 * Tensor loss = criterion.apply(net.forward(x), y);
 * net.zeroGrad();
 * loss.backward();
 * }</pre>
 */
package io.github.autograd4j.nn;
