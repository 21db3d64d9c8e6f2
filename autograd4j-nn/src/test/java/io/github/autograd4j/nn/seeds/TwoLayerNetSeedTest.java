package io.github.autograd4j.nn.seeds;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.autograd4j.Tensor;
import io.github.autograd4j.nn.Linear;
import io.github.autograd4j.nn.Module;
import io.github.autograd4j.nn.ReLU;
import io.github.autograd4j.nn.Sequential;
import io.github.autograd4j.nn.loss.MSELoss;
import io.github.autograd4j.nn.optim.Optimizer;
import io.github.autograd4j.nn.optim.SGD;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Seed example 3: PyTorch's two-layer net Linear(10, 20) - ReLU - Linear(20, 5), MSE loss, SGD at
 * 0.01, with the training loop written as in PyTorch; one step equals the update by hand.
 */
class TwoLayerNetSeedTest {

    private final Random rng = new Random(3);
    private final Tensor x = Tensor.randn(rng, 16, 10);
    private final Tensor y = Tensor.randn(rng, 16, 5);

    @Test
    void theLossFallsOverAHundredSteps() {
        Module net = new Sequential(new Linear(10, 20, rng), new ReLU(), new Linear(20, 5, rng));
        MSELoss criterion = new MSELoss();
        Optimizer optimizer = new SGD(net.parameters(), 0.01);
        double first = 0;
        double last = 0;
        for (int step = 0; step < 100; step++) {
            optimizer.zeroGrad();
            Tensor loss = criterion.forward(net.forward(x), y);
            loss.backward();
            optimizer.step();
            first = step == 0 ? loss.item() : first;
            last = loss.item();
        }
        assertTrue(last < 0.9 * first, first + " -> " + last);
    }

    @Test
    void oneStepEqualsTheUpdateByHand() {
        Linear l1 = new Linear(10, 20, rng);
        Linear l2 = new Linear(20, 5, rng);
        Module net = new Sequential(l1, new ReLU(), l2);
        double[][] w1 = rows(l1.weight());
        double[] b1 = l1.bias().toArray();
        double[][] w2 = rows(l2.weight());
        double[] b2 = l2.bias().toArray();
        double[][] xs = rows(x);
        double[][] ys = rows(y);

        Optimizer optimizer = new SGD(net.parameters(), 0.01);
        optimizer.zeroGrad();
        Tensor loss = new MSELoss().forward(net.forward(x), y);
        loss.backward();
        optimizer.step();

        // the same by hand: z = x W1^T + b1, h = relu(z), o = h W2^T + b2, L = mean((o - y)^2)
        int n = xs.length;
        double[][] dW1 = new double[20][10];
        double[] db1 = new double[20];
        double[][] dW2 = new double[5][20];
        double[] db2 = new double[5];
        double expectedLoss = 0;
        for (int s = 0; s < n; s++) {
            double[] z = new double[20];
            double[] h = new double[20];
            for (int j = 0; j < 20; j++) {
                z[j] = b1[j];
                for (int k = 0; k < 10; k++) {
                    z[j] += xs[s][k] * w1[j][k];
                }
                h[j] = Math.max(z[j], 0);
            }
            double[] dh = new double[20];
            for (int o = 0; o < 5; o++) {
                double out = b2[o];
                for (int j = 0; j < 20; j++) {
                    out += h[j] * w2[o][j];
                }
                double diff = out - ys[s][o];
                expectedLoss += diff * diff / (n * 5);
                double dOut = 2 * diff / (n * 5);
                db2[o] += dOut;
                for (int j = 0; j < 20; j++) {
                    dW2[o][j] += dOut * h[j];
                    dh[j] += dOut * w2[o][j];
                }
            }
            for (int j = 0; j < 20; j++) {
                double dz = z[j] > 0 ? dh[j] : 0;
                db1[j] += dz;
                for (int k = 0; k < 10; k++) {
                    dW1[j][k] += dz * xs[s][k];
                }
            }
        }
        assertEquals(expectedLoss, loss.item(), 1e-12);
        assertArrayEquals(flatten(step(w1, dW1)), l1.weight().toArray(), 1e-12);
        assertArrayEquals(step(b1, db1), l1.bias().toArray(), 1e-12);
        assertArrayEquals(flatten(step(w2, dW2)), l2.weight().toArray(), 1e-12);
        assertArrayEquals(step(b2, db2), l2.bias().toArray(), 1e-12);
    }

    private static double[][] rows(Tensor t) {
        double[][] out = new double[t.size(0)][t.size(1)];
        for (int i = 0; i < out.length; i++) {
            for (int j = 0; j < out[i].length; j++) {
                out[i][j] = t.get(i, j);
            }
        }
        return out;
    }

    private static double[] step(double[] p, double[] g) {
        double[] out = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            out[i] = p[i] - 0.01 * g[i];
        }
        return out;
    }

    private static double[][] step(double[][] p, double[][] g) {
        double[][] out = new double[p.length][];
        for (int i = 0; i < p.length; i++) {
            out[i] = step(p[i], g[i]);
        }
        return out;
    }

    private static double[] flatten(double[][] m) {
        return java.util.Arrays.stream(m).flatMapToDouble(java.util.Arrays::stream).toArray();
    }
}
