package io.github.autograd4j.nn.seeds;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.autograd4j.Autograd;
import io.github.autograd4j.Tensor;
import io.github.autograd4j.nn.data.Batch;
import io.github.autograd4j.nn.data.DataLoader;
import io.github.autograd4j.nn.data.TensorDataset;
import io.github.autograd4j.nn.loss.BCELoss;
import io.github.autograd4j.nn.optim.SGD;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Seed example 4: logistic regression with binary cross-entropy and an L2 weight-decay term in
 * the cost, J(w, b) = BCE(sigmoid(X w + b), y) + lambda/2 |w|^2, trained by full-batch,
 * mini-batch and stochastic gradient descent. The cost is strictly convex, so all three must
 * reach the same optimum; the two stochastic ones with a decaying rate lr0 / (1 + 0.02 t).
 */
class LogisticRegressionSeedTest {

    private static final double LAMBDA = 0.05;
    private static final int N = 40;
    private static final Tensor X;
    private static final Tensor Y;

    static {
        Random r = new Random(4);
        double[] xs = new double[N * 2];
        double[] ys = new double[N];
        for (int i = 0; i < N; i++) {
            xs[2 * i] = r.nextGaussian();
            xs[2 * i + 1] = r.nextGaussian();
            double z = 1.5 * xs[2 * i] - 2 * xs[2 * i + 1] + 0.3 + r.nextGaussian();
            ys[i] = z > 0 ? 1 : 0;
        }
        X = Tensor.of(xs, N, 2);
        Y = Tensor.of(ys, N);
    }

    private static Tensor bce(Tensor x, Tensor y, Tensor w, Tensor b) {
        return new BCELoss().forward(x.matmul(w).add(b).sigmoid(), y);
    }

    private static Tensor cost(Tensor x, Tensor y, Tensor w, Tensor b) {
        return bce(x, y, w, b).add(w.pow(2.0).sum().mul(LAMBDA / 2));
    }

    /** Gradient descent on the cost over batches of {@code batchSize}; returns (w0, w1, b). */
    private static double[] train(int batchSize, int epochs, double lr0, double decay) {
        Tensor w = Tensor.zeros(2).requiresGrad(true);
        Tensor b = Tensor.zeros(1).requiresGrad(true);
        SGD optimizer = new SGD(List.of(w, b), lr0);
        DataLoader loader = new DataLoader(new TensorDataset(X, Y), batchSize, true, new Random(1), false);
        int t = 0;
        for (int epoch = 0; epoch < epochs; epoch++) {
            for (Batch batch : loader) {
                optimizer.setLr(lr0 / (1 + decay * t++));
                optimizer.zeroGrad();
                Tensor loss = cost(batch.get(0), batch.get(1), w, b);
                loss.backward();
                optimizer.step();
            }
        }
        return new double[] {w.get(0), w.get(1), b.get(0)};
    }

    @Test
    void fullBatchMiniBatchAndStochasticReachTheSameOptimum() {
        double[] full = train(N, 2000, 1.0, 0.0);
        Tensor w = Tensor.vector(full[0], full[1]).requiresGrad(true);
        Tensor b = Tensor.vector(full[2]).requiresGrad(true);
        List<Tensor> g = Autograd.grad(cost(X, Y, w, b), List.of(w, b), false);
        assertTrue(g.get(0).norm().item() < 1e-9 && g.get(1).norm().item() < 1e-9, "full batch is at the optimum: " + g);

        assertArrayEquals(full, train(8, 4000, 0.5, 0.02), 1e-4, "mini-batch");
        assertArrayEquals(full, train(1, 4000, 0.5, 0.02), 1e-4, "stochastic");
    }

    @Test
    void weightDecayInTheCostEqualsSgdsWeightDecayOption() {
        Random rng = new Random(9);
        double[] w0 = {rng.nextGaussian(), rng.nextGaussian()};
        double b0 = rng.nextGaussian();

        Tensor w1 = Tensor.vector(w0).requiresGrad(true);
        Tensor b1 = Tensor.vector(b0).requiresGrad(true);
        SGD inCost = new SGD(List.of(w1, b1), 0.3);
        cost(X, Y, w1, b1).backward();
        inCost.step();

        Tensor w2 = Tensor.vector(w0).requiresGrad(true);
        Tensor b2 = Tensor.vector(b0).requiresGrad(true);
        SGD option = SGD.builder().lr(0.3).group(List.of(w2), g -> g.weightDecay(LAMBDA)).group(List.of(b2)).build();
        bce(X, Y, w2, b2).backward();
        option.step();

        assertArrayEquals(w1.toArray(), w2.toArray(), 1e-12);
        assertArrayEquals(b1.toArray(), b2.toArray(), 1e-12);
    }
}
