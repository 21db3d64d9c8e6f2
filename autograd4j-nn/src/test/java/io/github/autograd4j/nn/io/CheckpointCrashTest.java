package io.github.autograd4j.nn.io;

import io.github.autograd4j.DType;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.autograd4j.Tensor;
import io.github.autograd4j.nn.Linear;
import io.github.autograd4j.nn.Module;
import io.github.autograd4j.nn.ModuleModes;
import io.github.autograd4j.nn.Sequential;
import io.github.autograd4j.nn.Tanh;
import io.github.autograd4j.nn.optim.Adam;
import io.github.autograd4j.nn.optim.Optimizer;
import java.io.IOException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A checkpoint save that fails part way leaves the previous checkpoint whole: restoring it after
 * the failure gives the model and optimiser state it held, bit for bit, and no temporary file is
 * left behind. The failures: an interrupted thread (a cancelled training task) through the public
 * API, and a stream that throws after a given number of bytes, at offsets from the header to the
 * last tensor.
 */
class CheckpointCrashTest {

    @TempDir
    Path dir;

    /** A network big enough (about 330 KB of parameters and Adam state) that a save spans many buffers. */
    private static final class Run {
        final Module net;
        final Optimizer optimizer;

        Run(long seed, int steps) {
            Random rng = new Random(seed);
            net = new Sequential(new Linear(64, 128, rng), new Tanh(), new Linear(128, 32, rng));
            optimizer = Adam.builder().lr(0.01).build(net.parameters());
            for (int i = 0; i < steps; i++) {
                optimizer.zeroGrad();
                net.forward(Tensor.randn(rng, 8, 64)).pow(2.0).mean().backward();
                optimizer.step();
            }
        }

        /** The parameters and the optimiser state, as arrays, for exact comparison. */
        Map<String, double[]> state() {
            Map<String, double[]> s = new LinkedHashMap<>();
            net.namedParameters().forEach((k, t) -> s.put("model." + k, t.toArray()));
            optimizer.stateDict().forEach((k, t) -> s.put("optim." + k, t.toArray()));
            return s;
        }

        /** The tensors {@link Checkpoint#save(Path, Module, Optimizer, Map)} writes (with the modes as metadata), under the same names. */
        Map<String, Tensor> tensors() {
            Map<String, Tensor> all = new LinkedHashMap<>();
            net.namedParameters().forEach((k, t) -> all.put(Checkpoint.MODEL_PREFIX + k, t));
            optimizer.stateDict().forEach((k, t) -> all.put(Checkpoint.OPTIMIZER_PREFIX + k, t));
            return all;
        }
    }

    /** Restores {@code path} into a fresh, differently trained network and returns its state. */
    private static Map<String, double[]> restored(Path path) throws IOException {
        Run fresh = new Run(99, 1);
        Checkpoint.restore(path, fresh.net, fresh.optimizer);
        return fresh.state();
    }

    private static void assertSameState(Map<String, double[]> expected, Map<String, double[]> actual) {
        assertEquals(expected.keySet(), actual.keySet());
        expected.forEach((k, v) -> assertArrayEquals(v, actual.get(k), k));
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        }
    }

    @Test
    void anInterruptedSaveLeavesThePreviousCheckpoint() throws IOException {
        Path p = dir.resolve("ckpt.safetensors");
        Run run = new Run(1, 3);
        Checkpoint.save(p, run.net, run.optimizer, Map.of("step", "3"));
        Map<String, double[]> saved = run.state();
        Run later = new Run(1, 5);
        Thread.currentThread().interrupt();
        try {
            assertThrows(ClosedByInterruptException.class, () -> Checkpoint.save(p, later.net, later.optimizer, Map.of("step", "5")));
        } finally {
            Thread.interrupted();
        }
        assertEquals(List.of(p), files(), "no temporary file is left");
        assertSameState(saved, restored(p));
        assertEquals("3", Checkpoint.load(p).metadata().get("step"));
    }

    @Test
    void aStreamFailingAtAnyPointLeavesThePreviousCheckpoint() throws IOException {
        Path p = dir.resolve("ckpt.safetensors");
        Run run = new Run(1, 3);
        Checkpoint.save(p, run.net, run.optimizer, Map.of());
        Map<String, double[]> saved = run.state();
        byte[] before = Files.readAllBytes(p);
        Run later = new Run(1, 5);
        for (long limit : new long[] {0, 7, 8, 500, 5_000, 100_000, before.length - 1}) {
            IOException e = assertThrows(IOException.class,
                    () -> SafeTensors.write(p, later.tensors(), ModuleModes.metadata(later.net), DType.FLOAT64,
                            AtomicWriteTest.failingAfter(limit)));
            assertTrue(e.getMessage().contains("after " + limit + " bytes"), e.getMessage());
            assertArrayEquals(before, Files.readAllBytes(p), "after a failure at byte " + limit);
            assertEquals(List.of(p), files(), "no temporary file is left after a failure at byte " + limit);
        }
        assertSameState(saved, restored(p));
        Checkpoint.save(p, later.net, later.optimizer, Map.of());
        assertFalse(Arrays.equals(before, Files.readAllBytes(p)), "a save that succeeds replaces the file");
        assertSameState(later.state(), restored(p));
    }
}
