package io.github.autograd4j.nn.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.autograd4j.DType;
import io.github.autograd4j.Tensor;
import io.github.autograd4j.nn.Linear;
import io.github.autograd4j.nn.Module;
import io.github.autograd4j.nn.ReLU;
import io.github.autograd4j.nn.Sequential;
import io.github.autograd4j.nn.loss.MSELoss;
import io.github.autograd4j.nn.optim.Optimizer;
import io.github.autograd4j.nn.optim.SGD;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A float32 model written by PyTorch (tools/reference/pytorch_mlp_float32.py, committed as data):
 * it loads into the same architecture converted to float32, and its loss, gradients, one SGD step
 * and the output after it agree with PyTorch's float32 numbers to float32's precision.
 */
class PyTorchFloat32Test {

    private static final double RTOL = 1e-5;
    private static final double ATOL = 1e-6;

    @TempDir
    Path dir;

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(PyTorchFloat32Test.class.getResource("/io/github/autograd4j/nn/pytorch/" + name).toURI());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> reference() throws Exception {
        return (Map<String, Object>) Json.parse(Files.readString(resource("mlp_float32.json")), "reference");
    }

    private static float[] floats(Object list) {
        List<?> values = (List<?>) list;
        float[] out = new float[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = ((Number) values.get(i)).floatValue();
        }
        return out;
    }

    private static void assertClose(String what, float[] expected, Tensor got) {
        assertEquals(DType.FLOAT32, got.dtype(), what);
        float[] g = got.floatStorage();
        assertEquals(expected.length, g.length, what);
        for (int i = 0; i < g.length; i++) {
            assertTrue(Math.abs(expected[i] - g[i]) <= ATOL + RTOL * Math.abs(expected[i]),
                    what + " at " + i + ": PyTorch " + expected[i] + ", ours " + g[i]);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void aFloat32ModelFromPyTorchLoadsAndTrainsAsInPyTorch() throws Exception {
        Map<String, Object> ref = reference();
        Map<String, Tensor> before = SafeTensors.read(resource("mlp_float32_before.safetensors")).tensors();
        before.values().forEach(t -> assertEquals(DType.FLOAT32, t.dtype(), "F32 in the file, float32 in memory"));
        Module model = new Sequential(new Linear(4, 8), new ReLU(), new Linear(8, 3)).to(DType.FLOAT32);
        model.loadStateDict(before);
        Tensor x = Tensor.of(floats(ref.get("input")), 2, 4);
        Tensor target = Tensor.of(floats(ref.get("target")), 2, 3);
        Optimizer sgd = new SGD(model.parameters(), 0.1);

        Tensor loss = new MSELoss().forward(model.forward(x), target);
        assertClose("loss", new float[] {((Number) ref.get("loss_before_step")).floatValue()}, loss);
        sgd.zeroGrad();
        loss.backward();
        Map<String, Object> grads = (Map<String, Object>) ref.get("grads_before_step");
        model.namedParameters().forEach((name, p) -> assertClose("gradient of " + name, floats(grads.get(name)), p.grad()));
        sgd.step();

        Map<String, Tensor> after = SafeTensors.read(resource("mlp_float32_after.safetensors")).tensors();
        model.namedParameters().forEach((name, p) -> assertClose(name + " after the step", after.get(name).floatStorage(), p));
        assertClose("output after the step", floats(ref.get("output_after_step")), model.forward(x));
    }

    @Test
    void aFloat32CheckpointKeepsItsTypeAndRestoresExactly() throws IOException {
        Module model = new Sequential(new Linear(3, 4), new ReLU(), new Linear(4, 2)).to(DType.FLOAT32);
        Optimizer sgd = SGD.builder().lr(0.1).momentum(0.9).build(model.parameters());
        new MSELoss().forward(model.forward(Tensor.randn(5, 3).to(DType.FLOAT32)), Tensor.zeros(DType.FLOAT32, 5, 2)).backward();
        sgd.step();
        Path file = dir.resolve("f32.safetensors");
        Checkpoint.save(file, model, sgd, Map.of());
        Checkpoint checkpoint = Checkpoint.load(file);
        checkpoint.model().values().forEach(t -> assertEquals(DType.FLOAT32, t.dtype()));
        assertEquals(4, checkpoint.optimizer().keySet().stream().filter(k -> k.contains("momentum_buffer")).count());
        checkpoint.optimizer().forEach((key, t) -> assertEquals(key.contains("momentum_buffer") ? DType.FLOAT32 : DType.FLOAT64,
                t.dtype(), key + ": momentum buffers in the parameters' type, counts and options in float64"));
        Module copy = new Sequential(new Linear(3, 4), new ReLU(), new Linear(4, 2)).to(DType.FLOAT32);
        Optimizer copySgd = SGD.builder().lr(0.1).momentum(0.9).build(copy.parameters());
        Checkpoint.restore(file, copy, copySgd);
        model.namedParameters().forEach((name, p) -> org.junit.jupiter.api.Assertions.assertArrayEquals(
                p.floatStorage(), copy.namedParameters().get(name).floatStorage(), name));
    }
}
