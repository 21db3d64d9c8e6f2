package io.github.autograd4j;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every tensor operation of the core, in float64 and in float32, against PyTorch 1.13 on the same
 * operands: the output, the gradients for a random upstream gradient, and the second derivatives
 * of {@code sum_k <grad_k, r_k>} for random {@code r_k} (reference data written once by
 * tools/reference/pytorch_tensor_ops.py, committed; no torch at test time). Broadcasting operands
 * are among the cases. float64 agrees to 1e-12; float32 within the tolerance PyTorch's own
 * {@code assert_close} uses for float32 (absolute 1e-5, relative 1.3e-6): our float32 ops round
 * once from double where PyTorch's accumulate in float, so the two may differ in the last places.
 */
class TensorOpsParityTest {

    private static final TorchReference REF = TorchReference.load("/io/github/autograd4j/pytorch/tensor_ops.txt");
    private static final double F64_TOLERANCE = 1e-12;
    private static final double F32_ABSOLUTE = 1e-5;
    private static final double F32_RELATIVE = 1.3e-6;

    private static final Map<String, Case> CASES = new LinkedHashMap<>();
    private static final Map<String, Case> DISCRETE = new LinkedHashMap<>();

    private record Case(int arity, Function<Tensor[], Tensor> op) {
    }

    private static void differentiable(String name, int arity, Function<Tensor[], Tensor> op) {
        CASES.put(name, new Case(arity, op));
    }

    private static void discrete(String name, int arity, Function<Tensor[], Tensor> op) {
        DISCRETE.put(name, new Case(arity, op));
    }

    /** An index or condition tensor of the reference, the same for both types. */
    private static Tensor index(String name) {
        return REF.f64(name + ".index");
    }

    static {
        differentiable("add", 2, x -> x[0].add(x[1]));
        differentiable("sub", 2, x -> x[0].sub(x[1]));
        differentiable("mul", 2, x -> x[0].mul(x[1]));
        differentiable("div", 2, x -> x[0].div(x[1]));
        differentiable("powTensor", 2, x -> x[0].pow(x[1]));
        differentiable("maximum", 2, x -> x[0].maximum(x[1]));
        differentiable("minimum", 2, x -> x[0].minimum(x[1]));
        differentiable("where", 2, x -> Tensor.where(index("where"), x[0], x[1]));
        differentiable("maskedFill", 1, x -> x[0].maskedFill(index("maskedFill"), 0.5));
        differentiable("addScalar", 1, x -> x[0].add(2.5));
        differentiable("mulScalar", 1, x -> x[0].mul(-1.5));
        differentiable("divScalar", 1, x -> x[0].div(4.0));

        differentiable("neg", 1, x -> x[0].neg());
        differentiable("exp", 1, x -> x[0].exp());
        differentiable("log", 1, x -> x[0].log());
        differentiable("log1p", 1, x -> x[0].log1p());
        differentiable("expm1", 1, x -> x[0].expm1());
        differentiable("sqrt", 1, x -> x[0].sqrt());
        differentiable("rsqrt", 1, x -> x[0].rsqrt());
        differentiable("abs", 1, x -> x[0].abs());
        differentiable("sign", 1, x -> x[0].sign());
        differentiable("sin", 1, x -> x[0].sin());
        differentiable("cos", 1, x -> x[0].cos());
        differentiable("tanh", 1, x -> x[0].tanh());
        differentiable("sigmoid", 1, x -> x[0].sigmoid());
        differentiable("relu", 1, x -> x[0].relu());
        differentiable("leakyRelu", 1, x -> x[0].leakyRelu(0.1));
        differentiable("elu", 1, x -> x[0].elu(0.5));
        differentiable("gelu", 1, x -> x[0].gelu());
        differentiable("softplus", 1, x -> x[0].softplus());
        differentiable("clamp", 1, x -> x[0].clamp(-0.5, 0.5));
        differentiable("powScalar", 1, x -> x[0].pow(3));
        differentiable("powFractional", 1, x -> x[0].pow(2.5));

        differentiable("sum", 1, x -> x[0].sum());
        differentiable("sumDimKeep", 1, x -> x[0].sum(1, true));
        differentiable("sumDims", 1, x -> x[0].sum(0, 2));
        differentiable("mean", 1, x -> x[0].mean());
        differentiable("meanDim", 1, x -> x[0].mean(-1));
        differentiable("prod", 1, x -> x[0].prod());
        differentiable("prodDim", 1, x -> x[0].prod(1));
        differentiable("max", 1, x -> x[0].max());
        differentiable("maxDim", 1, x -> x[0].max(1));
        differentiable("minDimKeep", 1, x -> x[0].min(0, true));
        differentiable("var", 1, x -> x[0].var());
        differentiable("varDim", 1, x -> x[0].var(1));
        differentiable("varCorrection0", 1, x -> x[0].var(new int[] {0, 1}, 0, false));
        differentiable("std", 1, x -> x[0].std());
        differentiable("stdDim", 1, x -> x[0].std(0));
        differentiable("norm", 1, x -> x[0].norm());
        differentiable("norm1Dim", 1, x -> x[0].norm(1, 1, false));
        differentiable("norm3", 1, x -> x[0].norm(3));
        differentiable("logSumExp", 1, x -> x[0].logSumExp(1));
        differentiable("softmax", 1, x -> x[0].softmax(1));
        differentiable("logSoftmax", 1, x -> x[0].logSoftmax(-1));

        differentiable("matmul", 2, x -> x[0].matmul(x[1]));
        differentiable("matmulBatched", 2, x -> x[0].matmul(x[1]));
        differentiable("matmulVectorMatrix", 2, x -> x[0].matmul(x[1]));
        differentiable("matmulMatrixVector", 2, x -> x[0].matmul(x[1]));
        differentiable("linear", 3, x -> Tensor.linear(x[0], x[1], x[2]));
        differentiable("dot", 2, x -> x[0].dot(x[1]));
        differentiable("outer", 2, x -> x[0].outer(x[1]));

        differentiable("inv", 1, x -> x[0].inv());
        differentiable("invBatched", 1, x -> x[0].inv());
        differentiable("det", 1, x -> x[0].det());
        differentiable("logDet", 1, x -> x[0].logDet());
        differentiable("solve", 2, x -> Tensor.solve(x[0], x[1]));
        differentiable("cholesky", 1, x -> x[0].matmul(x[0].mT()).add(Tensor.eye(3).to(x[0].dtype()).mul(3.0)).cholesky());

        differentiable("reshape", 1, x -> x[0].reshape(3, 8));
        differentiable("flatten", 1, x -> x[0].flatten(1, 2));
        differentiable("squeeze", 1, x -> x[0].squeeze(1));
        differentiable("unsqueeze", 1, x -> x[0].unsqueeze(0));
        differentiable("transpose", 1, x -> x[0].transpose(0, 2));
        differentiable("permute", 1, x -> x[0].permute(2, 0, 1));
        differentiable("reverseDims", 1, x -> x[0].T());
        differentiable("t", 1, x -> x[0].t());
        differentiable("repeat", 1, x -> x[0].repeat(2, 1, 3));
        differentiable("expand", 1, x -> x[0].expand(2, 3, 4));
        differentiable("clone", 1, x -> x[0].clone());
        differentiable("slice", 1, x -> x[0].slice(1, 1, 4, 2));
        differentiable("select", 1, x -> x[0].select(1, 2));
        differentiable("indexSelect", 1, x -> x[0].indexSelect(0, 2, 0, 2));
        differentiable("gather", 1, x -> x[0].gather(1, index("gather")));
        differentiable("scatterAdd", 2, x -> x[0].scatterAdd(0, index("scatterAdd"), x[1]));
        differentiable("cat", 2, x -> Tensor.cat(1, x[0], x[1]));
        differentiable("stack", 2, x -> Tensor.stack(1, x[0], x[1]));

        discrete("eq", 2, x -> x[0].eq(x[1]));
        discrete("ne", 2, x -> x[0].ne(x[1]));
        discrete("lt", 2, x -> x[0].lt(x[1]));
        discrete("le", 2, x -> x[0].le(x[1]));
        discrete("gt", 2, x -> x[0].gt(x[1]));
        discrete("ge", 2, x -> x[0].ge(x[1]));
        discrete("argmax", 1, x -> x[0].argmax(1));
        discrete("argmin", 1, x -> x[0].argmin());
    }

    @TestFactory
    Stream<DynamicTest> valuesGradientsAndSecondDerivatives() {
        return Stream.of(DType.FLOAT64, DType.FLOAT32).flatMap(dtype -> CASES.entrySet().stream()
                .map(c -> DynamicTest.dynamicTest(c.getKey() + " " + dtype, () -> checkDifferentiable(c.getKey(), c.getValue(), dtype))));
    }

    @TestFactory
    Stream<DynamicTest> valuesOfComparisonsAndArgReductions() {
        return Stream.of(DType.FLOAT64, DType.FLOAT32).flatMap(dtype -> DISCRETE.entrySet().stream()
                .map(c -> DynamicTest.dynamicTest(c.getKey() + " " + dtype, () -> {
                    String at = c.getKey() + "." + tag(dtype) + ".";
                    Tensor out = c.getValue().op().apply(operands(at, c.getValue().arity(), dtype, false));
                    REF.assertClose(at + "out", out, 0, 0);
                })));
    }

    private static void checkDifferentiable(String name, Case c, DType dtype) {
        String at = name + "." + tag(dtype) + ".";
        double atol = dtype == DType.FLOAT64 ? F64_TOLERANCE : F32_ABSOLUTE;
        double rtol = dtype == DType.FLOAT64 ? F64_TOLERANCE : F32_RELATIVE;
        Tensor[] x = operands(at, c.arity(), dtype, true);
        Tensor out = c.op().apply(x);
        assertEquals(dtype, out.dtype(), name + ": the result of " + dtype + " operands");
        REF.assertClose(at + "out", out, atol, rtol);

        List<Tensor> grads = Autograd.grad(out, List.of(x), REF.get(at + "upstream", dtype), true, true);
        Tensor inner = null;
        for (int k = 0; k < x.length; k++) {
            assertEquals(dtype, grads.get(k).dtype(), name + ": gradient " + k + " has its operand's type");
            REF.assertClose(at + "grad" + k, grads.get(k), atol, rtol);
            Tensor term = grads.get(k).mul(REF.get(at + "r" + k, dtype)).sum();
            inner = inner == null ? term : inner.add(term);
        }
        List<Tensor> seconds = inner.requiresGrad()
                ? Autograd.grad(inner, List.of(x), null, false, false)
                : Arrays.stream(x).map(Tensor::zerosLike).toList();
        for (int k = 0; k < x.length; k++) {
            REF.assertClose(at + "second" + k, seconds.get(k), atol, rtol);
        }
    }

    private static Tensor[] operands(String at, int arity, DType dtype, boolean requiresGrad) {
        List<Tensor> x = new ArrayList<>();
        for (int k = 0; k < arity; k++) {
            x.add(REF.get(at + "x" + k, dtype).requiresGrad(requiresGrad));
        }
        return x.toArray(Tensor[]::new);
    }

    private static String tag(DType dtype) {
        return dtype == DType.FLOAT64 ? "f64" : "f32";
    }
}
