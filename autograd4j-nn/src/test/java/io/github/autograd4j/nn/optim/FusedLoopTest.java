package io.github.autograd4j.nn.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.github.autograd4j.DType;
import io.github.autograd4j.Tensor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The fused update loops of SGD and Adam on a float32 parameter larger than several of
 * {@link FusedLoop}'s chunks (and not a multiple of one): each element of the new parameter and of
 * the state is, bit for bit, the float64 step on the widened values rounded once, and stays float32.
 * A step writes each parameter in place, counted as one change, and gives what {@code update}
 * computes into a new tensor.
 */
class FusedLoopTest {

    private static final int N = 5000;

    @Test
    void sgdWithMomentumNesterovAndWeightDecay() {
        assertFloat32StepIsTheRoundedFloat64Step(p -> SGD.builder().lr(0.1).momentum(0.9).nesterov(true).weightDecay(0.01).build(List.of(p)));
    }

    @Test
    void adamWithAmsgradAndAdamW() {
        assertFloat32StepIsTheRoundedFloat64Step(p -> Adam.builder().lr(0.01).amsgrad(true).weightDecay(0.1).build(List.of(p)));
        assertFloat32StepIsTheRoundedFloat64Step(p -> AdamW.builder().lr(0.01).build(List.of(p)));
    }

    @Test
    void aStepWritesEachParameterInPlaceAsUpdateComputesIt() {
        for (DType dtype : DType.values()) {
            assertStepIsInPlaceUpdate(dtype, p -> SGD.builder().lr(0.1).momentum(0.9).build(List.of(p)));
            assertStepIsInPlaceUpdate(dtype, p -> AdamW.builder().lr(0.01).amsgrad(true).build(List.of(p)));
        }
    }

    private static void assertStepIsInPlaceUpdate(DType dtype, Function<Tensor, AbstractOptimizer<?>> make) {
        Random random = new Random(3);
        Tensor param = Tensor.randn(random, 30, 40).to(dtype).requiresGrad(true);
        param.setGrad(Tensor.randn(random, 30, 40).to(dtype));
        AbstractOptimizer<?> optimizer = make.apply(param);
        optimizer.step(); // a second step reads state, as it does in training
        Object array = dtype == DType.FLOAT32 ? param.floatStorage() : param.storage();
        Tensor expected = expectedUpdate(optimizer, param);
        int version = param.version();

        optimizer.step();

        assertEquals(version + 1, param.version(), dtype + ": one change counted");
        assertSame(array, dtype == DType.FLOAT32 ? param.floatStorage() : param.storage(), dtype + ": written in place");
        assertArrayEquals(expected.toArray(), param.toArray(), dtype + ": what update() computes");
    }

    /** What {@code update} gives for the next step, computed on copies of the state (the state is left as it was). */
    private static <O extends OptimizerOptions<O>> Tensor expectedUpdate(AbstractOptimizer<O> optimizer, Tensor param) {
        Map<String, Tensor> state = new LinkedHashMap<>(optimizer.state(0));
        return optimizer.update(param, param.grad(), state, optimizer.paramGroups().get(0).options());
    }

    private static void assertFloat32StepIsTheRoundedFloat64Step(Function<Tensor, Optimizer> make) {
        Random random = new Random(7);
        float[] values = new float[N];
        float[] gradient = new float[N];
        for (int i = 0; i < N; i++) {
            values[i] = (float) random.nextGaussian();
            gradient[i] = (float) random.nextGaussian();
        }
        Tensor narrow = Tensor.of(values, 50, 100).requiresGrad(true);
        Tensor wide = narrow.detach().to(DType.FLOAT64).requiresGrad(true);
        narrow.setGrad(Tensor.of(gradient, 50, 100));
        wide.setGrad(Tensor.of(gradient, 50, 100).to(DType.FLOAT64));
        Optimizer narrowStep = make.apply(narrow);
        Optimizer wideStep = make.apply(wide);
        narrowStep.step();
        wideStep.step();

        assertRounded("parameter", wide, narrow);
        Map<String, Tensor> narrowState = narrowStep.stateDict();
        Map<String, Tensor> wideState = wideStep.stateDict();
        assertEquals(wideState.keySet(), narrowState.keySet());
        for (String key : wideState.keySet()) {
            if (wideState.get(key).numel() == N) {
                assertRounded(key, wideState.get(key), narrowState.get(key));
            }
        }
    }

    private static void assertRounded(String what, Tensor wide, Tensor narrow) {
        assertEquals(DType.FLOAT32, narrow.dtype(), what);
        double[] w = wide.doubles();
        float[] n = narrow.floatStorage();
        for (int i = 0; i < N; i++) {
            assertEquals((float) w[i], n[i], what + " at " + i);
        }
    }
}
