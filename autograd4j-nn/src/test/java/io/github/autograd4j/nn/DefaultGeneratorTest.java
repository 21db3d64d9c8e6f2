package io.github.autograd4j.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.autograd4j.Generator;
import io.github.autograd4j.Tensor;
import io.github.autograd4j.nn.data.Datasets;
import io.github.autograd4j.nn.data.Subset;
import io.github.autograd4j.nn.data.TensorDataset;
import io.github.autograd4j.nn.init.FanMode;
import io.github.autograd4j.nn.init.Init;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Every module and initialiser that takes a {@code Random} also works without one, as in PyTorch
 * ({@code nn.Linear(10, 20)}), drawing from {@link Generator#current()}: after
 * {@code Generator.manualSeed(s)} it gives exactly what the {@code Random} form gives with
 * {@code new Random(s)}.
 */
class DefaultGeneratorTest {

    private static final long SEED = 17;

    private static void assertSameValues(List<Tensor> expected, List<Tensor> actual, String what) {
        assertEquals(expected.size(), actual.size(), what);
        for (int i = 0; i < expected.size(); i++) {
            assertArrayEquals(expected.get(i).toArray(), actual.get(i).toArray(), what + " tensor " + i);
        }
    }

    /** {@code withDefault} after seeding the generator against {@code withRandom} given a Random of the same seed. */
    private static void assertSame(String what, Supplier<List<Tensor>> withDefault, Function<Random, List<Tensor>> withRandom) {
        Generator.manualSeed(SEED);
        List<Tensor> actual = withDefault.get();
        assertSameValues(withRandom.apply(new Random(SEED)), actual, what);
    }

    @Test
    void modulesWithoutARandom() {
        assertSame("Linear(10, 20)", () -> new Linear(10, 20).parameters(), r -> new Linear(10, 20, r).parameters());
        assertSame("Linear(10, 20, false)", () -> new Linear(10, 20, false).parameters(), r -> new Linear(10, 20, false, r).parameters());
        assertSame("Linear with initialisers", () -> new Linear(3, 2, true, Init::xavierUniform, (b, r) -> Init.normal(b, 0, 1, r))
                .parameters(), r -> new Linear(3, 2, true, r, Init::xavierUniform, (b, rr) -> Init.normal(b, 0, 1, rr)).parameters());
        assertSame("MLP(2, 8, 1)", () -> new MLP(2, 8, 1).parameters(), r -> new MLP(r, 2, 8, 1).parameters());
        assertSame("MLP(Tanh::new, 2, 8, 1)", () -> new MLP(Tanh::new, 2, 8, 1).parameters(), r -> new MLP(r, Tanh::new, 2, 8, 1).parameters());
        Tensor x = Tensor.ones(4, 5);
        assertSame("Dropout(0.5)", () -> List.of(new Dropout(0.5).forward(x)), r -> List.of(new Dropout(0.5, r).forward(x)));
    }

    @Test
    void initialisersWithoutARandom() {
        Supplier<Tensor> fresh = () -> Tensor.zeros(4, 3, 2);
        List<Function<Tensor, Tensor>> withDefault = List.of(
                t -> Init.uniform(t, -1, 2), t -> Init.normal(t, 1, 3),
                Init::xavierUniform, t -> Init.xavierUniform(t, 2), Init::xavierNormal, t -> Init.xavierNormal(t, 2),
                Init::kaimingUniform, t -> Init.kaimingUniform(t, 0.1), t -> Init.kaimingUniform(t, 0.1, FanMode.FAN_OUT),
                Init::kaimingNormal, t -> Init.kaimingNormal(t, 0.1), t -> Init.kaimingNormal(t, 0.1, FanMode.FAN_OUT));
        List<java.util.function.BiFunction<Tensor, Random, Tensor>> withRandom = List.of(
                (t, r) -> Init.uniform(t, -1, 2, r), (t, r) -> Init.normal(t, 1, 3, r),
                Init::xavierUniform, (t, r) -> Init.xavierUniform(t, 2, r), Init::xavierNormal, (t, r) -> Init.xavierNormal(t, 2, r),
                Init::kaimingUniform, (t, r) -> Init.kaimingUniform(t, 0.1, r), (t, r) -> Init.kaimingUniform(t, 0.1, FanMode.FAN_OUT, r),
                Init::kaimingNormal, (t, r) -> Init.kaimingNormal(t, 0.1, r), (t, r) -> Init.kaimingNormal(t, 0.1, FanMode.FAN_OUT, r));
        for (int k = 0; k < withDefault.size(); k++) {
            int i = k;
            assertSame("initialiser " + k, () -> List.of(withDefault.get(i).apply(fresh.get())),
                    r -> List.of(withRandom.get(i).apply(fresh.get(), r)));
        }
    }

    @Test
    void randomSplitWithoutARandom() {
        TensorDataset data = new TensorDataset(Tensor.arange(0, 10, 1));
        Function<List<Subset<io.github.autograd4j.nn.data.Batch>>, List<Tensor>> indices =
                parts -> parts.stream().map(p -> Tensor.vector(java.util.Arrays.stream(p.indices()).asDoubleStream().toArray())).toList();
        assertSame("randomSplit(lengths)", () -> indices.apply(Datasets.randomSplit(data, 3, 7)),
                r -> indices.apply(Datasets.randomSplit(data, r, 3, 7)));
        assertSame("randomSplit(fractions)", () -> indices.apply(Datasets.randomSplit(data, 0.4, 0.6)),
                r -> indices.apply(Datasets.randomSplit(data, r, 0.4, 0.6)));
    }
}
