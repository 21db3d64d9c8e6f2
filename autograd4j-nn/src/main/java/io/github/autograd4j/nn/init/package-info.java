/**
 * Parameter initialisation as PyTorch's {@code torch.nn.init}: the static methods of
 * {@link io.github.autograd4j.nn.init.Init} (uniform, normal, Xavier, Kaiming, constants) fill a
 * leaf in place from a given {@code Random} or, without one, from the thread's default generator
 * ({@code Generator.current()}); an {@link io.github.autograd4j.nn.init.Initializer}
 * passes one to a module's constructor.
 */
package io.github.autograd4j.nn.init;
