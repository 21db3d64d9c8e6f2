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
 *   <li>Backward passes on several threads may share leaves (a model's parameters, as in Hogwild
 *       training): a pass takes the leaves it reaches for its thread, all or none, before it runs
 *       any rule, and gives them back when it ends, so the passes add into a shared leaf one at a
 *       time and no gradient is lost (their order, and so the last bits of a sum, may vary). This
 *       costs one compare-and-set per leaf and pass, none per gradient. A pass waits while another
 *       thread's pass holds one of its leaves; a {@code BackwardSteps} holds them until it is
 *       finished or closed. The interior nodes of one graph still belong to one thread.</li>
 *   <li>{@link io.github.autograd4j.Autograd#grad} and the rest of the functional API keep every
 *       gradient in the call and never read or write a tensor's {@code grad()}: calls on several
 *       threads over graphs that share inputs are independent.</li>
 *   <li>Writing a tensor's data or gradient ({@code copyFrom}, {@code setGrad}, {@code zeroGrad},
 *       an optimiser step) while another thread reads or writes it is a data race; give each
 *       thread its own parameters, or synchronise. In-place changes are counted (a version per
 *       storage, as PyTorch's): a rule that saved a tensor changed since refuses to back-propagate
 *       rather than give a wrong gradient.</li>
 * </ul>
 */
package io.github.autograd4j;
