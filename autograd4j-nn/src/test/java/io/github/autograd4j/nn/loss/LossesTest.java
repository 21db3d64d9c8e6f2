package io.github.autograd4j.nn.loss;

import io.github.autograd4j.TestInputs;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.autograd4j.GradCheck;
import io.github.autograd4j.Tensor;
import io.github.autograd4j.nn.TestTensors;
import java.util.Arrays;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Each loss against its closed form on small hand inputs for every reduction, its gradients by
 * GradCheck (second order for the smooth ones), stability at extreme logits, and its messages.
 */
class LossesTest {

    private static final double TOL = 1e-12;

    /** {@code loss} with each reduction: NONE gives {@code perElement} (of {@code shape}), SUM their sum, MEAN their mean. */
    private static void assertReductions(Function<Reduction, Loss> loss, Tensor input, Tensor target,
                                         double[] perElement, int... shape) {
        TestTensors.assertTensor(perElement, shape, loss.apply(Reduction.NONE).forward(input, target), TOL);
        double sum = Arrays.stream(perElement).sum();
        TestTensors.assertTensor(new double[] {sum}, new int[0], loss.apply(Reduction.SUM).forward(input, target), TOL);
        TestTensors.assertTensor(new double[] {sum / perElement.length}, new int[0],
                loss.apply(Reduction.MEAN).forward(input, target), TOL);
    }

    /** GradCheck of {@code loss} with respect to the input, unreduced (the whole Jacobian) and by the mean. */
    private static void assertGradients(Function<Reduction, Loss> loss, Tensor input, Tensor target, boolean secondOrder) {
        for (Reduction r : new Reduction[] {Reduction.NONE, Reduction.MEAN}) {
            Loss criterion = loss.apply(r);
            GradCheck check = GradCheck.of(t -> criterion.forward(t[0], target), input);
            check.assertPassed();
            if (secondOrder) {
                check.gradGrad().assertPassed();
            }
        }
    }

    private static String message(Loss loss, Tensor input, Tensor target) {
        return assertThrows(IllegalArgumentException.class, () -> loss.forward(input, target)).getMessage();
    }

    private static double logSumExp(double... v) {
        double max = Arrays.stream(v).max().orElseThrow();
        return max + Math.log(Arrays.stream(v).map(x -> Math.exp(x - max)).sum());
    }

    // ------------------------------------------------------------------ regression losses

    private static final Tensor X = Tensor.of(new double[][] {{0.5, -1}, {2, 0}});
    private static final Tensor Y = Tensor.ones(2, 2);

    @Test
    void mseIsTheSquaredDifference() {
        assertReductions(MSELoss::new, X, Y, new double[] {0.25, 4, 1, 1}, 2, 2);
        assertEquals(1.5625, new MSELoss().forward(X, Y).item(), TOL);
    }

    @Test
    void l1IsTheAbsoluteDifference() {
        assertReductions(L1Loss::new, X, Y, new double[] {0.5, 2, 1, 1}, 2, 2);
    }

    @Test
    void huberIsQuadraticInsideDeltaAndLinearBeyond() {
        // d = x - y = -0.5, -2, 1, -1
        assertReductions(r -> new HuberLoss(1.0, r), X, Y, new double[] {0.125, 1.5, 0.5, 0.5}, 2, 2);
        assertReductions(r -> new HuberLoss(2.0, r), X, Y, new double[] {0.125, 2.0, 0.5, 0.5}, 2, 2);
        assertEquals(new HuberLoss(1.0).forward(X, Y).item(), new HuberLoss().forward(X, Y).item(), 0.0);
    }

    @Test
    void regressionLossesHaveGradients() {
        Random rng = new Random(0);
        Tensor target = Tensor.randn(rng, 3, 4);
        Tensor input = target.add(TestInputs.awayFromKinks(rng, 3, 4));
        assertGradients(MSELoss::new, input, target, true);
        assertGradients(L1Loss::new, input, target, false);
        // differences 0.3 and more away from |d| = delta = 1
        Tensor near = Tensor.vector(0.3, -0.4, 0.6, -1.7, 2.5, -3.0);
        assertGradients(r -> new HuberLoss(1.0, r), near, Tensor.zeros(6), true);
        GradCheck.of(t -> new MSELoss().forward(t[0], t[1]), input.requiresGrad(true), target.requiresGrad(true))
                .gradGrad().assertPassed();
    }

    // ------------------------------------------------------------------ binary classification

    @Test
    void bceIsTheNegativeLogLikelihoodWithLogsClampedAtMinus100() {
        Tensor p = Tensor.vector(0.9, 0.2, 0.5, 1.0, 0.0);
        Tensor y = Tensor.vector(1, 0, 1, 0, 0);
        assertReductions(BCELoss::new, p, y, new double[] {-Math.log(0.9), -Math.log(0.8), Math.log(2), 100, 0}, 5);
        assertEquals(-(0.3 * Math.log(0.6) + 0.7 * Math.log(0.4)),
                new BCELoss().forward(Tensor.vector(0.6), Tensor.vector(0.3)).item(), TOL);
    }

    @Test
    void bceHasGradientsAndStaysFiniteAtZeroAndOne() {
        Random rng = new Random(1);
        Tensor p = TestInputs.uniform(rng, 0.1, 0.9, 3, 4);
        Tensor y = Tensor.rand(rng, 3, 4);
        assertGradients(BCELoss::new, p, y, true);
        Tensor edge = Tensor.vector(0.0, 1.0, 0.0, 1.0).requiresGrad(true);
        Tensor loss = new BCELoss().forward(edge, Tensor.vector(0, 1, 1, 0));
        assertEquals(50.0, loss.item(), TOL);
        loss.backward();
        for (double g : edge.grad().toArray()) {
            assertTrue(Double.isFinite(g), Arrays.toString(edge.grad().toArray()));
        }
    }

    @Test
    void bceWithLogitsIsBceOfTheSigmoidInStableForm() {
        Tensor x = Tensor.vector(2, -1, 0, 0.5);
        Tensor y = Tensor.vector(1, 0, 1, 0.25);
        double[] expected = new double[4];
        double[] xs = x.toArray();
        double[] ys = y.toArray();
        for (int i = 0; i < 4; i++) {
            double s = 1 / (1 + Math.exp(-xs[i]));
            expected[i] = -(ys[i] * Math.log(s) + (1 - ys[i]) * Math.log(1 - s));
        }
        assertReductions(BCEWithLogitsLoss::new, x, y, expected, 4);
        assertEquals(Math.log(1 + Math.exp(-2)), expected[0], TOL);
    }

    @Test
    void bceWithLogitsHasGradientsAndIsFiniteAtPlusMinus1000() {
        Random rng = new Random(2);
        assertGradients(BCEWithLogitsLoss::new, Tensor.randn(rng, 3, 4), Tensor.rand(rng, 3, 4), true);
        Tensor x = Tensor.vector(1000, -1000, 1000, -1000, 0).requiresGrad(true);
        Tensor loss = new BCEWithLogitsLoss(Reduction.SUM).forward(x, Tensor.vector(1, 0, 0, 1, 1));
        assertEquals(2000 + Math.log(2), loss.item(), 1e-9);
        loss.backward();
        // d/dx = sigmoid(x) - y
        assertArrayEquals(new double[] {0, 0, 1, -1, -0.5}, x.grad().toArray(), 1e-12);
    }

    @Test
    void hingeEmbeddingTakesTheDistanceOrItsShortfallFromTheMargin() {
        Tensor x = Tensor.vector(0.3, 2.0, 0.5, 1.5);
        Tensor y = Tensor.vector(1, 1, -1, -1);
        assertReductions(r -> new HingeEmbeddingLoss(1.0, r), x, y, new double[] {0.3, 2.0, 0.5, 0.0}, 4);
        assertReductions(r -> new HingeEmbeddingLoss(2.0, r), x, y, new double[] {0.3, 2.0, 1.5, 0.5}, 4);
        assertGradients(r -> new HingeEmbeddingLoss(1.0, r), x, y, false);
    }

    @Test
    void hingeIsMicrogradsSvmLoss() {
        Tensor score = Tensor.vector(2, 0.5, -0.3, -2);
        Tensor y = Tensor.vector(1, 1, -1, 1);
        assertReductions(r -> new HingeLoss(1.0, r), score, y, new double[] {0, 0.5, 0.7, 3}, 4);
        assertEquals((0 + 0.5 + 0.7 + 3) / 4, new HingeLoss().forward(score, y).item(), TOL);
        assertGradients(r -> new HingeLoss(1.0, r), score, y, false);
    }

    // ------------------------------------------------------------------ multi-class classification

    private static final Tensor LOGITS = Tensor.of(new double[][] {{1, 2, 3}, {1, 1, 1}, {-1, 0.5, 2}});
    private static final Tensor CLASSES = Tensor.vector(2, 0, 1);

    /** {@code -log softmax(row)[c]}. */
    private static double nll(double[] row, int c) {
        return logSumExp(row) - row[c];
    }

    @Test
    void crossEntropyWithClassIndices() {
        double[] expected = {nll(new double[] {1, 2, 3}, 2), Math.log(3), nll(new double[] {-1, 0.5, 2}, 1)};
        assertEquals(Math.log(1 + Math.exp(-1) + Math.exp(-2)), expected[0], TOL);
        assertReductions(CrossEntropyLoss::new, LOGITS, CLASSES, expected, 3);
    }

    @Test
    void crossEntropyWithProbabilities() {
        Tensor probs = Tensor.of(new double[][] {{0, 0, 1}, {0.5, 0.25, 0.25}, {0.2, 0.3, 0.5}});
        double[][] x = {{1, 2, 3}, {1, 1, 1}, {-1, 0.5, 2}};
        double[][] p = {{0, 0, 1}, {0.5, 0.25, 0.25}, {0.2, 0.3, 0.5}};
        double[] expected = new double[3];
        for (int n = 0; n < 3; n++) {
            for (int c = 0; c < 3; c++) {
                expected[n] += p[n][c] * nll(x[n], c);
            }
        }
        assertReductions(CrossEntropyLoss::new, LOGITS, probs, expected, 3);
        Tensor oneHot = Tensor.of(new double[][] {{0, 0, 1}, {1, 0, 0}, {0, 1, 0}});
        assertEquals(new CrossEntropyLoss().forward(LOGITS, CLASSES).item(), new CrossEntropyLoss().forward(LOGITS, oneHot).item(), TOL);
    }

    @Test
    void crossEntropyWithLabelSmoothingMixesInTheUniformDistribution() {
        double eps = 0.1;
        double[][] x = {{1, 2, 3}, {1, 1, 1}, {-1, 0.5, 2}};
        int[] y = {2, 0, 1};
        double[] expected = new double[3];
        for (int n = 0; n < 3; n++) {
            for (int c = 0; c < 3; c++) {
                double target = (c == y[n] ? 1 - eps : 0) + eps / 3;
                expected[n] += target * nll(x[n], c);
            }
        }
        assertReductions(r -> new CrossEntropyLoss(r, eps), LOGITS, CLASSES, expected, 3);
        Tensor oneHot = Tensor.of(new double[][] {{0, 0, 1}, {1, 0, 0}, {0, 1, 0}});
        assertReductions(r -> new CrossEntropyLoss(r, eps), LOGITS, oneHot, expected, 3);
    }

    @Test
    void crossEntropyHasGradientsOfBothOrders() {
        Random rng = new Random(3);
        Tensor logits = Tensor.randn(rng, 4, 3);
        Tensor classes = Tensor.vector(0, 2, 1, 2);
        assertGradients(CrossEntropyLoss::new, logits, classes, true);
        assertGradients(r -> new CrossEntropyLoss(r, 0.2), logits, classes, true);
        Tensor probs = Tensor.rand(rng, 4, 3);
        probs = probs.div(probs.sum(1, true));
        assertGradients(CrossEntropyLoss::new, logits, probs, true);
        GradCheck.of(t -> new CrossEntropyLoss().forward(t[0], t[1]), logits.requiresGrad(true), probs.requiresGrad(true))
                .assertPassed();
    }

    @Test
    void crossEntropyIsFiniteAtPlusMinus1000() {
        Tensor x = Tensor.of(new double[][] {{1000, -1000, 0}, {-1000, 1000, 0}}).requiresGrad(true);
        Tensor loss = new CrossEntropyLoss(Reduction.SUM).forward(x, Tensor.vector(0, 0));
        assertEquals(2000.0, loss.item(), 1e-9);
        loss.backward();
        // softmax - one hot
        assertArrayEquals(new double[] {0, 0, 0, -1, 1, 0}, x.grad().toArray(), 1e-12);
        Tensor p = Tensor.of(new double[][] {{1000, -1000, 0}}).requiresGrad(true);
        Tensor soft = new CrossEntropyLoss().forward(p, Tensor.of(new double[][] {{0.5, 0.5, 0}}));
        assertEquals(1000.0, soft.item(), 1e-9);
        soft.backward();
        assertArrayEquals(new double[] {0.5, -0.5, 0}, p.grad().toArray(), 1e-12);
    }

    @Test
    void nllPicksTheNegatedLogProbabilityOfTheTarget() {
        Tensor logP = Tensor.of(new double[][] {{-0.1, -2.4, -3.0}, {-1.2, -0.5, -2.0}});
        assertReductions(NLLLoss::new, logP, Tensor.vector(0, 2), new double[] {0.1, 2.0}, 2);
        assertGradients(NLLLoss::new, logP, Tensor.vector(1, 1), true);
        assertEquals(new CrossEntropyLoss().forward(LOGITS, CLASSES).item(),
                new NLLLoss().forward(LOGITS.logSoftmax(1), CLASSES).item(), TOL);
    }

    @Test
    void multiMarginSumsTheOtherClassesShortfallsOverC() {
        Tensor x = Tensor.of(new double[][] {{0.1, 0.2, 0.4, 0.8}, {1.3, 0, -1, 0.5}});
        Tensor y = Tensor.vector(3, 0);
        // PyTorch's documented example for the first row: ((1 - 0.8 + 0.1) + (1 - 0.8 + 0.2) + (1 - 0.8 + 0.4)) / 4
        assertReductions(r -> new MultiMarginLoss(1, 1.0, r), x, y, new double[] {0.325, 0.05}, 2);
        assertReductions(r -> new MultiMarginLoss(2, 1.0, r), x, y, new double[] {(0.09 + 0.16 + 0.36) / 4, 0.04 / 4}, 2);
        assertReductions(r -> new MultiMarginLoss(1, 0.5, r), x, y, new double[] {0.1 / 4, 0}, 2);
        assertGradients(r -> new MultiMarginLoss(1, 1.0, r), x, y, false);
        assertGradients(r -> new MultiMarginLoss(2, 1.0, r), x, y, false);
    }

    // ------------------------------------------------------------------ messages

    @Test
    void namesTheLossAndTheShapesWhenTheyDiffer() {
        assertEquals("MSELoss: input shape (3, 2) and target shape (3,) differ",
                message(new MSELoss(), Tensor.zeros(3, 2), Tensor.zeros(3)));
        assertEquals("L1Loss: input shape (2,) and target shape (2, 1) differ",
                message(new L1Loss(), Tensor.zeros(2), Tensor.zeros(2, 1)));
        assertEquals("BCEWithLogitsLoss: input shape (4,) and target shape (3,) differ",
                message(new BCEWithLogitsLoss(), Tensor.zeros(4), Tensor.zeros(3)));
        assertEquals("HingeLoss: input shape (4,) and target shape (3,) differ",
                message(new HingeLoss(), Tensor.zeros(4), Tensor.ones(3)));
        assertEquals("MSELoss: input is null",
                assertThrows(NullPointerException.class, () -> new MSELoss().forward(null, Tensor.zeros(1))).getMessage());
    }

    @Test
    void namesTheBadClassIndexAndItsPosition() {
        Tensor logits = Tensor.zeros(3, 3);
        assertEquals("CrossEntropyLoss: target 5 out of range for 3 classes at position 2",
                message(new CrossEntropyLoss(), logits, Tensor.vector(0, 1, 5)));
        assertEquals("CrossEntropyLoss: target -1 out of range for 3 classes at position 0",
                message(new CrossEntropyLoss(), logits, Tensor.vector(-1, 1, 2)));
        assertEquals("CrossEntropyLoss: target 1.5 at position 1 is not a class index (expected a whole number)",
                message(new CrossEntropyLoss(), logits, Tensor.vector(0, 1.5, 2)));
        assertEquals("NLLLoss: target 3 out of range for 3 classes at position 0",
                message(new NLLLoss(), logits, Tensor.vector(3, 1, 2)));
        assertEquals("MultiMarginLoss: target NaN at position 2 is not a class index (expected a whole number)",
                message(new MultiMarginLoss(), logits, Tensor.vector(0, 1, Double.NaN)));
    }

    @Test
    void namesTheExpectedShapesOfClassificationInputs() {
        assertEquals("CrossEntropyLoss: expected input of shape (N, C) or (N, C, d1, ...), got (3,)",
                message(new CrossEntropyLoss(), Tensor.zeros(3), Tensor.vector(0)));
        assertEquals("CrossEntropyLoss: expected target of shape (3,) holding class indices for input of shape (3, 4), got (2,)",
                message(new CrossEntropyLoss(), Tensor.zeros(3, 4), Tensor.vector(0, 1)));
        assertEquals("CrossEntropyLoss: target of shape (3, 3) fits neither class indices (3,) nor probabilities (3, 4)"
                        + " for input of shape (3, 4)",
                message(new CrossEntropyLoss(), Tensor.zeros(3, 4), Tensor.zeros(3, 3)));
        assertEquals("NLLLoss: expected target of shape (2, 2) holding class indices for input of shape (2, 2, 2), got (2,)",
                message(new NLLLoss(), Tensor.zeros(2, 2, 2), Tensor.vector(0, 1)));
    }

    @Test
    void namesBadValuesOfProbabilitiesAndLabels() {
        assertEquals("BCELoss: input values must be in [0, 1], got 1.5 at position 1",
                message(new BCELoss(), Tensor.vector(0.5, 1.5), Tensor.vector(0, 1)));
        assertEquals("HingeEmbeddingLoss: target must be 1 or -1, got 0.0 at position 2",
                message(new HingeEmbeddingLoss(), Tensor.zeros(3), Tensor.vector(1, -1, 0)));
        assertEquals("HingeLoss: target must be 1 or -1, got 2.0 at position 0",
                message(new HingeLoss(), Tensor.zeros(1), Tensor.vector(2)));
    }

    @Test
    void rejectsBadSettings() {
        assertEquals("HuberLoss: delta must be positive and finite, got 0.0",
                assertThrows(IllegalArgumentException.class, () -> new HuberLoss(0.0)).getMessage());
        assertEquals("CrossEntropyLoss: label smoothing must be in [0, 1], got 1.5",
                assertThrows(IllegalArgumentException.class, () -> new CrossEntropyLoss(Reduction.MEAN, 1.5)).getMessage());
        assertEquals("MultiMarginLoss: p must be 1 or 2, got 3",
                assertThrows(IllegalArgumentException.class, () -> new MultiMarginLoss(3, 1.0, Reduction.MEAN)).getMessage());
        assertEquals("HingeLoss: margin must be finite, got NaN",
                assertThrows(IllegalArgumentException.class, () -> new HingeLoss(Double.NaN, Reduction.SUM)).getMessage());
        assertEquals("MSELoss: reduction is null",
                assertThrows(NullPointerException.class, () -> new MSELoss(null)).getMessage());
    }

    @Test
    void printsItsSettings() {
        assertEquals("MSELoss(reduction=MEAN)", new MSELoss().toString());
        assertEquals("HuberLoss(delta=2.0, reduction=SUM)", new HuberLoss(2.0, Reduction.SUM).toString());
        assertEquals("CrossEntropyLoss(label_smoothing=0.1, reduction=NONE)",
                new CrossEntropyLoss(Reduction.NONE, 0.1).toString());
    }
}
