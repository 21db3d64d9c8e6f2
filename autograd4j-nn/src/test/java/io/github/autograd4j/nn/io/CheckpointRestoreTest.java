package io.github.autograd4j.nn.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.autograd4j.Tensor;
import io.github.autograd4j.nn.Linear;
import io.github.autograd4j.nn.MLP;
import io.github.autograd4j.nn.Module;
import io.github.autograd4j.nn.Stateful;
import io.github.autograd4j.nn.data.DataLoader;
import io.github.autograd4j.nn.data.TensorDataset;
import io.github.autograd4j.nn.loss.MSELoss;
import io.github.autograd4j.nn.optim.Adam;
import io.github.autograd4j.nn.optim.CosineAnnealingLR;
import io.github.autograd4j.nn.optim.Optimizer;
import io.github.autograd4j.nn.optim.StepLR;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Saving and restoring a module with its optimiser: resuming equals not stopping; a mismatch changes nothing. */
class CheckpointRestoreTest {

    @TempDir
    Path dir;

    private final Tensor x = Tensor.randn(new Random(1), 8, 3);
    private final Tensor y = Tensor.randn(new Random(2), 8, 2);

    private void train(Module net, Optimizer optimizer, int steps) {
        for (int i = 0; i < steps; i++) {
            optimizer.zeroGrad();
            new MSELoss().forward(net.forward(x), y).backward();
            optimizer.step();
        }
    }

    private static List<double[]> values(Module net) {
        return net.parameters().stream().map(Tensor::toArray).toList();
    }

    @Test
    void resumingFromACheckpointEqualsNotStopping() throws Exception {
        Module straight = new MLP(new Random(5), 3, 4, 2);
        train(straight, Adam.builder().lr(0.01).build(straight.parameters()), 6);

        Module first = new MLP(new Random(5), 3, 4, 2);
        Optimizer firstOptimizer = Adam.builder().lr(0.01).build(first.parameters());
        train(first, firstOptimizer, 3);
        Path file = dir.resolve("ckpt.safetensors");
        Checkpoint.save(file, first, firstOptimizer, Map.of("step", "3"));

        Module resumed = new MLP(new Random(99), 3, 4, 2);
        Optimizer resumedOptimizer = Adam.builder().lr(0.01).build(resumed.parameters());
        Checkpoint checkpoint = Checkpoint.restore(file, resumed, resumedOptimizer);
        assertEquals("3", checkpoint.metadata().get("step"));
        train(resumed, resumedOptimizer, 3);

        List<double[]> expected = values(straight);
        List<double[]> actual = values(resumed);
        for (int i = 0; i < expected.size(); i++) {
            assertArrayEquals(expected.get(i), actual.get(i), 0.0, "parameter " + i);
        }
    }

    @Test
    void anotherArchitectureIsRefusedAndNothingChanges() throws Exception {
        Module net = new MLP(new Random(5), 3, 4, 2);
        Optimizer optimizer = Adam.builder().lr(0.01).build(net.parameters());
        train(net, optimizer, 2);
        Path file = dir.resolve("ckpt.safetensors");
        Checkpoint.save(file, net, optimizer, Map.of());

        Module other = new MLP(new Random(6), 3, 5, 2);
        Optimizer otherOptimizer = Adam.builder().lr(0.01).build(other.parameters());
        train(other, otherOptimizer, 1);
        List<double[]> before = values(other);
        Map<String, Tensor> stateBefore = otherOptimizer.stateDict();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Checkpoint.restore(file, other, otherOptimizer));
        assertTrue(e.getMessage().startsWith("checkpoint: parameter '0.weight' has shape (4, 3) in the file but (5, 3) in the model"),
                e.getMessage());
        List<double[]> after = values(other);
        for (int i = 0; i < before.size(); i++) {
            assertArrayEquals(before.get(i), after.get(i), 0.0);
        }
        Map<String, Tensor> stateAfter = otherOptimizer.stateDict();
        assertEquals(stateBefore.keySet(), stateAfter.keySet());
        stateBefore.forEach((k, v) -> assertArrayEquals(v.toArray(), stateAfter.get(k).toArray(), 0.0, k));
        assertEquals(Linear.class, ((MLP) other).get(0).getClass());
    }

    private static void assertSameState(Map<String, Tensor> expected, Map<String, Tensor> actual) {
        assertEquals(expected.keySet(), actual.keySet());
        expected.forEach((k, v) -> assertArrayEquals(v.toArray(), actual.get(k).toArray(), 0.0, k));
    }

    @Test
    void otherStatesAreSavedUnderTheirNamesAndRestored() throws Exception {
        Module net = new MLP(new Random(5), 3, 4, 2);
        Optimizer optimizer = Adam.builder().lr(0.01).build(net.parameters());
        CosineAnnealingLR scheduler = new CosineAnnealingLR(optimizer, 10, 0);
        DataLoader loader = new DataLoader(new TensorDataset(x, y), 3, true, 4L, false);
        train(net, optimizer, 2);
        scheduler.step();
        loader.iterator().next();
        Path file = dir.resolve("ckpt.safetensors");
        Checkpoint.save(file, net, optimizer, Map.of("scheduler", scheduler, "loader", loader), Map.of("epoch", "0"));
        assertTrue(SafeTensors.read(file).tensors().keySet().containsAll(List.of("state.scheduler.steps",
                "state.scheduler.base_lrs", "state.loader.epoch", "state.loader.batch")));

        Module net2 = new MLP(new Random(6), 3, 4, 2);
        Optimizer optimizer2 = Adam.builder().lr(0.01).build(net2.parameters());
        CosineAnnealingLR scheduler2 = new CosineAnnealingLR(optimizer2, 10, 0);
        DataLoader loader2 = new DataLoader(new TensorDataset(x, y), 3, true, 9L, false);
        Checkpoint.restore(file, net2, optimizer2, Map.of("scheduler", scheduler2, "loader", loader2));
        assertSameState(optimizer.stateDict(), optimizer2.stateDict());
        assertSameState(scheduler.stateDict(), scheduler2.stateDict());
        assertSameState(loader.stateDict(), loader2.stateDict());
        assertEquals(Map.of("scheduler", 2, "loader", 6), Map.of("scheduler", Checkpoint.load(file).states().get("scheduler").size(),
                "loader", Checkpoint.load(file).states().get("loader").size()));
    }

    @Test
    void whenOneStateRefusesTheOthersAreGivenTheirStateBack() throws Exception {
        Module net = new MLP(new Random(5), 3, 4, 2);
        Optimizer optimizer = Adam.builder().lr(0.01).build(net.parameters());
        train(net, optimizer, 2);
        Path file = dir.resolve("ckpt.safetensors");
        StepLR savedScheduler = new StepLR(optimizer, 1, 0.5);
        savedScheduler.step();
        Checkpoint.save(file, net, optimizer, Map.of("scheduler", savedScheduler,
                "loader", new DataLoader(new TensorDataset(x, y), 3, true, 1L, false)), Map.of());

        Module other = new MLP(new Random(7), 3, 4, 2);
        Optimizer otherOptimizer = Adam.builder().lr(0.02).build(other.parameters());
        train(other, otherOptimizer, 1);
        StepLR otherScheduler = new StepLR(otherOptimizer, 1, 0.5);
        DataLoader otherLoader = new DataLoader(new TensorDataset(x, y), 4, true, 1L, false);   // another batch size
        List<double[]> before = values(other);
        Map<String, Tensor> optimizerBefore = otherOptimizer.stateDict();
        Map<String, Tensor> schedulerBefore = otherScheduler.stateDict();
        Map<String, Stateful> states = new LinkedHashMap<>();
        states.put("scheduler", otherScheduler);
        states.put("loader", otherLoader);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Checkpoint.restore(file, other, otherOptimizer, states));
        assertTrue(e.getMessage().startsWith("DataLoader.loadStateDict: the state is of a loader of 8 samples in batches of 3"),
                e.getMessage());
        assertSameState(optimizerBefore, otherOptimizer.stateDict());
        assertSameState(schedulerBefore, otherScheduler.stateDict());
        assertEquals(0.02, otherOptimizer.lr());
        List<double[]> after = values(other);
        for (int i = 0; i < before.size(); i++) {
            assertArrayEquals(before.get(i), after.get(i), 0.0);
        }

        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> Checkpoint.restore(file, other, otherOptimizer, Map.of("plateau", otherScheduler)));
        assertEquals("checkpoint: the file has no state 'plateau' (it has [loader, scheduler]); was it saved with one?",
                missing.getMessage());
        assertSameState(optimizerBefore, otherOptimizer.stateDict());
    }

    @Test
    void aStateNameMustFitInATensorName() {
        Module net = new MLP(new Random(5), 3, 4, 2);
        Optimizer optimizer = Adam.builder().lr(0.01).build(net.parameters());
        Path file = dir.resolve("ckpt.safetensors");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Checkpoint.save(file, net, optimizer, Map.of("lr.schedule", new StepLR(optimizer, 1, 0.5)), Map.of()));
        assertEquals("Checkpoint.save: state name 'lr.schedule' must be letters, digits, '_' or '-' (it becomes part of the"
                + " tensors' names)", e.getMessage());
        assertTrue(Files.notExists(file));
    }
}
