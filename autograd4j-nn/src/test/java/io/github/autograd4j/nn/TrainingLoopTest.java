package io.github.autograd4j.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.autograd4j.Grad;
import io.github.autograd4j.Tensor;
import io.github.autograd4j.nn.loss.CrossEntropyLoss;
import io.github.autograd4j.nn.loss.Loss;
import io.github.autograd4j.nn.optim.Optimizer;
import io.github.autograd4j.nn.optim.SGD;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The PyTorch training loop, line by line, learns XOR; and repeats exactly for a seed. */
class TrainingLoopTest {

    private static final Tensor X = Tensor.of(new double[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}});
    private static final Tensor Y = Tensor.vector(0, 1, 1, 0);

    /** Trains a fresh MLP from {@code seed} and returns its logits on X after training, in eval mode. */
    @SuppressWarnings("try")
    private static Tensor train(long seed) {
        Random rng = new Random(seed);
        Module net = new Sequential(new Linear(2, 16, rng), new Tanh(), new Dropout(0.1, rng), new Linear(16, 2, rng));
        Loss criterion = new CrossEntropyLoss();
        Optimizer optimizer = new SGD(net.parameters(), 0.5);
        double first = Double.NaN;
        double last = Double.NaN;
        for (int epoch = 0; epoch < 300; epoch++) {
            optimizer.zeroGrad();
            Tensor loss = criterion.forward(net.forward(X), Y);
            loss.backward();
            optimizer.step();
            first = epoch == 0 ? loss.item() : first;
            last = loss.item();
        }
        assertTrue(last < 0.2 * first, "loss " + first + " -> " + last);
        net.eval();
        try (var s = Grad.disabled()) {
            return net.forward(X);
        }
    }

    @Test
    void learnsXorAndRepeatsForASeed() {
        Tensor logits = train(0);
        assertArrayEquals(Y.toArray(), logits.argmax(1, false).toArray(), 0.0);
        assertArrayEquals(logits.toArray(), train(0).toArray(), 0.0);
    }
}
