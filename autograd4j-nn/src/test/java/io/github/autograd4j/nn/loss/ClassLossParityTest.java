package io.github.autograd4j.nn.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.autograd4j.DType;
import io.github.autograd4j.Tensor;
import io.github.autograd4j.TorchReference;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Cross-entropy and NLL with class weights, ignored targets, label smoothing and (N, C, L) inputs
 * against PyTorch's losses and gradients for each reduction (tools/reference/pytorch_class_losses.py):
 * float64 to 1e-12, float32 to PyTorch's float32 tolerance.
 */
class ClassLossParityTest {

    private static final TorchReference REF = TorchReference.load("/io/github/autograd4j/nn/pytorch/class_losses.txt");

    private static void check(String name, DType dtype, Function<Reduction, Loss> loss) {
        String p = name + (dtype == DType.FLOAT32 ? ".f32" : ".f64");
        for (Reduction reduction : Reduction.values()) {
            Tensor x = REF.get(p + ".input", dtype).requiresGrad(true);
            Tensor target = REF.get(p + ".target", dtype);
            Tensor out = loss.apply(reduction).forward(x, target);
            String r = p + "." + reduction.name().toLowerCase();
            assertEquals(dtype, out.dtype(), r);
            out.sum().backward();
            double atol = dtype == DType.FLOAT32 ? 1e-5 : 1e-12;
            double rtol = dtype == DType.FLOAT32 ? 1.3e-6 : 1e-12;
            REF.assertClose(r, out, atol, rtol);
            REF.assertClose(r + ".grad", x.grad(), atol, rtol);
        }
    }

    private static Tensor weight(String name, DType dtype) {
        return REF.get(name + (dtype == DType.FLOAT32 ? ".f32" : ".f64") + ".weight", dtype);
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void crossEntropyWithWeightsAnIgnoredClassAndLabelSmoothing(DType dtype) {
        check("ce2d", dtype, r -> new CrossEntropyLoss(weight("ce2d", dtype), 2, r, 0.1));
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void crossEntropyOverSequencesWithPaddingMarkedMinus100(DType dtype) {
        check("ce3d", dtype, r -> new CrossEntropyLoss(weight("ce3d", dtype), CrossEntropyLoss.DEFAULT_IGNORE_INDEX, r, 0.2));
        check("ce3dPlain", dtype, CrossEntropyLoss::new);
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void crossEntropyOfProbabilitiesOverSequences(DType dtype) {
        check("ceProb", dtype, r -> new CrossEntropyLoss(weight("ceProb", dtype), CrossEntropyLoss.DEFAULT_IGNORE_INDEX, r, 0.1));
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void nllOverSequencesWithWeightsAndAnIgnoredIndex(DType dtype) {
        check("nll3d", dtype, r -> new NLLLoss(weight("nll3d", dtype), 0, r));
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void everyTargetIgnoredGivesNaNForTheMeanAsInPyTorch(DType dtype) {
        Tensor loss = new CrossEntropyLoss().forward(Tensor.ones(2, 3).to(dtype), Tensor.of(-100, -100));
        assertTrue(Double.isNaN(loss.item()));
        assertEquals(0.0, new CrossEntropyLoss(Reduction.SUM).forward(Tensor.ones(2, 3).to(dtype), Tensor.of(-100, -100)).item());
    }
}
