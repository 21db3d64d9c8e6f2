package io.github.autograd4j.nn.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.autograd4j.Grad;
import io.github.autograd4j.Tensor;
import io.github.autograd4j.nn.Dropout;
import io.github.autograd4j.nn.Linear;
import io.github.autograd4j.nn.Module;
import io.github.autograd4j.nn.ModuleModes;
import io.github.autograd4j.nn.Sequential;
import io.github.autograd4j.nn.optim.Optimizer;
import io.github.autograd4j.nn.optim.SGD;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A checkpoint holds a module's buffers beside its parameters, and its training and evaluation modes. */
class CheckpointBuffersAndModesTest {

    @TempDir
    Path dir;

    /** Counts its forward calls in training mode in a buffer. */
    private static final class Counting extends Module {
        Counting() {
            registerBuffer("num_batches_tracked", Tensor.scalar(0));
        }

        @Override
        public Tensor forward(Tensor x) {
            if (isTraining()) {
                try (var off = Grad.disabled()) {
                    buffer("num_batches_tracked").copyFrom(buffer("num_batches_tracked").add(1));
                }
            }
            return x;
        }
    }

    private static Sequential net() {
        Random rng = new Random(3);
        return new Sequential(new Linear(2, 3, rng), new Counting(), new Sequential(new Dropout(0.5, rng), new Linear(3, 1, rng)));
    }

    @Test
    void buffersAreSavedAndRestoredWithTheParameters() throws Exception {
        Sequential saved = net();
        Optimizer sgd = new SGD(saved.parameters(), 0.1);
        saved.forward(Tensor.ones(1, 2));
        saved.forward(Tensor.ones(1, 2));
        Path file = dir.resolve("ckpt.safetensors");
        Checkpoint.save(file, saved, sgd, Map.of());
        assertEquals(2.0, Checkpoint.load(file).model().get("1.num_batches_tracked").item());

        Sequential restored = net();
        Checkpoint.restore(file, restored, new SGD(restored.parameters(), 0.1));
        assertEquals(2.0, restored.namedBuffers().get("1.num_batches_tracked").item());
        saved.namedParameters().forEach((name, p) ->
                assertArrayEquals(p.toArray(), restored.namedParameters().get(name).toArray(), 0.0, name));
    }

    @Test
    void theModesAreSavedAndRestoredModuleByModule() throws Exception {
        Sequential saved = net();
        saved.eval();
        saved.get(2).train();
        ((Sequential) saved.get(2)).get(1).eval();
        Map<String, String> metadata = ModuleModes.metadata(saved);
        assertEquals(Map.of(ModuleModes.KEY, "false", ModuleModes.EXCEPTIONS_KEY, "2,2.0"), metadata);
        Path file = dir.resolve("ckpt.safetensors");
        Checkpoint.save(file, saved, new SGD(saved.parameters(), 0.1), Map.of("epoch", "4"));
        assertEquals("false", Checkpoint.load(file).metadata().get(ModuleModes.KEY));
        assertEquals("4", Checkpoint.load(file).metadata().get("epoch"));

        Sequential restored = net();
        assertTrue(restored.isTraining());
        Checkpoint.restore(file, restored, new SGD(restored.parameters(), 0.1));
        restored.namedModules().forEach((name, m) ->
                assertEquals(saved.namedModules().get(name).isTraining(), m.isTraining(), "module '" + name + "'"));
        assertFalse(((Sequential) restored.get(2)).get(1).isTraining());
    }

    @Test
    void aModelInOneModeHasNoExceptions() throws Exception {
        Sequential net = net();
        assertEquals(Map.of(ModuleModes.KEY, "true"), ModuleModes.metadata(net));
        net.eval();
        Path file = dir.resolve("ckpt.safetensors");
        Checkpoint.save(file, net, new SGD(net.parameters(), 0.1), Map.of());
        Sequential restored = net();
        Checkpoint.restore(file, restored, new SGD(restored.parameters(), 0.1));
        restored.namedModules().values().forEach(m -> assertFalse(m.isTraining()));
    }

    @Test
    void aFileWithoutModesLeavesTheModesAsTheyAre() throws Exception {
        Sequential net = net();
        Optimizer sgd = new SGD(net.parameters(), 0.1);
        Path file = dir.resolve("old.safetensors");
        Checkpoint.save(file, net.stateDict(), sgd.stateDict(), Map.of());   // as files written before modes were saved
        net.eval();
        Checkpoint.restore(file, net, sgd);
        assertFalse(net.isTraining());
    }
}
