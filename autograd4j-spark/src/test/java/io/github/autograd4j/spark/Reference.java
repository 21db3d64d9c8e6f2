package io.github.autograd4j.spark;

import io.github.autograd4j.Generator;
import io.github.autograd4j.Tensor;
import io.github.autograd4j.nn.Module;
import io.github.autograd4j.nn.data.Batch;
import io.github.autograd4j.nn.data.DataLoader;
import io.github.autograd4j.nn.data.TensorDataset;
import io.github.autograd4j.nn.loss.CrossEntropyLoss;
import io.github.autograd4j.nn.optim.Adam;
import io.github.autograd4j.nn.optim.LrScheduler;
import io.github.autograd4j.nn.optim.Optimizer;
import io.github.autograd4j.nn.optim.StepLR;
import java.io.IOException;
import java.util.List;

/**
 * The training set-up the tests share, run by a {@link SparkTrainer} or by a single process:
 * the toy model, Adam at 0.05 halved every 5 steps, batches of 16 shuffled with seed 3.
 */
final class Reference {

    static final int BATCH = 16;
    static final long SEED = 3;

    private Reference() {
    }

    static Optimizer optimizer(List<Tensor> params) {
        return Adam.builder().lr(0.05).build(params);
    }

    static LrScheduler scheduler(Optimizer optimizer) {
        return new StepLR(optimizer, 5, 0.5);
    }

    /** A trainer builder for the toy model with this set-up. */
    static SparkTrainer.Builder trainer(SerializableSupplier<Module> model) {
        return SparkTrainer.builder(model, CrossEntropyLoss::new).optimizer(Reference::optimizer)
                .scheduler(Reference::scheduler).batchSize(BATCH).seed(SEED);
    }

    /** The toy model's parameters after {@code steps} steps on {@code partitions} partitions, initialised from {@code init}. */
    static double[] spark(long init, int partitions, int steps) throws IOException {
        Generator.manualSeed(init);
        try (SparkTrainer trainer = trainer(LocalSpark::model).build(LocalSpark.samples(partitions), new int[] {LocalSpark.FEATURES},
                new int[] {})) {
            trainer.train(steps);
            return ModelSpec.flatten(trainer.model().parameters());
        }
    }

    /** The same in one process: the README's training loop, a DataLoader shuffling with the same seed, stopped after {@code steps} batches. */
    static double[] singleProcess(long init, int steps) {
        Generator.manualSeed(init);
        Module net = LocalSpark.model();
        Optimizer optimizer = optimizer(net.parameters());
        LrScheduler scheduler = scheduler(optimizer);
        CrossEntropyLoss criterion = new CrossEntropyLoss();
        DataLoader loader = new DataLoader(new TensorDataset(LocalSpark.inputs(), LocalSpark.targets()), BATCH, true, SEED, false);
        int done = 0;
        while (done < steps) {
            for (Batch batch : loader) {
                if (done == steps) {
                    break;
                }
                optimizer.zeroGrad();
                criterion.forward(net.forward(batch.get(0)), batch.get(1)).backward();
                optimizer.step();
                scheduler.step();
                done++;
            }
        }
        return ModelSpec.flatten(net.parameters());
    }
}
