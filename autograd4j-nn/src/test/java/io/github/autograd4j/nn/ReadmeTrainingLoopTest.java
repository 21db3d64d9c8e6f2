package io.github.autograd4j.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.autograd4j.Generator;
import io.github.autograd4j.Tensor;
import io.github.autograd4j.nn.data.Batch;
import io.github.autograd4j.nn.data.DataLoader;
import io.github.autograd4j.nn.data.TensorDataset;
import io.github.autograd4j.nn.io.Checkpoint;
import io.github.autograd4j.nn.loss.CrossEntropyLoss;
import io.github.autograd4j.nn.optim.Adam;
import io.github.autograd4j.nn.optim.CosineAnnealingLR;
import io.github.autograd4j.nn.optim.LrScheduler;
import io.github.autograd4j.nn.optim.Optimizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's training loop, compiled and run (keep the two in sync), and killed part way: a run
 * started again from its checkpoint ends with the weights of an uninterrupted run, bit for bit,
 * whether it was killed in the middle of an epoch or right after an epoch's last batch.
 */
class ReadmeTrainingLoopTest {

    @TempDir
    static Path dir;

    /** The weights after the whole loop, uninterrupted. */
    private static List<double[]> uninterrupted;

    /** What a kill -9 would do to the loop: stop it, after the checkpoint of some batch was written. */
    private static final class Killed extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    /** The README's loop; {@code killAfter} checkpoints it stops as if killed (never when negative). Returns the trained model. */
    private static Module readmeLoop(Path path, int killAfter) throws IOException {
        int[] saves = {0};
        // ---- as in README.md, "Training a model"
        Generator.manualSeed(42);                                        // torch.manual_seed(42)
        Tensor inputs = Tensor.randn(256, 10);
        Tensor labels = inputs.sum(1, false).gt(0);                      // two classes

        Module net = new Sequential(new Linear(10, 20), new ReLU(), new Linear(20, 2));
        CrossEntropyLoss criterion = new CrossEntropyLoss();
        Optimizer optimizer = Adam.builder().lr(0.01).build(net.parameters());
        LrScheduler scheduler = new CosineAnnealingLR(optimizer, 20, 0.0);
        DataLoader loader = new DataLoader(new TensorDataset(inputs, labels), 32, true);   // shuffled
        Map<String, Stateful> state = Map.of("scheduler", scheduler, "loader", loader);

        int start = 0;
        if (Files.exists(path)) {                                        // resume where the last run stopped
            start = Integer.parseInt(Checkpoint.restore(path, net, optimizer, state).metadata().get("epoch"));
        }
        for (int epoch = start; epoch < 20; epoch++) {
            for (Batch batch : loader) {
                optimizer.zeroGrad();
                Tensor loss = criterion.forward(net.forward(batch.get(0)), batch.get(1));
                loss.backward();
                optimizer.step();
                Checkpoint.save(path, net, optimizer, state, Map.of("epoch", Integer.toString(epoch)));
                if (++saves[0] == killAfter) {                           // the test's kill switch, not in the README
                    throw new Killed();
                }
            }
            scheduler.step();
        }
        // ---- end of the README's loop
        return net;
    }

    @BeforeAll
    static void runUninterrupted() throws IOException {
        uninterrupted = readmeLoop(dir.resolve("uninterrupted.safetensors"), -1).parameters().stream().map(Tensor::toArray).toList();
    }

    @Test
    void theTrainingLoopRunsAsWritten() throws IOException {
        Module net = readmeLoop(dir.resolve("checkpoint.safetensors"), -1);
        List<double[]> weights = net.parameters().stream().map(Tensor::toArray).toList();
        for (int i = 0; i < weights.size(); i++) {
            assertArrayEquals(uninterrupted.get(i), weights.get(i), 0.0, "the same seed, the same run: parameter " + i);
        }
        Generator.manualSeed(42);
        Tensor inputs = Tensor.randn(256, 10);
        Tensor labels = inputs.sum(1, false).gt(0);
        double accuracy = net.forward(inputs).argmax(1, false).eq(labels).mean().item();
        assertTrue(accuracy > 0.95, "accuracy " + accuracy);
    }

    /** Killed after {@code killAfter} batches and started again: the weights of the uninterrupted run. */
    private void assertResumesBitForBit(int killAfter) throws IOException {
        Path path = dir.resolve("killed-" + killAfter + ".safetensors");
        assertThrows(Killed.class, () -> readmeLoop(path, killAfter));
        List<double[]> resumed = readmeLoop(path, -1).parameters().stream().map(Tensor::toArray).toList();
        assertEquals(uninterrupted.size(), resumed.size());
        for (int i = 0; i < resumed.size(); i++) {
            assertArrayEquals(uninterrupted.get(i), resumed.get(i), 0.0, "parameter " + i + ", killed after batch " + killAfter);
        }
    }

    @Test
    void killedInTheMiddleOfAnEpochItResumesBitForBit() throws IOException {
        assertResumesBitForBit(8 * 6 + 3);   // 8 batches an epoch: the 4th batch of epoch 6
    }

    @Test
    void killedAfterAnEpochsLastBatchItResumesBitForBit() throws IOException {
        assertResumesBitForBit(8 * 11);      // the last batch of epoch 10, before the scheduler's step
    }
}
