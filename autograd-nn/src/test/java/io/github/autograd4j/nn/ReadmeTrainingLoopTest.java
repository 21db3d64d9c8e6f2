package io.github.autograd4j.nn;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.autograd4j.Tensor;
import io.github.autograd4j.nn.data.Batch;
import io.github.autograd4j.nn.data.DataLoader;
import io.github.autograd4j.nn.data.TensorDataset;
import io.github.autograd4j.nn.loss.CrossEntropyLoss;
import io.github.autograd4j.nn.optim.Adam;
import io.github.autograd4j.nn.optim.Optimizer;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The README's training loop, compiled and run: keep the two in sync. */
class ReadmeTrainingLoopTest {

    @Test
    void theTrainingLoopRunsAsWritten() {
        Random rng = new Random(42);
        Tensor inputs = Tensor.randn(rng, 256, 10);
        Tensor labels = inputs.sum(1, false).gt(0);                     // two classes

        Module net = new Sequential(new Linear(10, 20, rng), new ReLU(), new Linear(20, 2, rng));
        CrossEntropyLoss criterion = new CrossEntropyLoss();
        Optimizer optimizer = Adam.builder().lr(0.01).build(net.parameters());
        DataLoader loader = new DataLoader(new TensorDataset(inputs, labels), 32, true, rng, false);

        for (int epoch = 0; epoch < 20; epoch++) {
            for (Batch batch : loader) {
                optimizer.zeroGrad();
                Tensor loss = criterion.forward(net.forward(batch.get(0)), batch.get(1));
                loss.backward();
                optimizer.step();
            }
        }

        double accuracy = net.forward(inputs).argmax(1, false).eq(labels).mean().item();
        assertTrue(accuracy > 0.95, "accuracy " + accuracy);
    }
}
