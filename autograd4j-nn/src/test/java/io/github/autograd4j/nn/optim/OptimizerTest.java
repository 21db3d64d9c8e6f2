package io.github.autograd4j.nn.optim;

import static io.github.autograd4j.nn.optim.SGDTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.autograd4j.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** What every optimiser shares: groups, the training loop, checkpoints and checks. */
class OptimizerTest {

    private static final double[][] START = {Quadratic.P1, Quadratic.P2};

    // ------------------------------------------------------------------ groups and the loop

    @Test
    void groupsHaveTheirOwnLearningRates() {
        List<Tensor> params = Quadratic.params();
        SGD sgd = SGD.builder().lr(0.1)
                .group(List.of(params.get(0)))
                .group(List.of(params.get(1)), g -> g.lr(0.01))
                .build();
        Quadratic.train(sgd, params, 1);
        double[][] g = Quadratic.gradient(START);
        for (int e = 0; e < 6; e++) {
            assertEquals(Quadratic.P1[e] - 0.1 * g[0][e], params.get(0).toArray()[e], 1e-15);
        }
        for (int e = 0; e < 3; e++) {
            assertEquals(Quadratic.P2[e] - 0.01 * g[1][e], params.get(1).toArray()[e], 1e-15);
        }
        assertEquals(List.of(0.1, 0.01), sgd.paramGroups().stream().map(ParamGroup::lr).toList());
    }

    @Test
    void aGroupOverridesTheBuilderAndKeepsTheRest() {
        List<Tensor> params = Quadratic.params();
        SGD sgd = SGD.builder().lr(0.1)
                .group(List.of(params.get(0)))
                .group(List.of(params.get(1)), g -> g.lr(0.5).weightDecay(0.1))
                .momentum(0.9)   // set after the groups: still every group's
                .build();
        assertEquals(new SGDOptions(0.1, 0.9, 0, 0, false, false), sgd.paramGroups().get(0).options());
        assertEquals(new SGDOptions(0.5, 0.9, 0, 0.1, false, false), sgd.paramGroups().get(1).options());
        assertEquals(params, sgd.params());
    }

    @Test
    void optionsAreTypedRecordsWithPyTorchsNamesInTheStateDict() {
        SGDOptions options = SGDOptions.DEFAULTS.withLr(0.1).withMomentum(0.9).withNesterov(true);
        SGD sgd = new SGD(Quadratic.params(), options);
        assertEquals(options, sgd.paramGroups().get(0).options());
        assertEquals(true, sgd.paramGroups().get(0).options().nesterov());
        Map<String, Tensor> dict = sgd.stateDict();
        assertEquals(1.0, dict.get("group.0.nesterov").item());
        assertEquals(0.0, dict.get("group.0.weight_decay").item());
    }

    @Test
    void zeroGradClearsEveryGradient() {
        List<Tensor> params = Quadratic.params();
        Adam adam = new Adam(params, 0.01);
        Quadratic.loss(params).backward();
        assertNotNull(params.get(0).grad());
        adam.zeroGrad();
        assertNull(params.get(0).grad());
        assertNull(params.get(1).grad());
    }

    @Test
    void parametersWithoutGradientAreSkipped() {
        List<Tensor> params = Quadratic.params();
        Tensor unused = Tensor.of(new double[] {1, 2}, 2).requiresGrad(true);
        List<Tensor> all = List.of(params.get(0), unused, params.get(1));
        Adam adam = new Adam(all, 0.1);
        for (int s = 0; s < 3; s++) {
            adam.zeroGrad();
            Quadratic.loss(params).backward();
            adam.step();
        }
        assertArrayEquals(new double[] {1, 2}, unused.toArray());
        Map<String, Tensor> dict = adam.stateDict();
        assertEquals(3.0, dict.get("param.2.step").item());
        assertNull(dict.get("param.1.step"), "no state for a parameter that never had a gradient");
    }

    @Test
    void aStepWorksOnGradientsRecordedInAGraph() {
        List<Tensor> params = Quadratic.params();
        SGD sgd = new SGD(params, 0.1);
        Quadratic.loss(params).backward(null, false, true);
        sgd.step();
        double[][] g = Quadratic.gradient(START);
        assertEquals(Quadratic.P2[0] - 0.1 * g[1][0], params.get(1).toArray()[0], 1e-15);
        assertEquals(false, params.get(1).requiresGrad() && !params.get(1).isLeaf());
    }

    @Test
    void aFailingUpdateChangesNothing() {
        List<Tensor> params = Quadratic.params();
        Optimizer failsOnTheSecond = counting(List.of(new ParamGroup<>(params, Counting.DEFAULTS)), p -> {
            if (p.dim() == 1) {
                throw new IllegalStateException("boom");
            }
            return p;
        });
        Quadratic.loss(params).backward();
        assertThrows(IllegalStateException.class, failsOnTheSecond::step);
        assertArrayEquals(Quadratic.P1, params.get(0).toArray());
        assertEquals(List.of(), failsOnTheSecond.stateDict().keySet().stream().filter(k -> k.startsWith("param")).toList());
    }

    @Test
    void anUpdateOfTheWrongShapeChangesNothing() {
        List<Tensor> params = Quadratic.params();
        Optimizer flattens = counting(List.of(new ParamGroup<>(params, Counting.DEFAULTS)), p -> p.dim() == 1 ? p.reshape(1, 3) : p);
        Quadratic.loss(params).backward();
        IllegalStateException e = assertThrows(IllegalStateException.class, flattens::step);
        assertEquals("Counting: the update of parameter 1 (shape (3,)) returned shape (1, 3)", e.getMessage());
        assertArrayEquals(Quadratic.P1, params.get(0).toArray());
    }

    // ------------------------------------------------------------------ learning rates

    @Test
    void setLrSetsEveryGroupAndLrReadsTheSharedOne() {
        List<Tensor> params = Quadratic.params();
        SGD sgd = SGD.builder().lr(0.1).group(List.of(params.get(0))).group(List.of(params.get(1)), g -> g.lr(0.2)).build();
        IllegalStateException e = assertThrows(IllegalStateException.class, sgd::lr);
        assertEquals("SGD: groups have different learning rates [0.1, 0.2]; read paramGroups().get(i).lr()", e.getMessage());
        sgd.setLr(0.05);
        assertEquals(0.05, sgd.lr());
        assertMessage("SGD (group 0): lr must be >= 0, got -1.0", () -> sgd.setLr(-1));
        assertEquals(0.05, sgd.lr());
    }

    @Test
    void aGroupChecksWhatIsSetOnIt() {
        SGD sgd = SGD.builder().lr(0.1).build(Quadratic.params());
        ParamGroup<SGDOptions> group = sgd.paramGroups().get(0);
        SGDOptions before = group.options();
        assertMessage("SGD: momentum must be >= 0, got -1.0", () -> group.setOptions(group.options().withMomentum(-1)));
        assertMessage("SGD: nesterov needs momentum > 0 and dampening 0, got momentum 0.0 and dampening 0.0",
                () -> group.setOptions(group.options().withNesterov(true)));
        assertMessage("SGD: lr must be finite, got NaN", () -> group.setLr(Double.NaN));
        assertEquals(before, group.options());
        group.setOptions(group.options().withMomentum(0.5).withNesterov(true));
        assertEquals(0.5, group.options().momentum());
        assertEquals(true, group.options().nesterov());
    }

    /** H.5: an option set on a group is one the optimiser knows, so the next checkpoint restores. */
    @Test
    void optionsSetOnAGroupSurviveACheckpoint() {
        List<Tensor> params = Quadratic.params();
        SGD sgd = SGD.builder().lr(0.1).build(params);
        ParamGroup<SGDOptions> group = sgd.paramGroups().get(0);
        group.setOptions(group.options().withMomentum(0.9).withDampening(0.1));
        Quadratic.train(sgd, params, 2);
        SGD restored = new SGD(Quadratic.params(), 0.5);
        restored.loadStateDict(sgd.stateDict());
        assertEquals(group.options(), restored.paramGroups().get(0).options());
    }

    // ------------------------------------------------------------------ checkpoints

    @Test
    void stateDictNamesEveryPiece() {
        List<Tensor> params = Quadratic.params();
        Adam adam = Adam.builder().lr(0.01).group(List.of(params.get(0))).group(List.of(params.get(1)), g -> g.lr(0.02)).build();
        Quadratic.train(adam, params, 2);
        Map<String, Tensor> dict = adam.stateDict();
        assertEquals(List.of(
                "group.0.lr", "group.0.beta1", "group.0.beta2", "group.0.eps", "group.0.weight_decay", "group.0.amsgrad",
                "group.0.maximize", "group.0.params",
                "group.1.lr", "group.1.beta1", "group.1.beta2", "group.1.eps", "group.1.weight_decay", "group.1.amsgrad",
                "group.1.maximize", "group.1.params",
                "param.0.step", "param.0.exp_avg", "param.0.exp_avg_sq",
                "param.1.step", "param.1.exp_avg", "param.1.exp_avg_sq"), new ArrayList<>(dict.keySet()));
        assertEquals(0.02, dict.get("group.1.lr").item());
        assertEquals(0, dict.get("group.1.lr").dim());
        assertArrayEquals(new double[] {1}, dict.get("group.1.params").toArray());
        assertEquals(2.0, dict.get("param.0.step").item());
    }

    @Test
    void stateDictIsASnapshot() {
        List<Tensor> params = Quadratic.params();
        Adam adam = new Adam(params, 0.01);
        Quadratic.train(adam, params, 1);
        Map<String, Tensor> before = adam.stateDict();
        double[] expAvg = before.get("param.0.exp_avg").toArray();
        Quadratic.train(adam, params, 1);
        assertArrayEquals(expAvg, before.get("param.0.exp_avg").toArray());
        assertEquals(1.0, before.get("param.0.step").item());
    }

    /** Two steps, a checkpoint into a new optimiser over copies, three more: as five uninterrupted steps. */
    private static void assertResumesExactly(Function<List<Tensor>, Optimizer> make) {
        List<Tensor> straight = Quadratic.params();
        Quadratic.train(make.apply(straight), straight, 5);

        List<Tensor> first = Quadratic.params();
        Optimizer before = make.apply(first);
        Quadratic.train(before, first, 2);
        Map<String, Tensor> checkpoint = before.stateDict();
        List<Tensor> resumed = List.of(
                Tensor.of(first.get(0).toArray(), 2, 3).requiresGrad(true),
                Tensor.of(first.get(1).toArray(), 3).requiresGrad(true));
        Optimizer after = make.apply(resumed);
        after.loadStateDict(checkpoint);
        Quadratic.train(after, resumed, 3);

        assertArrayEquals(straight.get(0).toArray(), resumed.get(0).toArray());
        assertArrayEquals(straight.get(1).toArray(), resumed.get(1).toArray());
    }

    @Test
    void loadingAStateDictContinuesAsIfUninterrupted() {
        assertResumesExactly(p -> SGD.builder().lr(0.05).momentum(0.9).nesterov(true).build(p));
        assertResumesExactly(p -> Adam.builder().lr(0.05).betas(0.9, 0.5).amsgrad(true).build(p));
        assertResumesExactly(p -> AdamW.builder().lr(0.05).weightDecay(0.1).build(p));
        assertResumesExactly(p -> RMSprop.builder().lr(0.01).momentum(0.5).centered(true).build(p));
        assertResumesExactly(p -> Adagrad.builder().lr(0.1).lrDecay(0.1).initialAccumulatorValue(0.2).build(p));
    }

    @Test
    void loadingRestoresTheHyperParameters() {
        List<Tensor> params = Quadratic.params();
        Adam source = Adam.builder().lr(0.5).amsgrad(true).build(params);
        Adam target = new Adam(Quadratic.params(), 0.01);
        target.loadStateDict(source.stateDict());
        assertEquals(source.paramGroups().get(0).options(), target.paramGroups().get(0).options());
    }

    /** A valid Adam state dict after two steps, to break one key of at a time. */
    private static Map<String, Tensor> adamCheckpoint() {
        List<Tensor> params = Quadratic.params();
        Adam adam = new Adam(params, 0.01);
        Quadratic.train(adam, params, 2);
        return adam.stateDict();
    }

    private static void assertRejected(String expected, Map<String, Tensor> dict) {
        List<Tensor> params = Quadratic.params();
        Adam adam = new Adam(params, 0.01);
        Quadratic.train(adam, params, 1);
        Map<String, Tensor> before = adam.stateDict();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> adam.loadStateDict(dict));
        assertEquals(expected, e.getMessage());
        Map<String, Tensor> after = adam.stateDict();
        assertEquals(before.keySet(), after.keySet());
        before.forEach((key, t) -> assertArrayEquals(t.toArray(), after.get(key).toArray(), key));
    }

    private static Map<String, Tensor> with(String key, Tensor value) {
        Map<String, Tensor> dict = new LinkedHashMap<>(adamCheckpoint());
        if (value == null) {
            dict.remove(key);
        } else {
            dict.put(key, value);
        }
        return dict;
    }

    @Test
    void aBadStateDictIsRejectedAndChangesNothing() {
        assertRejected("Adam.loadStateDict: unknown key 'momentum'; expected 'group.{g}.{hyper-parameter}' or 'param.{i}.{state}'",
                with("momentum", Tensor.scalar(0.9)));
        assertRejected("Adam.loadStateDict: unknown key 'group.0.momentum'; Adam has the hyper-parameters"
                + " [lr, beta1, beta2, eps, weight_decay, amsgrad, maximize]", with("group.0.momentum", Tensor.scalar(0.9)));
        assertRejected("Adam.loadStateDict: 'group.1.lr' names group 1, but this optimizer has 1 group(s)",
                with("group.1.lr", Tensor.scalar(0.1)));
        assertRejected("Adam.loadStateDict: 'param.2.step' names parameter 2, but this optimizer has 2 parameter(s)",
                with("param.2.step", Tensor.scalar(1)));
        assertRejected("Adam.loadStateDict: missing 'group.0.eps'", with("group.0.eps", null));
        assertRejected("Adam.loadStateDict: missing 'group.0.params'", with("group.0.params", null));
        assertRejected("Adam.loadStateDict: 'group.0.lr' has shape (1,), expected a 0-d tensor",
                with("group.0.lr", Tensor.vector(0.1)));
        assertRejected("Adam.loadStateDict: a hyper-parameter in the state dict is not acceptable: Adam: lr must be >= 0,"
                + " got -0.1", with("group.0.lr", Tensor.scalar(-0.1)));
        assertRejected("Adam.loadStateDict: 'param.0.exp_avg' has shape (3, 2), expected (2, 3) (the parameter's shape)",
                with("param.0.exp_avg", Tensor.zeros(3, 2)));
        assertRejected("Adam.loadStateDict: unknown key 'param.0.max_exp_avg_sq'; Adam keeps [step, exp_avg, exp_avg_sq]"
                + " for a parameter with these hyper-parameters", with("param.0.max_exp_avg_sq", Tensor.zeros(2, 3)));
        assertRejected("Adam.loadStateDict: missing 'param.1.step': parameter 1 has the state [exp_avg, exp_avg_sq], but Adam"
                + " keeps [step, exp_avg, exp_avg_sq] together from a parameter's first step", with("param.1.step", null));
        assertRejected("Adam.loadStateDict: 'param.1.step' must be a whole number >= 0, got 1.5",
                with("param.1.step", Tensor.scalar(1.5)));
        assertRejected("Adam.loadStateDict: a hyper-parameter in the state dict is not acceptable: Adam: amsgrad is a switch"
                + " and must be 0 (off) or 1 (on), got 0.5", with("group.0.amsgrad", Tensor.scalar(0.5)));
        assertRejected("Adam.loadStateDict: 'group.0.params' lists the parameters [0, 1, 2], but group 0 here holds"
                + " the parameters [0, 1]", with("group.0.params", Tensor.vector(0, 1, 2)));
        Map<String, Tensor> stepOnly = with("param.0.exp_avg", null);
        stepOnly.remove("param.0.exp_avg_sq");
        assertRejected("Adam.loadStateDict: missing 'param.0.exp_avg': parameter 0 has the state [step], but Adam keeps"
                + " [step, exp_avg, exp_avg_sq] together from a parameter's first step", stepOnly);
        assertRejected("Adam.loadStateDict: 'param.1.exp_avg_sq' must hold values >= 0, got -1.0 at index 2",
                with("param.1.exp_avg_sq", Tensor.vector(0.1, 0.2, -1)));
        assertRejected("Adam.loadStateDict: 'param.0.exp_avg' must hold finite values, got NaN at index 1",
                with("param.0.exp_avg", Tensor.of(new double[] {0, Double.NaN, 0, 0, 0, 0}, 2, 3)));
        Map<String, Tensor> nullValue = new LinkedHashMap<>(adamCheckpoint());
        nullValue.put("param.0.exp_avg", null);
        NullPointerException e = assertThrows(NullPointerException.class, () -> new Adam(Quadratic.params(), 0.1).loadStateDict(nullValue));
        assertEquals("Adam.loadStateDict: 'param.0.exp_avg' is null", e.getMessage());
    }

    /** {@code make}'s state after two steps, edited, is refused with {@code expected}, and the optimiser keeps its state. */
    private static void assertEditRejected(Function<List<Tensor>, Optimizer> make, java.util.function.Consumer<Map<String, Tensor>> edit,
                                           String expected) {
        List<Tensor> params = Quadratic.params();
        Optimizer optimizer = make.apply(params);
        Quadratic.train(optimizer, params, 2);
        Map<String, Tensor> before = optimizer.stateDict();
        Map<String, Tensor> edited = new LinkedHashMap<>(before);
        edit.accept(edited);
        assertEquals(expected, assertThrows(IllegalArgumentException.class, () -> optimizer.loadStateDict(edited)).getMessage());
        Map<String, Tensor> after = optimizer.stateDict();
        assertEquals(before.keySet(), after.keySet());
        before.forEach((key, t) -> assertArrayEquals(t.toArray(), after.get(key).toArray(), key));
    }

    @Test
    void everyOptimizerChecksItsWholeState() {
        Function<List<Tensor>, Optimizer> rmsprop = p -> RMSprop.builder().lr(0.01).momentum(0.5).build(p);
        assertEditRejected(rmsprop, d -> d.remove("param.0.square_avg"), "RMSprop.loadStateDict: missing 'param.0.square_avg':"
                + " parameter 0 has the state [step, momentum_buffer], but RMSprop keeps [step, square_avg] together from a"
                + " parameter's first step");
        assertEditRejected(rmsprop, d -> d.put("param.1.square_avg", Tensor.vector(1, -2, 3)),
                "RMSprop.loadStateDict: 'param.1.square_avg' must hold values >= 0, got -2.0 at index 1");
        Function<List<Tensor>, Optimizer> adagrad = p -> new Adagrad(p, 0.1);
        assertEditRejected(adagrad, d -> d.remove("param.1.sum"), "Adagrad.loadStateDict: missing 'param.1.sum': parameter 1"
                + " has the state [step], but Adagrad keeps [step, sum] together from a parameter's first step");
        assertEditRejected(adagrad, d -> d.put("param.1.sum", Tensor.vector(-1, 0, 0)),
                "Adagrad.loadStateDict: 'param.1.sum' must hold values >= 0, got -1.0 at index 0");
        assertEditRejected(p -> SGD.builder().lr(0.1).momentum(0.9).build(p),
                d -> d.put("param.1.momentum_buffer", Tensor.vector(0, Double.POSITIVE_INFINITY, 0)),
                "SGD.loadStateDict: 'param.1.momentum_buffer' must hold finite values, got Infinity at index 1");
        assertEditRejected(p -> AdamW.builder().amsgrad(true).build(p), d -> d.put("param.0.max_exp_avg_sq", Tensor.full(-1, 2, 3)),
                "AdamW.loadStateDict: 'param.0.max_exp_avg_sq' must hold values >= 0, got -1.0 at index 0");
    }

    // ------------------------------------------------------------------ construction checks

    @Test
    void badParametersAreNamed() {
        Tensor p = Tensor.zeros(2, 3).requiresGrad(true);
        assertMessage("SGD: got an empty parameter list", () -> new SGD(List.of(), 0.1));
        assertMessage("SGD: parameter 1 (shape (2, 3)) was made by an operation (mul); an optimizer updates leaves,"
                + " such as Tensor.randn(rng, ...).requiresGrad(true)", () -> new SGD(List.of(p, p.mul(2.0)), 0.1));
        assertMessage("SGD: parameter 0 (shape (3,)) does not require grad; call requiresGrad(true) on it or leave it out",
                () -> new SGD(List.of(Tensor.zeros(3)), 0.1));
        assertMessage("SGD: parameter 2 (shape (2, 3)) appears more than once (first as parameter 0)",
                () -> SGD.builder().group(List.of(p, Tensor.zeros(1).requiresGrad(true))).group(List.of(p)).build());
        assertMessage("SGD: group 1 has no parameters", () -> SGD.builder().group(List.of(p)).group(List.of()).build());
        assertMessage("SGD (group 1): momentum must be >= 0, got -0.9", () -> SGD.builder().group(List.of(p))
                .group(List.of(Tensor.zeros(1).requiresGrad(true)), g -> g.momentum(-0.9)).build());
    }

    /** The options of an optimiser written outside the library: a record of doubles and booleans. */
    record Counting(double lr, double weightDecay, boolean maximize) implements OptimizerOptions<Counting> {
        static final Counting DEFAULTS = new Counting(0.1, 0, false);

        @Override
        public Counting withLr(double lr) {
            return new Counting(lr, weightDecay, maximize);
        }

        @Override
        public Counting withWeightDecay(double weightDecay) {
            return new Counting(lr, weightDecay, maximize);
        }

        @Override
        public Counting withMaximize(boolean maximize) {
            return new Counting(lr, weightDecay, maximize);
        }
    }

    /** An optimiser that only counts steps, on groups given as they are. */
    private static Optimizer counting(List<ParamGroup<Counting>> groups, Function<Tensor, Tensor> update) {
        return new AbstractOptimizer<Counting>("Counting", groups) {
            @Override
            protected List<StateSlot> stateSlots(Counting options) {
                return List.of(StateSlot.STEP);
            }

            @Override
            protected Tensor update(Tensor param, Tensor grad, Map<String, Tensor> state, Counting options) {
                nextStep(state);
                return update.apply(param).sub(grad);
            }
        };
    }

    @Test
    void anOptimizerWrittenOutsideTheLibraryCheckpointsItsOptions() {
        List<Tensor> params = Quadratic.params();
        Optimizer counting = counting(List.of(new ParamGroup<>(params, new Counting(0.2, 0.5, true))), p -> p);
        Quadratic.train(counting, params, 1);
        Map<String, Tensor> dict = counting.stateDict();
        assertEquals(List.of("group.0.lr", "group.0.weight_decay", "group.0.maximize", "group.0.params", "param.0.step",
                "param.1.step"), new ArrayList<>(dict.keySet()));
        Optimizer other = counting(List.of(new ParamGroup<>(Quadratic.params(), Counting.DEFAULTS)), p -> p);
        other.loadStateDict(dict);
        assertEquals(new Counting(0.2, 0.5, true), other.paramGroups().get(0).options());
    }

    @Test
    void aGroupBelongsToOneOptimizer() {
        ParamGroup<Counting> group = new ParamGroup<>(Quadratic.params(), Counting.DEFAULTS);
        counting(List.of(group), p -> p);
        assertMessage("Counting: group 0 already belongs to another optimizer; make a new ParamGroup for each optimizer",
                () -> counting(List.of(group), p -> p));
    }

    @Test
    void theBuilderSaysWhichBuildToCall() {
        List<Tensor> params = Quadratic.params();
        IllegalStateException twice = assertThrows(IllegalStateException.class,
                () -> SGD.builder().group(params).build(params));
        assertEquals("build(params): 1 group(s) were added with group(...); call build() to use them", twice.getMessage());
        IllegalStateException none = assertThrows(IllegalStateException.class, () -> SGD.builder().build());
        assertEquals("build(): no group was added; call group(params) first, or build(params)", none.getMessage());
    }

    @Test
    void nullsAreNamed() {
        NullPointerException e = assertThrows(NullPointerException.class,
                () -> new SGD(java.util.Arrays.asList(Tensor.zeros(1).requiresGrad(true), null), 0.1));
        assertEquals("ParamGroup: parameter 1 is null", e.getMessage());
        NullPointerException dict = assertThrows(NullPointerException.class, () -> new SGD(Quadratic.params(), 0.1).loadStateDict(null));
        assertEquals("SGD.loadStateDict: the state dict is null", dict.getMessage());
    }
}
