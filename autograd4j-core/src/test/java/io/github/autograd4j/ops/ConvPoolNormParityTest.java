package io.github.autograd4j.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.autograd4j.Autograd;
import io.github.autograd4j.DType;
import io.github.autograd4j.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Parity with PyTorch 1.13 (reference values committed as data, made by
 * tools/reference/pytorch_conv_pool_norm.py; no PyTorch at test time) of the convolution, pooling
 * and normalisation ops: the output, the gradient of {@code sum(out * c)} with respect to every
 * differentiated operand and, in float64, the second derivatives {@code d sum(grad . v) / d operand},
 * and batch norm's running statistics after a training call. float64 agrees to 1e-12, float32 to
 * PyTorch's float32 tolerance ({@code torch.testing}'s: rtol 1.3e-6, atol 1e-5).
 */
class ConvPoolNormParityTest {

    private static final double FLOAT64_TOLERANCE = 1e-12;
    private static final double FLOAT32_RTOL = 1.3e-6;
    private static final double FLOAT32_ATOL = 1e-5;

    @TestFactory
    Stream<DynamicTest> everyCaseAgreesWithPyTorch() {
        return TorchCases.read("pytorch/conv_pool_norm.txt").stream()
                .map(c -> DynamicTest.dynamicTest(c.toString(), () -> check(c)));
    }

    /** The op of case {@code c} on {@code in} (its operands by name, null for none). */
    static Tensor apply(TorchCases.Case c, Map<String, Tensor> in) {
        Tensor x = in.get("input");
        return switch (c.op()) {
            case "conv1d" -> c.isWord("padding")
                    ? Tensor.conv1d(x, in.get("weight"), in.get("bias"), c.intValue("stride"), c.setting("padding")[0],
                            c.intValue("dilation"), c.intValue("groups"))
                    : Tensor.conv1d(x, in.get("weight"), in.get("bias"), c.intValue("stride"), c.intValue("padding"),
                            c.intValue("dilation"), c.intValue("groups"));
            case "conv2d" -> c.isWord("padding")
                    ? Tensor.conv2d(x, in.get("weight"), in.get("bias"), c.ints("stride"), c.setting("padding")[0],
                            c.ints("dilation"), c.intValue("groups"))
                    : Tensor.conv2d(x, in.get("weight"), in.get("bias"), c.ints("stride"), c.ints("padding"),
                            c.ints("dilation"), c.intValue("groups"));
            case "convTranspose2d" -> Tensor.convTranspose2d(x, in.get("weight"), in.get("bias"), c.ints("stride"),
                    c.ints("padding"), c.ints("outputPadding"), c.intValue("groups"), c.ints("dilation"));
            case "maxPool2d" -> x.maxPool2d(c.ints("kernel"), c.ints("stride"), c.ints("padding"), c.ints("dilation"),
                    c.flag("ceilMode"));
            case "avgPool2d" -> x.avgPool2d(c.ints("kernel"), c.ints("stride"), c.ints("padding"), c.flag("ceilMode"),
                    c.flag("countIncludePad"));
            case "adaptiveAvgPool2d" -> x.adaptiveAvgPool2d(c.ints("outputSize")[0], c.ints("outputSize")[1]);
            case "batchNorm" -> Tensor.batchNorm(x, in.get("runningMean"), in.get("runningVar"), in.get("weight"),
                    in.get("bias"), c.flag("training"), c.doubleValue("momentum"), c.doubleValue("eps"));
            case "groupNorm" -> Tensor.groupNorm(x, c.intValue("groups"), in.get("weight"), in.get("bias"), c.doubleValue("eps"));
            default -> throw new IllegalStateException("no op " + c.op());
        };
    }

    private static void check(TorchCases.Case c) {
        Map<String, Tensor> in = new java.util.LinkedHashMap<>();
        List<Tensor> diffs = new ArrayList<>();
        c.operands().forEach((name, t) -> {
            Tensor leaf = t.detach().clone();
            if (c.differentiated().contains(name)) {
                leaf.requiresGrad(true);
                diffs.add(leaf);
            }
            in.put(name, leaf);
        });
        Tensor out = apply(c, in);
        assertEquals(c.dtype(), out.dtype(), c + ": the result's type");
        assertClose(c, "the output", c.output(), out);
        boolean second = c.dtype() == DType.FLOAT64;
        List<Tensor> grads = Autograd.grad(out.mul(c.cotangent()).sum(), diffs, second);
        for (int i = 0; i < diffs.size(); i++) {
            String name = c.differentiated().get(i);
            assertClose(c, "the gradient of " + name, c.gradients().get(name), grads.get(i));
        }
        c.after().forEach((name, expected) -> assertClose(c, name + " after the call", expected, in.get(name)));
        if (!second || c.secondOrder().isEmpty()) {
            return;
        }
        Tensor total = Tensor.zeros();
        for (int i = 0; i < diffs.size(); i++) {
            total = total.add(grads.get(i).mul(c.vectors().get(c.differentiated().get(i))).sum());
        }
        List<Tensor> gg = total.requiresGrad() ? Autograd.grad(total, diffs, false)
                : diffs.stream().map(Tensor::zerosLike).toList();
        for (int i = 0; i < diffs.size(); i++) {
            String name = c.differentiated().get(i);
            assertClose(c, "the second derivative along v of " + name, c.secondOrder().get(name), gg.get(i));
        }
    }

    private static void assertClose(TorchCases.Case c, String what, Tensor expected, Tensor actual) {
        assertEquals(expected.shape(), actual.shape(), c + ": the shape of " + what);
        double[] e = expected.toArray();
        double[] a = actual.toArray();
        for (int i = 0; i < e.length; i++) {
            double allowed = c.dtype() == DType.FLOAT64 ? FLOAT64_TOLERANCE * Math.max(1, Math.abs(e[i]))
                    : FLOAT32_ATOL + FLOAT32_RTOL * Math.abs(e[i]);
            if (!(Math.abs(a[i] - e[i]) <= allowed)) {
                fail(c + ": " + what + " differs from PyTorch's at " + i + ": PyTorch " + e[i] + ", ours " + a[i]
                        + " (allowed " + allowed + ")");
            }
        }
    }
}
