package io.github.autograd4j.nn.optim;

import io.github.autograd4j.nn.Stateful;
import java.util.List;

/**
 * Changes an optimiser's learning rates as training goes, as {@code torch.optim.lr_scheduler}:
 * each scheduler sets every group's {@code lr} from that group's learning rate when the scheduler
 * was made. Call {@link #step()} after {@code optimizer.step()}, once per epoch (or per batch, as
 * the schedule is meant):
 *
 * <pre>{@code
 * LrScheduler schedule = new StepLR(optimizer, 30, 0.1);
 * for (int epoch = 0; epoch < 100; epoch++) {
 *     train(optimizer);
 *     schedule.step();
 * }
 * }</pre>
 *
 * A scheduler is {@link Stateful}: a checkpoint saves how far it has gone, so that a resumed run
 * follows the same schedule. {@link ReduceLROnPlateau} is not one of these: it steps on a metric,
 * {@code step(double)}.
 */
public interface LrScheduler extends Stateful {

    /** Advances the schedule by one step and sets the optimiser's learning rates. */
    void step();

    /**
     * The learning rate of each group as last set by this scheduler (PyTorch's {@code get_last_lr()}).
     *
     * @return one rate per group
     */
    List<Double> lastLr();
}
