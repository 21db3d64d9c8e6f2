package io.github.autograd4j.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.autograd4j.DType;
import io.github.autograd4j.Tensor;
import io.github.autograd4j.nn.io.Checkpoint;
import io.github.autograd4j.nn.optim.SGD;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * BatchNorm1d, BatchNorm2d and GroupNorm: PyTorch's parameters and buffers with their initial
 * values, batch statistics and running updates in training, running statistics in evaluation,
 * the settings without running statistics or affine parameters, float32, and the mode and running
 * statistics through a checkpoint. (PyTorch's numbers: io.PyTorchCnnModulesTest.)
 */
class NormModulesTest {

    @TempDir
    Path dir;

    /** Per channel (dim 1) of {@code (N, C, H, W)}: the mean and the biased and unbiased variances. */
    private static double[][] channelStatistics(Tensor x) {
        int n = x.size(0);
        int c = x.size(1);
        int plane = x.size(2) * x.size(3);
        double[] v = x.doubles();
        double[][] out = new double[3][c];
        for (int ch = 0; ch < c; ch++) {
            double sum = 0;
            for (int b = 0; b < n; b++) {
                for (int i = 0; i < plane; i++) {
                    sum += v[(b * c + ch) * plane + i];
                }
            }
            double mean = sum / (n * plane);
            double squares = 0;
            for (int b = 0; b < n; b++) {
                for (int i = 0; i < plane; i++) {
                    double d = v[(b * c + ch) * plane + i] - mean;
                    squares += d * d;
                }
            }
            out[0][ch] = mean;
            out[1][ch] = squares / (n * plane);
            out[2][ch] = squares / (n * plane - 1);
        }
        return out;
    }

    @Test
    void batchNormHasPyTorchsParametersAndBuffers() {
        BatchNorm2d bn = new BatchNorm2d(3);
        assertEquals(List.of("weight", "bias"), List.copyOf(bn.namedParameters().keySet()));
        assertEquals(List.of("running_mean", "running_var", "num_batches_tracked"), List.copyOf(bn.namedBuffers().keySet()));
        assertEquals(List.of("weight", "bias", "running_mean", "running_var", "num_batches_tracked"),
                List.copyOf(bn.stateDict().keySet()));
        assertArrayEquals(new double[] {1, 1, 1}, bn.namedParameters().get("weight").doubles());
        assertArrayEquals(new double[] {0, 0, 0}, bn.namedParameters().get("bias").doubles());
        assertArrayEquals(new double[] {0, 0, 0}, bn.namedBuffers().get("running_mean").doubles());
        assertArrayEquals(new double[] {1, 1, 1}, bn.namedBuffers().get("running_var").doubles());
        assertEquals(0.0, bn.namedBuffers().get("num_batches_tracked").item());
        assertEquals(0, bn.namedBuffers().get("num_batches_tracked").dim(), "a scalar, as PyTorch's");
        assertEquals(6, bn.numParameters());
    }

    @Test
    void trainingNormalisesWithTheBatchAndUpdatesTheRunningStatistics() {
        BatchNorm2d bn = new BatchNorm2d(3);
        Tensor x = Tensor.randn(new Random(1), 4, 3, 5, 5).mul(2.0).add(1.0);
        double[][] stats = channelStatistics(x);
        Tensor y = bn.forward(x);
        double[][] normalised = channelStatistics(y);
        for (int c = 0; c < 3; c++) {
            assertEquals(0.0, normalised[0][c], 1e-12);
            assertEquals(stats[1][c] / (stats[1][c] + 1e-5), normalised[1][c], 1e-12, "normalised by the biased variance");
            assertEquals(0.1 * stats[0][c], bn.namedBuffers().get("running_mean").doubles()[c], 1e-14);
            assertEquals(0.9 + 0.1 * stats[2][c], bn.namedBuffers().get("running_var").doubles()[c], 1e-14,
                    "the running variance takes the unbiased one");
        }
        assertEquals(1.0, bn.namedBuffers().get("num_batches_tracked").item());
        bn.buffers().forEach(b -> assertFalse(b.requiresGrad(), "updates record nothing"));
    }

    @Test
    void evaluationNormalisesWithTheRunningStatisticsAndLeavesThemAlone() {
        BatchNorm2d bn = new BatchNorm2d(2);
        bn.forward(Tensor.randn(new Random(2), 3, 2, 4, 4).add(3.0));
        bn.namedParameters().get("weight").copyFrom(Tensor.of(2.0, -1.0));
        bn.namedParameters().get("bias").copyFrom(Tensor.of(0.5, 0.25));
        Map<String, Tensor> before = bn.stateDict();
        bn.eval();
        Tensor x = Tensor.randn(new Random(3), 2, 2, 3, 3);
        Tensor y = bn.forward(x);
        double[] mean = before.get("running_mean").doubles();
        double[] var = before.get("running_var").doubles();
        double[] xv = x.doubles();
        double[] yv = y.doubles();
        double[] weight = {2.0, -1.0};
        double[] bias = {0.5, 0.25};
        for (int i = 0; i < xv.length; i++) {
            int c = (i / 9) % 2;
            assertEquals((xv[i] - mean[c]) / Math.sqrt(var[c] + 1e-5) * weight[c] + bias[c], yv[i], 1e-12);
        }
        bn.stateDict().forEach((name, t) -> assertArrayEquals(before.get(name).doubles(), t.doubles(), 0.0, name));
    }

    @Test
    void withoutRunningStatisticsTheBatchNormalisesInBothModes() {
        BatchNorm1d bn = new BatchNorm1d(3, 1e-5, 0.1, false, false);
        assertTrue(bn.namedParameters().isEmpty());
        assertTrue(bn.namedBuffers().isEmpty());
        Tensor x = Tensor.randn(new Random(4), 6, 3);
        Tensor trained = bn.forward(x);
        assertArrayEquals(trained.doubles(), bn.eval().forward(x).doubles(), 0.0);
        assertArrayEquals(new double[] {0, 0, 0}, trained.mean(0).doubles(), 1e-12);
    }

    @Test
    void withoutMomentumTheRunningStatisticsAreThePlainAverage() {
        BatchNorm1d bn = new BatchNorm1d(2, 1e-5, null, true, true);
        Tensor a = Tensor.randn(new Random(5), 5, 2, 3);
        Tensor b = Tensor.randn(new Random(6), 5, 2, 3).add(4.0);
        bn.forward(a);
        bn.forward(b);
        double[] expected = a.mean(new int[] {0, 2}, false).add(b.mean(new int[] {0, 2}, false)).div(2.0).doubles();
        assertArrayEquals(expected, bn.namedBuffers().get("running_mean").doubles(), 1e-14);
        assertEquals(2.0, bn.namedBuffers().get("num_batches_tracked").item());
    }

    @Test
    void aRefusedInputLeavesTheRunningStatisticsAsTheyWere() {
        BatchNorm2d bn = new BatchNorm2d(3);
        bn.forward(Tensor.randn(new Random(7), 2, 3, 2, 2));
        Map<String, Tensor> before = bn.stateDict();
        assertThrows(IllegalArgumentException.class, () -> bn.forward(Tensor.ones(1, 3, 1, 1)));
        assertThrows(IllegalArgumentException.class, () -> bn.forward(Tensor.ones(2, 3, 4)));
        bn.stateDict().forEach((name, t) -> assertArrayEquals(before.get(name).doubles(), t.doubles(), 0.0, name));
    }

    @Test
    void inFloat32ParametersBuffersAndOutputAreFloat32() {
        BatchNorm2d bn = new BatchNorm2d(3);
        BatchNorm2d wide = new BatchNorm2d(3);
        bn.to(DType.FLOAT32);
        bn.stateDict().values().forEach(t -> assertEquals(DType.FLOAT32, t.dtype()));
        Tensor x = Tensor.randn(new Random(8), 4, 3, 3, 3);
        Tensor y = bn.forward(x.to(DType.FLOAT32));
        assertEquals(DType.FLOAT32, y.dtype());
        assertArrayEquals(wide.forward(x).doubles(), y.doubles(), 1e-5);
        Map<String, Tensor> wideState = wide.stateDict();
        bn.stateDict().forEach((name, t) -> {
            assertEquals(DType.FLOAT32, t.dtype(), name + " stays float32 after the update");
            assertArrayEquals(wideState.get(name).doubles(), t.doubles(), 1e-6, name);
        });
    }

    @Test
    void aCheckpointKeepsTheModeAndTheRunningStatistics() throws Exception {
        Sequential net = new Sequential(new Conv2d(1, 2, new int[] {3}, ConvOptions.defaults(), new Random(9)), new BatchNorm2d(2), new ReLU());
        net.forward(Tensor.randn(new Random(10), 4, 1, 5, 5));
        net.eval();
        Path file = dir.resolve("bn.safetensors");
        Checkpoint.save(file, net, new SGD(net.parameters(), 0.1), Map.of());

        Sequential copy = new Sequential(new Conv2d(1, 2, new int[] {3}, ConvOptions.defaults(), new Random(11)), new BatchNorm2d(2), new ReLU());
        Checkpoint.restore(file, copy, new SGD(copy.parameters(), 0.1));
        assertFalse(copy.children().get(1).isTraining(), "restored in evaluation mode");
        assertEquals(1.0, copy.namedBuffers().get("1.num_batches_tracked").item());
        Tensor x = Tensor.randn(new Random(12), 2, 1, 5, 5);
        assertArrayEquals(net.forward(x).doubles(), copy.forward(x).doubles(), 0.0);
    }

    @Test
    void groupNormHasAffineParametersNoBuffersAndIsTheSameInBothModes() {
        GroupNorm gn = new GroupNorm(2, 4);
        assertEquals(List.of("weight", "bias"), List.copyOf(gn.namedParameters().keySet()));
        assertTrue(gn.namedBuffers().isEmpty());
        assertArrayEquals(new double[] {1, 1, 1, 1}, gn.namedParameters().get("weight").doubles());
        Tensor x = Tensor.randn(new Random(13), 3, 4, 5);
        Tensor y = gn.forward(x);
        assertArrayEquals(Tensor.groupNorm(x, 2, null, null, 1e-5).doubles(), y.doubles(), 1e-15);
        assertArrayEquals(y.doubles(), gn.eval().forward(x).doubles(), 0.0);
        assertTrue(new GroupNorm(2, 4, 1e-5, false).namedParameters().isEmpty());
        assertEquals(DType.FLOAT32, gn.to(DType.FLOAT32).forward(x.to(DType.FLOAT32)).dtype());
    }

    @Test
    void printsAsPyTorch() {
        assertEquals("BatchNorm2d(32, eps=1.0E-5, momentum=0.1, affine=true, track_running_stats=true)", new BatchNorm2d(32).toString());
        assertEquals("BatchNorm1d(4, eps=0.001, momentum=None, affine=false, track_running_stats=true)",
                new BatchNorm1d(4, 1e-3, null, false, true).toString());
        assertEquals("GroupNorm(2, 4, eps=1.0E-5, affine=true)", new GroupNorm(2, 4).toString());
    }
}
