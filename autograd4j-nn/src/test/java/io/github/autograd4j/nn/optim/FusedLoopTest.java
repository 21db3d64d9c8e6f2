package io.github.autograd4j.nn.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.autograd4j.DType;
import io.github.autograd4j.Tensor;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The fused update loops of SGD and Adam on a float32 parameter larger than several of
 * {@link FusedLoop}'s chunks (and not a multiple of one): each element of the new parameter and of
 * the state is, bit for bit, the float64 step on the widened values rounded once, and stays float32.
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
