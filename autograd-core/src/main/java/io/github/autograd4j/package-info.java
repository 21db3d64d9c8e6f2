/**
 * The graph engine: {@link io.github.autograd4j.Value} (scalars) and
 * {@link io.github.autograd4j.Tensor} (n-d arrays) as graph nodes, recording control in
 * {@link io.github.autograd4j.Grad}, the functional API in {@link io.github.autograd4j.Autograd},
 * gradient checking in {@link io.github.autograd4j.GradCheck} and debugging aids in
 * {@link io.github.autograd4j.Debug}.
 *
 * <h2>Thread safety</h2>
 * <ul>
 *   <li>There is no shared mutable static state that changes results: whether operations record
 *       a graph ({@link io.github.autograd4j.Grad#disabled()}) and the debugging switches of
 *       {@link io.github.autograd4j.Debug} are per thread; the process-wide counters (backward
 *       pass epochs, the number of open scopes) are atomic and only make those look-ups cheap.
 *       Separate graphs on separate threads never interfere, and give bit for bit the results
 *       they give on one thread.</li>
 *   <li>A graph (its nodes, their gradients and hooks) is not synchronised: build it and
 *       back-propagate through it on one thread at a time. A tensor made on one thread may be
 *       handed to another (through a {@code Future}, a queue, or any other safe publication) and
 *       used there.</li>
 *   <li>Reading a tensor that no thread writes is safe from any number of threads: a frozen
 *       model may be shared for inference when every thread runs it inside
 *       {@code try (var off = Grad.disabled()) { ... }}, which records nothing and so writes
 *       nothing into the shared parameters. Running it with recording on from several threads
 *       is also safe as long as no thread calls {@code backward()} through it.</li>
 *   <li>Writing a tensor's data or gradient ({@code copyFrom}, {@code setGrad}, {@code zeroGrad},
 *       {@code backward()} into a shared leaf, an optimiser step) while another thread reads or
 *       writes it is a data race; give each thread its own parameters, or synchronise.</li>
 * </ul>
 */
package io.github.autograd4j;
