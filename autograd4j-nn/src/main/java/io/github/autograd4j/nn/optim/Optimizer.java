package io.github.autograd4j.nn.optim;

import io.github.autograd4j.Tensor;
import io.github.autograd4j.nn.Stateful;
import java.util.List;
import java.util.Map;

/**
 * Updates parameters from their gradients, as {@code torch.optim.Optimizer}: the training loop
 * reads as in PyTorch,
 *
 * <pre>{@code
 * Optimizer opt = new SGD(net.parameters(), 0.01);
 * for (...) {
 *     opt.zeroGrad();
 *     Tensor loss = criterion.forward(net.forward(x), y);
 *     loss.backward();
 *     opt.step();
 * }
 * }</pre>
 *
 * <p>Parameters are held in {@link ParamGroup}s, each with its own typed hyper-parameters (see
 * {@link OptimizerOptions}). Position {@code i} in the flattened list of every group's
 * parameters ({@link #params()}) names a parameter's state in {@link #stateDict()}, which holds
 * the hyper-parameters under PyTorch's names and the per-parameter state, for checkpoints.
 * {@link SGD}, {@link Adam}, {@link AdamW}, {@link RMSprop} and {@link Adagrad} implement it on
 * {@link AbstractOptimizer}.
 */
public interface Optimizer extends Stateful {

    /**
     * Updates every parameter that has a gradient, with recording off; an exception changes nothing.
     */
    void step();

    /** Clears every parameter's gradient (sets it to null, as PyTorch's {@code zero_grad()}). */
    void zeroGrad();

    /**
     * The optimiser's name, as in messages.
     *
     * @return e.g. {@code "SGD"}
     */
    String name();

    /**
     * The parameter groups, in order.
     *
     * @return a read-only list; a group's hyper-parameters can be set
     */
    List<? extends ParamGroup<?>> paramGroups();

    /**
     * Every group's parameters, in order: position {@code i} is {@code "param.i"} in {@link #stateDict()}.
     *
     * @return the parameters (read-only)
     */
    List<Tensor> params();

    /**
     * The learning rate shared by all groups.
     *
     * @return the learning rate
     * @throws IllegalStateException when groups have different learning rates (read each group's)
     */
    double lr();

    /**
     * Sets the learning rate of every group, after checking it.
     *
     * @param lr the learning rate
     * @throws IllegalArgumentException when it is negative or not finite (nothing changes)
     */
    void setLr(double lr);

    /**
     * A snapshot for checkpoints: every group's hyper-parameters as 0-d tensors under PyTorch's
     * names ({@code "group.0.lr"}, {@code "group.0.momentum"}, switches as 1 or 0) with its
     * parameters' positions ({@code "group.0.params"}, 1-d), and every parameter's state
     * ({@code "param.3.exp_avg"}, {@code "param.3.step"} as a 0-d tensor, ...) under its position in
     * {@link #params()}. The tensors are copies.
     */
    @Override
    Map<String, Tensor> stateDict();

    /**
     * Restores a snapshot from {@link #stateDict()} of an optimiser of the same kind over parameters
     * of the same shapes in the same groups. Everything is checked before anything changes: every
     * key is known, every hyper-parameter is present and acceptable, each parameter's state is
     * complete, finite, of the right shape and sign for the loaded hyper-parameters.
     *
     * @throws IllegalArgumentException naming the first key that does not fit (nothing changes)
     */
    @Override
    void loadStateDict(Map<String, Tensor> state);
}
