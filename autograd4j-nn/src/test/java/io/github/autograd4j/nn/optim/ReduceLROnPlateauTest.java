package io.github.autograd4j.nn.optim;

import static io.github.autograd4j.nn.optim.SGDTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.autograd4j.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReduceLROnPlateauTest {

    private static SGD sgd(double lr) {
        return new SGD(List.of(Tensor.zeros(1).requiresGrad(true)), lr);
    }

    /** Feeds {@code metrics} and returns the learning rate after each step. */
    private static double[] run(ReduceLROnPlateau plateau, SGD sgd, double... metrics) {
        double[] lrs = new double[metrics.length];
        for (int i = 0; i < metrics.length; i++) {
            plateau.step(metrics[i]);
            lrs[i] = sgd.lr();
            assertEquals(lrs[i], plateau.lastLr().get(0));
        }
        return lrs;
    }

    private static void assertLrs(double[] expected, double[] actual) {
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 1e-15, "after step " + (i + 1));
        }
    }

    @Test
    void reducesAfterMoreThanPatienceBadSteps() {
        SGD sgd = sgd(1.0);
        ReduceLROnPlateau plateau = ReduceLROnPlateau.builder(sgd).factor(0.5).patience(2).build();
        // best 5, then 3 bad steps: the third exceeds patience 2
        double[] lrs = run(plateau, sgd, 5, 6, 5, 7, 4, 4, 4, 4);
        assertLrs(new double[] {1, 1, 1, 0.5, 0.5, 0.5, 0.5, 0.25}, lrs);
        assertEquals(4.0, plateau.best());
    }

    @Test
    void theThresholdIsRelative() {
        SGD sgd = sgd(1.0);
        ReduceLROnPlateau plateau = ReduceLROnPlateau.builder(sgd).factor(0.1).patience(0).threshold(0.1).build();
        // 95 is not below 100 * (1 - 0.1) = 90: a bad step
        assertLrs(new double[] {1, 0.1, 0.1}, run(plateau, sgd, 100, 95, 80));
    }

    @Test
    void cooldownIgnoresBadSteps() {
        SGD sgd = sgd(1.0);
        ReduceLROnPlateau plateau = ReduceLROnPlateau.builder(sgd).factor(0.5).patience(0).cooldown(2).build();
        // step 2 reduces; steps 3 and 4 are cooldown; step 5 is bad again and reduces
        assertLrs(new double[] {1, 0.5, 0.5, 0.5, 0.25}, run(plateau, sgd, 1, 2, 2, 2, 2));
        assertEquals(2, plateau.cooldownLeft());
    }

    @Test
    void neverBelowMinLr() {
        SGD sgd = sgd(1.0);
        ReduceLROnPlateau plateau = ReduceLROnPlateau.builder(sgd).factor(0.1).patience(0).minLr(0.05).build();
        assertLrs(new double[] {1, 0.1, 0.05, 0.05}, run(plateau, sgd, 1, 1, 1, 1));
    }

    @Test
    void maxModeWantsHigherMetrics() {
        SGD sgd = sgd(1.0);
        ReduceLROnPlateau plateau = ReduceLROnPlateau.builder(sgd).mode(ReduceLROnPlateau.Mode.MAX).factor(0.5).patience(1).build();
        // 0.6 improves on 0.5; two steps without improving exceed patience 1
        assertLrs(new double[] {1, 1, 1, 0.5}, run(plateau, sgd, 0.5, 0.6, 0.6, 0.6));
    }

    @Test
    void aNaNMetricIsABadStep() {
        SGD sgd = sgd(1.0);
        ReduceLROnPlateau plateau = ReduceLROnPlateau.builder(sgd).patience(0).build();
        assertLrs(new double[] {1, 0.1}, run(plateau, sgd, 1, Double.NaN));
    }

    @Test
    void everyGroupIsReduced() {
        SGD sgd = SGD.builder().lr(1.0)
                .group(List.of(Tensor.zeros(1).requiresGrad(true)))
                .group(List.of(Tensor.zeros(1).requiresGrad(true)), g -> g.lr(0.2))
                .build();
        ReduceLROnPlateau plateau = ReduceLROnPlateau.builder(sgd).factor(0.5).patience(0).build();
        plateau.step(1);
        plateau.step(1);
        assertEquals(List.of(0.5, 0.1), plateau.lastLr());
    }

    @Test
    void badArgumentsAreNamed() {
        SGD sgd = sgd(0.1);
        assertMessage("ReduceLROnPlateau: factor must be in [0, 1), got 1.0", () -> ReduceLROnPlateau.builder(sgd).factor(1).build());
        assertMessage("ReduceLROnPlateau: patience must be >= 0, got -1", () -> ReduceLROnPlateau.builder(sgd).patience(-1).build());
        assertMessage("ReduceLROnPlateau: threshold must be a finite number >= 0, got -0.1",
                () -> ReduceLROnPlateau.builder(sgd).threshold(-0.1).build());
        assertMessage("ReduceLROnPlateau: cooldown must be >= 0, got -2", () -> ReduceLROnPlateau.builder(sgd).cooldown(-2).build());
        assertMessage("ReduceLROnPlateau: minLr must be a finite number >= 0, got -0.001",
                () -> ReduceLROnPlateau.builder(sgd).minLr(-0.001).build());
    }
}
