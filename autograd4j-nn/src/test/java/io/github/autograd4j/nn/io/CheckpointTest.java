package io.github.autograd4j.nn.io;

import io.github.autograd4j.DType;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.autograd4j.Tensor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointTest {

    @TempDir
    Path dir;

    private final Random rng = new Random(0);

    /** Live parameters as a Module's namedParameters() gives them: leaves that require grad. */
    private Map<String, Tensor> params(int in) {
        Map<String, Tensor> p = new LinkedHashMap<>();
        p.put("0.weight", Tensor.randn(rng, 20, in).requiresGrad(true));
        p.put("0.bias", Tensor.randn(rng, 20).requiresGrad(true));
        return p;
    }

    private static Map<String, double[]> values(Map<String, Tensor> params) {
        Map<String, double[]> v = new LinkedHashMap<>();
        params.forEach((k, t) -> v.put(k, t.toArray()));
        return v;
    }

    private static void assertSameValues(Map<String, double[]> expected, Map<String, Tensor> params) {
        assertEquals(expected.keySet(), params.keySet());
        expected.forEach((k, v) -> assertArrayEquals(v, params.get(k).toArray(), k));
    }

    @Test
    void savesModelAndOptimizerUnderPrefixesInOneFile() throws IOException {
        Path p = dir.resolve("ckpt.safetensors");
        Map<String, Tensor> model = params(10);
        Map<String, Tensor> optim = Map.of("step", Tensor.scalar(7), "0.exp_avg", Tensor.ones(20, 10));
        Checkpoint.save(p, model, optim, Map.of("epoch", "3"));

        assertEquals(List.of("model.0.bias", "model.0.weight", "optim.0.exp_avg", "optim.step"),
                List.copyOf(SafeTensors.read(p).tensors().keySet()));
        Checkpoint back = Checkpoint.load(p);
        assertSameValues(values(model), new LinkedHashMap<>(Map.of("0.weight", back.model().get("0.weight"),
                "0.bias", back.model().get("0.bias"))));
        assertEquals(7, back.optimizer().get("step").item());
        assertArrayEquals(Tensor.ones(20, 10).toArray(), back.optimizer().get("0.exp_avg").toArray());
        assertEquals(Map.of("epoch", "3"), back.metadata());
    }

    @Test
    void loadIntoOverwritesTheLiveParametersInPlace() throws IOException {
        Path p = dir.resolve("ckpt.safetensors");
        Map<String, Tensor> saved = params(10);
        Checkpoint.save(p, saved, Map.of(), null);
        Map<String, Tensor> live = params(10);
        Tensor weight = live.get("0.weight");
        Checkpoint ckpt = Checkpoint.loadInto(p, live);
        assertSame(weight, live.get("0.weight"));
        assertSameValues(values(saved), live);
        assertTrue(weight.requiresGrad());
        assertEquals(Map.of(), ckpt.optimizer());
    }

    @Test
    void shapeMismatchChangesNothing() throws IOException {
        Path p = dir.resolve("ckpt.safetensors");
        Map<String, Tensor> saved = new LinkedHashMap<>(params(10));
        saved.put("1.bias", Tensor.zeros(3));
        Checkpoint.save(p, saved, Map.of(), Map.of());
        Map<String, Tensor> live = new LinkedHashMap<>(params(12));
        live.put("1.bias", Tensor.zeros(3).requiresGrad(true));
        Map<String, double[]> before = values(live);
        var e = assertThrows(IllegalArgumentException.class, () -> Checkpoint.loadInto(p, live));
        assertEquals("checkpoint: parameter '0.weight' has shape (20, 10) in the file but (20, 12) in the model",
                e.getMessage());
        assertSameValues(before, live);
    }

    @Test
    void missingAndExtraNamesAreAllReportedAndChangeNothing() throws IOException {
        Path p = dir.resolve("ckpt.safetensors");
        Checkpoint.save(p, params(10), Map.of(), Map.of());
        Map<String, Tensor> live = new LinkedHashMap<>();
        live.put("0.weight", Tensor.zeros(20, 10).requiresGrad(true));
        live.put("1.weight", Tensor.zeros(2, 20).requiresGrad(true));
        Map<String, double[]> before = values(live);
        var e = assertThrows(IllegalArgumentException.class, () -> Checkpoint.loadInto(p, live));
        assertEquals("checkpoint: parameter '1.weight' of the model is missing from the file;"
                + " the file has '0.bias', which the model lacks", e.getMessage());
        assertSameValues(before, live);
    }

    @Test
    void refusesToOverwriteANonLeaf() throws IOException {
        Path p = dir.resolve("ckpt.safetensors");
        Checkpoint.save(p, Map.of("w", Tensor.zeros(2)), Map.of(), Map.of());
        Tensor leaf = Tensor.ones(2).requiresGrad(true);
        var e = assertThrows(IllegalArgumentException.class, () -> Checkpoint.loadInto(p, Map.of("w", leaf.mul(2.0))));
        assertEquals("checkpoint: parameter 'w' of the model was made by mul; only leaves can be loaded into",
                e.getMessage());
    }

    @Test
    void loadRejectsTensorsWithoutAPrefix() throws IOException {
        Path p = dir.resolve("plain.safetensors");
        SafeTensors.write(p, Map.of("weight", Tensor.zeros(2)));
        var e = assertThrows(CheckpointFormatException.class, () -> Checkpoint.load(p));
        assertEquals("checkpoint " + p + ": tensor 'weight' has none of the prefixes 'model.', 'optim.' and 'state.{name}.';"
                + " was it written by Checkpoint.save?", e.getMessage());
    }

    @Test
    void f32CheckpointsRestoreWithinFloatPrecision() throws IOException {
        Path p = dir.resolve("ckpt.safetensors");
        Map<String, Tensor> saved = params(4);
        Checkpoint.save(p, saved, Map.of(), Map.of(), DType.FLOAT32);
        Map<String, Tensor> live = params(4);
        Checkpoint.loadInto(p, live);
        saved.forEach((k, t) -> {
            for (int i = 0; i < t.numel(); i++) {
                assertEquals((float) t.storage()[i], live.get(k).storage()[i]);
            }
        });
    }
}
