package io.github.autograd4j.nn.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.github.autograd4j.Tensor;
import java.util.Arrays;
import java.util.List;

/**
 * The fixed problem the optimiser tests run on: parameters {@code p1} of shape (2, 3) and
 * {@code p2} of shape (3,), and the loss
 *
 * <pre>
 *   L = Σ A ⊙ p1 ⊙ p1 + Σ B ⊙ p2 ⊙ p2 ⊙ p2 + Σ p1 ⊙ p2      (p2 broadcast over p1's rows)
 * </pre>
 *
 * whose gradient is also written out in plain doubles, so that a reference optimiser can run
 * without tensors: {@code dL/dp1[i][j] = 2 A[i][j] p1[i][j] + p2[j]} and
 * {@code dL/dp2[j] = 3 B[j] p2[j]² + Σ_i p1[i][j]}.
 */
final class Quadratic {

    static final double[] P1 = {0.5, -1.2, 0.8, 1.5, -0.3, 0.9};
    static final double[] P2 = {0.7, -0.4, 1.1};
    private static final double[] A = {1.0, 0.5, 2.0, 1.5, 0.8, 1.2};
    private static final double[] B = {0.3, -0.2, 0.5};

    /** How many steps every parity test takes. */
    static final int STEPS = 5;

    private Quadratic() {
    }

    /** Fresh parameters at the starting point. */
    static List<Tensor> params() {
        return List.of(Tensor.of(P1, 2, 3).requiresGrad(true), Tensor.vector(P2).requiresGrad(true));
    }

    static Tensor loss(List<Tensor> params) {
        Tensor p1 = params.get(0);
        Tensor p2 = params.get(1);
        Tensor quadratic = Tensor.of(A, 2, 3).mul(p1).mul(p1).sum();
        Tensor cubic = Tensor.vector(B).mul(p2).mul(p2).mul(p2).sum();
        return quadratic.add(cubic).add(p1.mul(p2).sum());
    }

    /** {@code steps} rounds of zeroGrad, backward, step: the training loop. */
    static void train(Optimizer optimizer, List<Tensor> params, int steps) {
        for (int s = 0; s < steps; s++) {
            optimizer.zeroGrad();
            loss(params).backward();
            optimizer.step();
        }
    }

    /** The gradient at {@code p} = {p1 (6 values, row-major), p2 (3 values)}, in plain doubles. */
    static double[][] gradient(double[][] p) {
        double[] p1 = p[0];
        double[] p2 = p[1];
        double[] g1 = new double[6];
        double[] g2 = new double[3];
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 3; j++) {
                g1[i * 3 + j] = 2 * A[i * 3 + j] * p1[i * 3 + j] + p2[j];
                g2[j] += p1[i * 3 + j];
            }
        }
        for (int j = 0; j < 3; j++) {
            g2[j] += 3 * B[j] * p2[j] * p2[j];
        }
        return new double[][] {g1, g2};
    }

    /** A reference optimiser in plain doubles, one element at a time. */
    abstract static class Reference {
        /** The step being taken: 1 for the first. */
        int t;

        /** Updates element {@code e} of parameter {@code k}, whose value is {@code theta} and gradient {@code g}; returns the new value. */
        abstract double update(int k, int e, double theta, double g);
    }

    /** The parameters after {@link #STEPS} steps of {@code reference}. */
    static double[][] referenceRun(Reference reference) {
        double[][] p = {P1.clone(), P2.clone()};
        for (int s = 0; s < STEPS; s++) {
            double[][] g = gradient(p);
            reference.t = s + 1;
            for (int k = 0; k < 2; k++) {
                for (int e = 0; e < p[k].length; e++) {
                    p[k][e] = reference.update(k, e, p[k][e], g[k][e]);
                }
            }
        }
        return p;
    }

    /** Runs {@code optimizer} {@link #STEPS} steps and checks the parameters against {@code reference} to 1e-12. */
    static void assertMatches(Optimizer optimizer, List<Tensor> params, Reference reference) {
        train(optimizer, params, STEPS);
        double[][] expected = referenceRun(reference);
        for (int k = 0; k < 2; k++) {
            double[] actual = params.get(k).toArray();
            for (int e = 0; e < actual.length; e++) {
                assertEquals(expected[k][e], actual[e], 1e-12, "parameter " + k + ", element " + e);
            }
        }
        // the run must have moved the parameters, or the comparison says nothing
        assertFalse(Arrays.equals(params.get(0).toArray(), P1), "p1 did not move");
    }

    /** A state array per parameter element, shaped like the parameters, filled with {@code value}. */
    static double[][] filled(double value) {
        double[][] s = {new double[6], new double[3]};
        Arrays.fill(s[0], value);
        Arrays.fill(s[1], value);
        return s;
    }
}
