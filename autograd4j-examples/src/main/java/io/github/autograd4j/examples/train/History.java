package io.github.autograd4j.examples.train;

import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * A training run's epochs, first to last (a resumed run's include those before the checkpoint).
 *
 * @param epochs one entry per epoch
 */
public record History(List<EpochStats> epochs) {

    /** Keeps a copy. */
    public History {
        epochs = List.copyOf(epochs);
    }

    /** The last epoch's stats. */
    public EpochStats last() {
        return epochs.get(epochs.size() - 1);
    }

    /** One value per epoch, e.g. {@code series(EpochStats::trainLoss)}, for plots. */
    public double[] series(ToDoubleFunction<EpochStats> value) {
        return epochs.stream().mapToDouble(value).toArray();
    }
}
