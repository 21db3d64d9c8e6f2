package io.github.autograd4j.nn.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.autograd4j.Tensor;
import java.util.List;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Test;

/** The closed-form schedules, on two groups with different base rates. */
class LrSchedulerTest {

    private static final double BASE0 = 0.1;
    private static final double BASE1 = 0.03;

    private static SGD twoGroups() {
        return SGD.builder().lr(BASE0)
                .group(List.of(Tensor.zeros(2).requiresGrad(true)))
                .group(List.of(Tensor.zeros(3).requiresGrad(true)), g -> g.lr(BASE1))
                .build();
    }

    /** Checks the rates at construction and after each of 12 steps against {@code factor(t)} times each base rate. */
    private static void assertSchedule(SGD sgd, LrScheduler schedule, IntToDoubleFunction factor) {
        for (int t = 0; t <= 12; t++) {
            if (t > 0) {
                schedule.step();
            }
            List<Double> expected = List.of(BASE0 * factor.applyAsDouble(t), BASE1 * factor.applyAsDouble(t));
            for (int g = 0; g < 2; g++) {
                assertEquals(expected.get(g), sgd.paramGroups().get(g).lr(), 1e-15, "group " + g + " at step " + t);
                assertEquals(expected.get(g), schedule.lastLr().get(g), 1e-15, "lastLr " + g + " at step " + t);
            }
        }
    }

    @Test
    void stepLR() {
        SGD sgd = twoGroups();
        StepLR schedule = new StepLR(sgd, 3, 0.5);
        assertSchedule(sgd, schedule, t -> Math.pow(0.5, t / 3));
        assertEquals(12, schedule.steps());
    }

    @Test
    void stepLRHandValues() {
        SGD sgd = new SGD(List.of(Tensor.zeros(1).requiresGrad(true)), 1.0);
        StepLR schedule = new StepLR(sgd, 2, 0.1);
        double[] expected = {1.0, 1.0, 0.1, 0.1, 0.01};
        for (double lr : expected) {
            assertEquals(lr, sgd.lr(), 1e-15);
            schedule.step();
        }
    }

    @Test
    void exponentialLR() {
        SGD sgd = twoGroups();
        assertSchedule(sgd, new ExponentialLR(sgd, 0.9), t -> Math.pow(0.9, t));
    }

    @Test
    void cosineAnnealingLR() {
        SGD sgd = twoGroups();
        double etaMin = 0.001;
        CosineAnnealingLR schedule = new CosineAnnealingLR(sgd, 8, etaMin);
        for (int t = 0; t <= 12; t++) {
            if (t > 0) {
                schedule.step();
            }
            double cos = (1 + Math.cos(Math.PI * t / 8)) / 2;
            assertEquals(etaMin + (BASE0 - etaMin) * cos, sgd.paramGroups().get(0).lr(), 1e-15, "step " + t);
            assertEquals(etaMin + (BASE1 - etaMin) * cos, sgd.paramGroups().get(1).lr(), 1e-15, "step " + t);
        }
    }

    @Test
    void cosineAnnealingReachesEtaMinAtTMaxAndMayReachZero() {
        SGD sgd = new SGD(List.of(Tensor.zeros(1).requiresGrad(true)), 0.1);
        CosineAnnealingLR schedule = new CosineAnnealingLR(sgd, 4, 0.0);
        for (int t = 0; t < 4; t++) {
            schedule.step();
        }
        assertEquals(0.0, sgd.lr(), 1e-18);
        schedule.step();
        assertEquals(0.1 * (1 + Math.cos(Math.PI * 5 / 4)) / 2, sgd.lr(), 1e-15, "past tMax the cosine rises again");
    }

    @Test
    void linearWarmupIsPyTorchsLinearLR() {
        SGD sgd = twoGroups();
        double start = 1.0 / 3;
        assertSchedule(sgd, new LinearWarmup(sgd, start, 5), t -> start + (1 - start) * Math.min(t, 5) / 5.0);
    }

    @Test
    void linearWarmupLowersTheRateAtOnce() {
        SGD sgd = new SGD(List.of(Tensor.zeros(1).requiresGrad(true)), 0.1);
        new LinearWarmup(sgd, 0.25, 3);
        assertEquals(0.025, sgd.lr(), 1e-15);
    }

    @Test
    void badArgumentsAreNamed() {
        SGD sgd = twoGroups();
        assertMessage("StepLR: stepSize must be >= 1, got 0", () -> new StepLR(sgd, 0, 0.1));
        assertMessage("StepLR: gamma must be a finite number > 0, got -0.1", () -> new StepLR(sgd, 1, -0.1));
        assertMessage("ExponentialLR: gamma must be a finite number > 0, got NaN", () -> new ExponentialLR(sgd, Double.NaN));
        assertMessage("CosineAnnealingLR: tMax must be >= 1, got 0", () -> new CosineAnnealingLR(sgd, 0, 0));
        assertMessage("CosineAnnealingLR: etaMin must be a finite number >= 0, got -1.0", () -> new CosineAnnealingLR(sgd, 5, -1));
        assertMessage("LinearWarmup: startFactor must be in (0, 1], got 0.0", () -> new LinearWarmup(sgd, 0, 5));
        assertMessage("LinearWarmup: startFactor must be in (0, 1], got 1.5", () -> new LinearWarmup(sgd, 1.5, 5));
        assertMessage("LinearWarmup: steps must be >= 1, got 0", () -> new LinearWarmup(sgd, 0.5, 0));
        assertEquals(List.of(BASE0, BASE1), sgd.paramGroups().stream().map(ParamGroup::lr).toList(), "rates unchanged");
        NullPointerException e = assertThrows(NullPointerException.class, () -> new StepLR(null, 1, 0.1));
        assertEquals("StepLR: optimizer is null", e.getMessage());
    }

    static void assertMessage(String expected, org.junit.jupiter.api.function.Executable bad) {
        SGDTest.assertMessage(expected, bad);
    }
}
