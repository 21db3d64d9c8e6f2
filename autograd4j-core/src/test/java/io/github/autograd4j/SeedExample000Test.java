package io.github.autograd4j;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Seed example 000: a two-layer sigmoid net without biases, one gradient-descent step, on Values.
 * The expectations are the rounded figures of the seed (to 1e-8) and the chain rule written out
 * by hand (to 1e-12).
 */
class SeedExample000Test {

    private static final double LR = 0.1;

    /** The forward pass and the gradients, recorded by the engine. */
    private static final class Net {
        final Value[] x = {Value.constant(1), Value.constant(-2)};
        final Value[][] w1 = {
            {Value.of(1, "W1[0,0]"), Value.of(-1, "W1[0,1]")},
            {Value.of(2, "W1[1,0]"), Value.of(1, "W1[1,1]")}};
        final Value[] w2 = {Value.of(2, "W2[0]"), Value.of(-1, "W2[1]")};
        final Value[] z1 = new Value[2];
        final Value[] a1 = new Value[2];
        final Value z2;
        final Value yhat;
        final Value loss;

        Net() {
            for (int i = 0; i < 2; i++) {
                z1[i] = w1[i][0].mul(x[0]).add(w1[i][1].mul(x[1]));
                a1[i] = z1[i].sigmoid();
            }
            z2 = w2[0].mul(a1[0]).add(w2[1].mul(a1[1]));
            yhat = z2.sigmoid();
            loss = yhat.sub(1.0).pow(2).mul(0.5);
        }
    }

    @Test
    void forwardMatchesTheSeedDigits() {
        Net net = new Net();
        assertEquals(3.0, net.z1[0].data(), 1e-8);
        assertEquals(0.0, net.z1[1].data(), 1e-8);
        assertEquals(0.95257413, net.a1[0].data(), 1e-8);
        assertEquals(0.5, net.a1[1].data(), 1e-8);
        assertEquals(1.40514825, net.z2.data(), 1e-8);
        assertEquals(0.80299957, net.yhat.data(), 1e-8);
        assertEquals(0.01940459, net.loss.data(), 1e-8);
    }

    @Test
    void gradientsAndUpdateMatchTheSeedDigits() {
        Net net = new Net();
        net.loss.backward();
        assertEquals(-0.02968578, net.w2[0].grad(), 1e-8);
        assertEquals(-0.01558187, net.w2[1].grad(), 1e-8);
        assertEquals(-0.00281575, net.w1[0][0].grad(), 1e-8);
        assertEquals(0.0056315, net.w1[0][1].grad(), 1e-8);
        assertEquals(0.00779094, net.w1[1][0].grad(), 1e-8);
        assertEquals(-0.01558187, net.w1[1][1].grad(), 1e-8);

        step(net);
        assertEquals(2.00296858, net.w2[0].data(), 1e-8);
        assertEquals(-0.99844181, net.w2[1].data(), 1e-8);
        assertEquals(1.00028157, net.w1[0][0].data(), 1e-8);
        assertEquals(-1.00056315, net.w1[0][1].data(), 1e-8);
        assertEquals(1.99922091, net.w1[1][0].data(), 1e-8);
        assertEquals(1.00155819, net.w1[1][1].data(), 1e-8);
    }

    @Test
    void gradientsAndUpdateEqualTheChainRuleByHand() {
        double[] x = {1, -2};
        double[][] w1 = {{1, -1}, {2, 1}};
        double[] w2 = {2, -1};
        double[] a1 = new double[2];
        for (int i = 0; i < 2; i++) {
            a1[i] = sigmoid(w1[i][0] * x[0] + w1[i][1] * x[1]);
        }
        double yhat = sigmoid(w2[0] * a1[0] + w2[1] * a1[1]);
        double dz2 = (yhat - 1.0) * yhat * (1.0 - yhat);   // dJ/dyhat * sigmoid'(z2)
        double[] dw2 = {dz2 * a1[0], dz2 * a1[1]};
        double[][] dw1 = new double[2][2];
        for (int i = 0; i < 2; i++) {
            double dz1 = dz2 * w2[i] * a1[i] * (1.0 - a1[i]);
            dw1[i][0] = dz1 * x[0];
            dw1[i][1] = dz1 * x[1];
        }

        Net net = new Net();
        net.loss.backward();
        for (int i = 0; i < 2; i++) {
            assertEquals(dw2[i], net.w2[i].grad(), 1e-12);
            for (int j = 0; j < 2; j++) {
                assertEquals(dw1[i][j], net.w1[i][j].grad(), 1e-12);
            }
        }
        step(net);
        for (int i = 0; i < 2; i++) {
            assertEquals(w2[i] - LR * dw2[i], net.w2[i].data(), 1e-12);
            for (int j = 0; j < 2; j++) {
                assertEquals(w1[i][j] - LR * dw1[i][j], net.w1[i][j].data(), 1e-12);
            }
        }
    }

    private static void step(Net net) {
        for (Value p : new Value[] {net.w1[0][0], net.w1[0][1], net.w1[1][0], net.w1[1][1], net.w2[0], net.w2[1]}) {
            p.setData(p.data() - LR * p.grad());
        }
    }

    private static double sigmoid(double z) {
        return 1.0 / (1.0 + Math.exp(-z));
    }
}
