package io.github.autograd4j.nn.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.autograd4j.DType;
import io.github.autograd4j.Tensor;
import io.github.autograd4j.nn.AdaptiveAvgPool2d;
import io.github.autograd4j.nn.AvgPool2d;
import io.github.autograd4j.nn.BatchNorm1d;
import io.github.autograd4j.nn.BatchNorm2d;
import io.github.autograd4j.nn.Conv1d;
import io.github.autograd4j.nn.Conv2d;
import io.github.autograd4j.nn.ConvOptions;
import io.github.autograd4j.nn.ConvTranspose2d;
import io.github.autograd4j.nn.GroupNorm;
import io.github.autograd4j.nn.MaxPool2d;
import io.github.autograd4j.nn.Module;
import io.github.autograd4j.nn.ReLU;
import io.github.autograd4j.nn.Sequential;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Two small models of the convolution, pooling and normalisation modules, initialised by PyTorch
 * (tools/reference/pytorch_cnn_modules.py, committed as data): PyTorch's state dict loads one to
 * one into ours (the same names in the same order, buffers included), and two training-mode calls
 * give PyTorch's output, parameter gradients and running statistics, then an evaluation-mode call
 * PyTorch's output: float64 to 1e-12, float32 to PyTorch's float32 tolerance. With
 * {@code -Dautograd4j.pytorch.out=DIR} the test also writes our state dicts and evaluation outputs
 * for the script's {@code check}, which loads them into PyTorch.
 */
class PyTorchCnnModulesTest {

    private static final Map<String, Supplier<Module>> MODELS = Map.of(
            "cnn2d", () -> new Sequential(
                    new Conv2d(2, 4, 3, ConvOptions.defaults().padding(1)),
                    new BatchNorm2d(4),
                    new ReLU(),
                    new MaxPool2d(2),
                    new Conv2d(4, 6, 3, ConvOptions.defaults().padding("same").groups(2).bias(false)),
                    new GroupNorm(3, 6),
                    new ConvTranspose2d(6, 4, 3, ConvOptions.defaults().stride(2).padding(1).outputPadding(1)),
                    new AvgPool2d(new int[] {2}, new int[] {2}, new int[] {1}, false, false),
                    new AdaptiveAvgPool2d(3)),
            "cnn1d", () -> new Sequential(
                    new Conv1d(3, 4, 3, ConvOptions.defaults().padding(2).dilation(2)),
                    new BatchNorm1d(4, 1e-5, null, true, true),
                    new ReLU(),
                    new Conv1d(4, 2, 1)));

    private static Path resource(String name) throws Exception {
        return Path.of(PyTorchCnnModulesTest.class.getResource("/io/github/autograd4j/nn/pytorch/" + name).toURI());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> reference(String key) throws Exception {
        Map<String, Object> all = (Map<String, Object>) Json.parse(Files.readString(resource("cnn_modules.json")), "reference");
        return (Map<String, Object>) all.get(key);
    }

    private static double[] doubles(Object list) {
        return ((List<?>) list).stream().mapToDouble(v -> ((Number) v).doubleValue()).toArray();
    }

    @SuppressWarnings("unchecked")
    private static Tensor tensor(Object entry, DType dtype) {
        Map<String, Object> e = (Map<String, Object>) entry;
        int[] shape = ((List<?>) e.get("shape")).stream().mapToInt(v -> ((Number) v).intValue()).toArray();
        return Tensor.of(doubles(e.get("values")), shape).to(dtype);
    }

    private static void assertClose(String what, double[] expected, Tensor got, DType dtype) {
        assertEquals(dtype, got.dtype(), what);
        // float64: 1e-12; float32: PyTorch's own tolerance for float32 (torch.testing.assert_close)
        double rtol = dtype == DType.FLOAT64 ? 1e-12 : 1.3e-6;
        double atol = dtype == DType.FLOAT64 ? 1e-12 : 1e-5;
        double[] g = got.doubles();
        assertEquals(expected.length, g.length, what);
        for (int i = 0; i < g.length; i++) {
            assertTrue(Math.abs(expected[i] - g[i]) <= atol + rtol * Math.abs(expected[i]),
                    what + " at " + i + ": PyTorch " + expected[i] + ", ours " + g[i]);
        }
    }

    @ParameterizedTest(name = "{0} in {1}")
    @CsvSource({"cnn2d, FLOAT64", "cnn2d, FLOAT32", "cnn1d, FLOAT64", "cnn1d, FLOAT32"})
    @SuppressWarnings("unchecked")
    void pytorchsModelLoadsOneToOneAndTrainsAndEvaluatesAsInPyTorch(String model, DType dtype) throws Exception {
        String key = model + "_" + dtype.name().toLowerCase(java.util.Locale.ROOT);
        Map<String, Object> ref = reference(key);
        Module ours = MODELS.get(model).get().to(dtype);
        assertEquals(ref.get("state_order"), List.copyOf(ours.stateDict().keySet()), "PyTorch's names in PyTorch's order");

        Map<String, Tensor> initial = SafeTensors.read(resource(key + ".safetensors")).tensors();
        ours.loadStateDict(initial);
        ours.stateDict().forEach((name, t) -> assertArrayEquals(initial.get(name).doubles(), t.doubles(), 0.0, name));

        List<Object> inputs = (List<Object>) ref.get("inputs");
        ours.train();
        ours.forward(tensor(inputs.get(0), dtype));
        ours.zeroGrad();
        Tensor y = ours.forward(tensor(inputs.get(1), dtype));
        assertClose("training output", doubles(((Map<String, Object>) ref.get("train_output")).get("values")), y, dtype);
        y.mul(tensor(ref.get("cotangent"), dtype)).sum().backward();
        Map<String, Object> gradients = (Map<String, Object>) ref.get("gradients");
        assertEquals(gradients.keySet(), ours.namedParameters().keySet());
        ours.namedParameters().forEach((name, p) -> assertClose("gradient of " + name, doubles(gradients.get(name)), p.grad(), dtype));
        Map<String, Object> after = (Map<String, Object>) ref.get("state_after");
        ours.stateDict().forEach((name, t) -> assertClose(name + " after two training calls", doubles(after.get(name)), t, dtype));

        ours.eval();
        Tensor x = tensor(inputs.get(2), dtype);
        Tensor evaluated = ours.forward(x);
        assertClose("evaluation output", doubles(((Map<String, Object>) ref.get("eval_output")).get("values")), evaluated, dtype);

        String out = System.getProperty("autograd4j.pytorch.out");
        if (out != null) {
            SafeTensors.write(Path.of(out, "ours_" + key + ".safetensors"), ours.stateDict());
            SafeTensors.write(Path.of(out, "ours_" + key + "_eval.safetensors"), Map.of("input", x, "output", evaluated));
        }
    }
}
