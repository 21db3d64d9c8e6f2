package io.github.autograd4j.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.autograd4j.Autograd;
import io.github.autograd4j.DType;
import io.github.autograd4j.Tensor;
import io.github.autograd4j.TorchReference;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * embedding, oneHot, layerNorm and scaled dot-product attention against PyTorch's values,
 * gradients and second derivatives (tools/reference/pytorch_seq_ops.py, committed as data):
 * float64 to 1e-12, float32 to PyTorch's own float32 tolerance (rtol 1.3e-6, atol 1e-5).
 */
class SequenceOpsParityTest {

    private static final TorchReference REF = TorchReference.load("/io/github/autograd4j/pytorch/seq_ops.txt");

    private static String tag(DType dtype) {
        return dtype == DType.FLOAT32 ? "f32" : "f64";
    }

    private static void assertClose(String name, Tensor actual, DType dtype) {
        assertEquals(dtype, actual.dtype(), name + ": the result has the operands' type");
        if (dtype == DType.FLOAT32) {
            REF.assertClose(name, actual, 1e-5, 1.3e-6);
        } else {
            REF.assertClose(name, actual, 1e-12, 1e-12);
        }
    }

    private static Tensor leaf(String name, DType dtype) {
        return REF.get(name, dtype).requiresGrad(true);
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void embeddingWithRepeatsAndAPaddingRow(DType dtype) {
        String p = "embedding." + tag(dtype) + ".";
        Tensor weight = leaf(p + "weight", dtype);
        Tensor upstream = leaf(p + "upstream", dtype);
        Tensor out = Tensor.embedding(REF.f64(p + "indices"), weight, 1);
        assertClose(p + "out", out, dtype);
        Tensor grad = Autograd.grad(out, List.of(weight), upstream, true, true).get(0);
        assertClose(p + "grad_weight", grad, dtype);
        Tensor second = Autograd.grad(grad.mul(REF.get(p + "second_r", dtype)).sum(), List.of(upstream), false).get(0);
        assertClose(p + "second_grad_upstream", second, dtype);
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void oneHot(DType dtype) {
        Tensor indices = Tensor.of(new double[] {3, 0, 1, 3}, 2, 2).to(dtype);
        assertClose("oneHot." + tag(dtype) + ".out", indices.oneHot(5), dtype);
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void layerNormOverTwoDimsWithScaleAndShiftToSecondOrder(DType dtype) {
        String p = "layerNorm." + tag(dtype) + ".";
        Tensor x = leaf(p + "x", dtype);
        Tensor w = leaf(p + "weight", dtype);
        Tensor b = leaf(p + "bias", dtype);
        Tensor out = Tensor.layerNorm(x, new int[] {4, 5}, w, b, 1e-5);
        assertClose(p + "out", out, dtype);
        List<Tensor> grads = Autograd.grad(out, List.of(x, w, b), REF.get(p + "upstream", dtype), true, true);
        assertClose(p + "grad_x", grads.get(0), dtype);
        assertClose(p + "grad_weight", grads.get(1), dtype);
        assertClose(p + "grad_bias", grads.get(2), dtype);
        Tensor s = grads.get(0).mul(REF.get(p + "second_r_x", dtype)).sum().add(grads.get(1).mul(REF.get(p + "second_r_weight", dtype)).sum());
        List<Tensor> second = Autograd.grad(s, List.of(x, w), false);
        assertClose(p + "second_grad_x", second.get(0), dtype);
        assertClose(p + "second_grad_weight", second.get(1), dtype);
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void layerNormWithoutScaleOrShiftByTheFusedBackward(DType dtype) {
        String p = "layerNorm." + tag(dtype) + ".";
        Tensor x = leaf(p + "x", dtype);
        Tensor out = x.layerNorm(5);
        assertClose("layerNormPlain." + tag(dtype) + ".out", out, dtype);
        out.backward(REF.get(p + "upstream", dtype));
        assertClose("layerNormPlain." + tag(dtype) + ".grad_x", x.grad(), dtype);
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void layerNormsFusedBackwardGivesPyTorchsGradients(DType dtype) {
        String p = "layerNorm." + tag(dtype) + ".";
        Tensor x = leaf(p + "x", dtype);
        Tensor w = leaf(p + "weight", dtype);
        Tensor b = leaf(p + "bias", dtype);
        Tensor.layerNorm(x, new int[] {4, 5}, w, b, 1e-5).backward(REF.get(p + "upstream", dtype));
        assertClose(p + "grad_x", x.grad(), dtype);
        assertClose(p + "grad_weight", w.grad(), dtype);
        assertClose(p + "grad_bias", b.grad(), dtype);
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void causalAttentionWithAMaskToSecondOrder(DType dtype) {
        String p = "attention." + tag(dtype) + ".";
        Tensor q = leaf(p + "q", dtype);
        Tensor k = leaf(p + "k", dtype);
        Tensor v = leaf(p + "v", dtype);
        Tensor out = Tensor.scaledDotProductAttention(q, k, v, REF.get(p + "mask", dtype), true);
        assertClose(p + "out", out, dtype);
        List<Tensor> grads = Autograd.grad(out, List.of(q, k, v), REF.get(p + "upstream", dtype), true, true);
        assertClose(p + "grad_q", grads.get(0), dtype);
        assertClose(p + "grad_k", grads.get(1), dtype);
        assertClose(p + "grad_v", grads.get(2), dtype);
        List<Tensor> second = Autograd.grad(grads.get(0).mul(REF.get(p + "second_r_q", dtype)).sum(), List.of(q, k, v), false);
        assertClose(p + "second_grad_q", second.get(0), dtype);
        assertClose(p + "second_grad_k", second.get(1), dtype);
        assertClose(p + "second_grad_v", second.get(2), dtype);
    }
}
