package io.github.autograd4j.nn.scalar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Seed examples 2 and 2b: XOR learnt by small sigmoid MLPs with biases and plain full-batch gradient descent. */
class XorSeedExampleTest {

    /** 2b: 2-2-1, MSE, rate 0.1; from seed 1 accuracy first reaches 100% after 6,500 steps. */
    @Test
    void twoTwoOneWithMseLearnsXor() {
        assertLearnsXor(1, 2, Xor.Loss.MSE, 0.1, 20_000, 0.005);
    }

    /** 2: 2-4-1, binary cross-entropy, rate 0.03, 10,000 steps (26 of seeds 0-39 reach 100%). */
    @Test
    void twoFourOneWithCrossEntropyLearnsXor() {
        assertLearnsXor(3, 4, Xor.Loss.BCE, 0.03, 10_000, 0.1);
    }

    private static void assertLearnsXor(long seed, int hidden, Xor.Loss loss, double rate, int steps, double maxLoss) {
        ScalarMLP net = new ScalarMLP(new Random(seed), Activation.SIGMOID, Activation.SIGMOID, 2, hidden, 1);
        double last = Xor.train(net, loss, rate, steps);
        assertEquals(1.0, Xor.accuracy(net));
        assertTrue(last < maxLoss, "loss " + last);
    }
}
