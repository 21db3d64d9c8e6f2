/**
 * Neural-network building blocks on autograd4j tensors, named and behaving as PyTorch's
 * {@code torch.nn}: {@link io.github.autograd4j.nn.Module} (named parameters, children,
 * train/eval, a printed tree), {@link io.github.autograd4j.nn.Linear},
 * {@link io.github.autograd4j.nn.Sequential}, {@link io.github.autograd4j.nn.MLP}, activations,
 * {@link io.github.autograd4j.nn.Dropout}, {@link io.github.autograd4j.nn.Flatten} and
 * {@link io.github.autograd4j.nn.Identity}. Losses are in {@code nn.loss}, initialisers in
 * {@code nn.init}; {@link io.github.autograd4j.nn.Stateful} is what a checkpoint saves besides a
 * model (see {@code nn.io.Checkpoint}). Modules that draw random numbers take a {@code Random} or
 * draw from {@code Generator.current()}.
 *
 * <pre>{@code
 * import io.github.autograd4j.Tensor;
 * import io.github.autograd4j.nn.MLP;
 * import io.github.autograd4j.nn.Module;   // by name: a wildcard import of nn clashes with java.lang.Module
 * import io.github.autograd4j.nn.ReLU;
 * import io.github.autograd4j.nn.loss.CrossEntropyLoss;
 * import io.github.autograd4j.nn.loss.Loss;
 *
 * Module net = new MLP(ReLU::new, 2, 16, 16, 3);
 * Loss criterion = new CrossEntropyLoss();
 * Tensor loss = criterion.forward(net.forward(x), y);
 * net.zeroGrad();
 * loss.backward();
 * }</pre>
 *
 * <h2>Thread safety</h2>
 * Modules, losses, optimisers, data loaders and schedulers hold no shared static state; each
 * instance is meant for one thread at a time (a module's parameters and gradients, an optimiser's
 * state, a {@code Dropout}'s or {@code DataLoader}'s {@code Random} all change as they are used).
 * Threads that each build their own model, optimiser and loader train independently and get bit
 * for bit what they get one after another (see {@code ConcurrentTrainingTest}). A trained model
 * may be shared read-only: several threads may call {@code forward} on it at once inside
 * {@code try (var off = Grad.disabled()) { ... }}, as long as it is in {@code eval()} mode (a
 * {@code Dropout} in training mode draws from its one {@code Random}) and no thread trains it
 * meanwhile. Checkpoint files are written atomically (a temporary file renamed into place), so a
 * reader never sees half of one. See the package documentation of {@code io.github.autograd4j}
 * for the engine's contract.
 */
package io.github.autograd4j.nn;
