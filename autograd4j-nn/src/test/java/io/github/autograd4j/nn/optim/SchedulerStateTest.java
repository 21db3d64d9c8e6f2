package io.github.autograd4j.nn.optim;

import static io.github.autograd4j.nn.optim.SGDTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.autograd4j.Tensor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Every scheduler's state dict: a scheduler restored after {@code k} steps into a freshly made
 * optimiser and scheduler sets the same rates as the original from then on, and a bad state is
 * refused without changing the scheduler or the optimiser.
 */
class SchedulerStateTest {

    private static SGD twoGroups() {
        return SGD.builder().lr(0.1)
                .group(List.of(Tensor.zeros(2).requiresGrad(true)))
                .group(List.of(Tensor.zeros(3).requiresGrad(true)), g -> g.lr(0.03))
                .build();
    }

    /** Five steps, a snapshot into a new optimiser and scheduler, then seven more of each: the same rates at every step. */
    private static void assertResumes(Function<Optimizer, LrScheduler> make) {
        SGD original = twoGroups();
        LrScheduler schedule = make.apply(original);
        for (int t = 0; t < 5; t++) {
            schedule.step();
        }
        SGD fresh = twoGroups();
        LrScheduler resumed = make.apply(fresh);
        resumed.loadStateDict(schedule.stateDict());
        for (int t = 0; t < 8; t++) {
            String where = schedule.getClass().getSimpleName() + " after " + (5 + t) + " steps";
            assertEquals(schedule.lastLr(), resumed.lastLr(), where);
            assertEquals(original.paramGroups().get(0).lr(), fresh.paramGroups().get(0).lr(), where);
            assertEquals(original.paramGroups().get(1).lr(), fresh.paramGroups().get(1).lr(), where);
            schedule.step();
            resumed.step();
        }
    }

    @Test
    void everyClosedFormSchedulerResumesWhereItStopped() {
        assertResumes(o -> new StepLR(o, 2, 0.5));
        assertResumes(o -> new ExponentialLR(o, 0.9));
        assertResumes(o -> new CosineAnnealingLR(o, 10, 0.001));
        assertResumes(o -> new LinearWarmup(o, 0.25, 8));
    }

    @Test
    void theStateDictHoldsStepsAndBaseRates() {
        SGD sgd = twoGroups();
        StepLR schedule = new StepLR(sgd, 2, 0.5);
        schedule.step();
        Map<String, Tensor> state = schedule.stateDict();
        assertEquals(List.of("steps", "base_lrs"), List.copyOf(state.keySet()));
        assertEquals(1.0, state.get("steps").item());
        assertEquals(List.of(0.1, 0.03), List.of(state.get("base_lrs").toArray()[0], state.get("base_lrs").toArray()[1]));
    }

    @Test
    void aBadSchedulerStateChangesNothing() {
        SGD sgd = twoGroups();
        CosineAnnealingLR schedule = new CosineAnnealingLR(sgd, 10, 0);
        schedule.step();
        List<Double> before = schedule.lastLr();
        Map<String, Tensor> good = schedule.stateDict();
        assertMessage("CosineAnnealingLR.loadStateDict: 'base_lrs' has shape (1,), expected (2,)",
                () -> schedule.loadStateDict(with(good, "base_lrs", Tensor.vector(0.1))));
        assertMessage("CosineAnnealingLR.loadStateDict: 'steps' must be a whole number in [0, 2147483647], got -1.0",
                () -> schedule.loadStateDict(with(good, "steps", Tensor.scalar(-1))));
        assertMessage("CosineAnnealingLR.loadStateDict: 'base_lrs' must hold learning rates >= 0, got -0.1 for group 1",
                () -> schedule.loadStateDict(with(good, "base_lrs", Tensor.vector(0.1, -0.1))));
        assertMessage("CosineAnnealingLR.loadStateDict: unknown key 'last_epoch'; expected [steps, base_lrs]",
                () -> schedule.loadStateDict(with(good, "last_epoch", Tensor.scalar(1))));
        assertMessage("CosineAnnealingLR.loadStateDict: missing 'steps'", () -> schedule.loadStateDict(with(good, "steps", null)));
        assertEquals(1, schedule.steps());
        assertEquals(before, schedule.lastLr());
        assertEquals(before, List.of(sgd.paramGroups().get(0).lr(), sgd.paramGroups().get(1).lr()));
    }

    @Test
    void aRateTheOptimizerRefusesChangesNoGroup() {
        SGD sgd = twoGroups();
        ExponentialLR schedule = new ExponentialLR(sgd, 1e300);
        schedule.step();
        assertMessage("SGD (group 0): lr must be finite, got Infinity", schedule::step);
        assertEquals(1, schedule.steps());
        assertEquals(0.1 * 1e300, sgd.paramGroups().get(0).lr());
        assertEquals(0.03 * 1e300, sgd.paramGroups().get(1).lr());
    }

    @Test
    void reduceLROnPlateauResumesWhereItStopped() {
        SGD original = new SGD(List.of(Tensor.zeros(1).requiresGrad(true)), 1.0);
        ReduceLROnPlateau plateau = ReduceLROnPlateau.builder(original).factor(0.5).patience(2).cooldown(1).build();
        double[] metrics = {5, 6, 5, 7, 4, 4, 4, 4, 3, 3, 3, 3, 3};
        for (int i = 0; i < 5; i++) {
            plateau.step(metrics[i]);
        }
        SGD fresh = new SGD(List.of(Tensor.zeros(1).requiresGrad(true)), 1.0);
        fresh.loadStateDict(original.stateDict());
        ReduceLROnPlateau resumed = ReduceLROnPlateau.builder(fresh).factor(0.5).patience(2).cooldown(1).build();
        resumed.loadStateDict(plateau.stateDict());
        for (int i = 5; i < metrics.length; i++) {
            plateau.step(metrics[i]);
            resumed.step(metrics[i]);
            assertEquals(original.lr(), fresh.lr(), "after step " + (i + 1));
            assertEquals(plateau.best(), resumed.best());
            assertEquals(plateau.badSteps(), resumed.badSteps());
            assertEquals(plateau.cooldownLeft(), resumed.cooldownLeft());
        }
        assertMessage("ReduceLROnPlateau.loadStateDict: 'best' must be a number, got NaN",
                () -> resumed.loadStateDict(with(plateau.stateDict(), "best", Tensor.scalar(Double.NaN))));
    }

    private static Map<String, Tensor> with(Map<String, Tensor> state, String key, Tensor value) {
        Map<String, Tensor> changed = new LinkedHashMap<>(state);
        if (value == null) {
            changed.remove(key);
        } else {
            changed.put(key, value);
        }
        return changed;
    }
}
