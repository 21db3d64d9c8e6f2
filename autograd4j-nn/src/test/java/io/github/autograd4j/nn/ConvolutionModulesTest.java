package io.github.autograd4j.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.autograd4j.DType;
import io.github.autograd4j.Tensor;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Conv1d, Conv2d and ConvTranspose2d: PyTorch's parameter names, shapes and default
 * initialisation, the forward pass as the tensor op with the layer's settings, float32, and the
 * printed form. (Loading PyTorch's state dicts one to one: io.PyTorchCnnModulesTest.)
 */
class ConvolutionModulesTest {

    /** PyTorch draws weight and bias from U(-1/sqrt(fanIn), 1/sqrt(fanIn)) (Kaiming uniform with a = sqrt 5). */
    private static void assertPyTorchUniform(String what, Tensor t, int fanIn) {
        double bound = 1 / Math.sqrt(fanIn);
        double[] v = t.doubles();
        double maxAbs = 0;
        double meanSquare = 0;
        for (double x : v) {
            maxAbs = Math.max(maxAbs, Math.abs(x));
            meanSquare += x * x / v.length;
        }
        assertTrue(maxAbs <= bound, what + ": " + maxAbs + " beyond the bound " + bound);
        if (v.length >= 1000) {
            assertTrue(maxAbs > 0.99 * bound, what + ": the values reach the bound " + bound + ", got at most " + maxAbs);
            assertEquals(bound * bound / 3, meanSquare, 0.05 * bound * bound / 3, what + ": the variance of U(-b, b)");
        }
    }

    @Test
    void conv2dHasPyTorchsParametersAndInitialisation() {
        Conv2d conv = new Conv2d(16, 32, new int[] {5, 3}, ConvOptions.defaults(), new Random(0));
        assertEquals(List.of("weight", "bias"), List.copyOf(conv.namedParameters().keySet()));
        assertArrayEquals(new int[] {32, 16, 5, 3}, conv.weight().shape().toArray());
        assertArrayEquals(new int[] {32}, conv.bias().shape().toArray());
        assertPyTorchUniform("weight", conv.weight(), 16 * 5 * 3);
        assertPyTorchUniform("bias", conv.bias(), 16 * 5 * 3);
        assertTrue(conv.namedBuffers().isEmpty());
    }

    @Test
    void groupedAndTransposedWeightsHaveTheirFanIn() {
        Conv1d conv1d = new Conv1d(8, 12, 5, ConvOptions.defaults().groups(4), new Random(1));
        assertArrayEquals(new int[] {12, 2, 5}, conv1d.weight().shape().toArray(), "(out, in / groups, k)");
        assertPyTorchUniform("grouped weight", conv1d.weight(), 2 * 5);
        ConvTranspose2d transposed = new ConvTranspose2d(64, 32, new int[] {3}, ConvOptions.defaults().groups(2), new Random(2));
        assertArrayEquals(new int[] {64, 16, 3, 3}, transposed.weight().shape().toArray(), "(in, out / groups, kH, kW)");
        assertArrayEquals(new int[] {32}, transposed.bias().shape().toArray());
        assertPyTorchUniform("transposed weight", transposed.weight(), 16 * 9);
        assertPyTorchUniform("transposed bias", transposed.bias(), 16 * 9);
    }

    @Test
    void withoutBiasThereIsOnlyAWeight() {
        Conv2d conv = new Conv2d(2, 3, 3, ConvOptions.defaults().bias(false));
        assertEquals(List.of("weight"), List.copyOf(conv.namedParameters().keySet()));
        assertNull(conv.bias());
    }

    @Test
    void forwardIsTheOpWithTheLayersSettings() {
        Random rng = new Random(3);
        Conv2d conv = new Conv2d(4, 6, new int[] {3, 2}, ConvOptions.defaults().stride(2, 1).padding(1, 0).dilation(1, 2).groups(2), rng);
        Tensor x = Tensor.randn(rng, 2, 4, 9, 7);
        Tensor expected = Tensor.conv2d(x, conv.weight(), conv.bias(), new int[] {2, 1}, new int[] {1, 0}, new int[] {1, 2}, 2);
        assertArrayEquals(expected.doubles(), conv.forward(x).doubles(), 0.0);
        assertArrayEquals(expected.select(0, 1).doubles(), conv.forward(x.select(0, 1)).doubles(), 1e-14, "one sample (C, H, W)");

        Conv1d same = new Conv1d(3, 5, 4, ConvOptions.defaults().padding("same").dilation(2), rng);
        Tensor s = Tensor.randn(rng, 2, 3, 11);
        assertArrayEquals(new int[] {2, 5, 11}, same.forward(s).shape().toArray());
        assertArrayEquals(Tensor.conv1d(s, same.weight(), same.bias(), 1, "same", 2, 1).doubles(), same.forward(s).doubles(), 0.0);

        ConvTranspose2d up = new ConvTranspose2d(6, 4, new int[] {3}, ConvOptions.defaults().stride(2).padding(1).outputPadding(1), rng);
        Tensor u = Tensor.randn(rng, 2, 6, 4, 5);
        assertArrayEquals(new int[] {2, 4, 8, 10}, up.forward(u).shape().toArray(), "stride 2 doubles the size with output padding 1");
        Tensor expectedUp = Tensor.convTranspose2d(u, up.weight(), up.bias(), new int[] {2}, new int[] {1}, new int[] {1}, 1,
                new int[] {1});
        assertArrayEquals(expectedUp.doubles(), up.forward(u).doubles(), 0.0);
    }

    @Test
    void gradientsReachEveryParameter() {
        Conv2d conv = new Conv2d(2, 3, new int[] {3}, ConvOptions.defaults().padding(1), new Random(4));
        conv.forward(Tensor.randn(new Random(5), 2, 2, 5, 5)).pow(2.0).sum().backward();
        conv.parameters().forEach(p -> assertTrue(p.grad().abs().sum().item() > 0));
    }

    @Test
    void inFloat32TheLayerComputesInFloat32() {
        Random rng = new Random(6);
        Conv2d conv = new Conv2d(3, 4, new int[] {3}, ConvOptions.defaults().padding(1), rng);
        Tensor x = Tensor.randn(rng, 2, 3, 6, 6);
        Tensor expected = conv.forward(x);
        conv.to(DType.FLOAT32);
        conv.parameters().forEach(p -> assertEquals(DType.FLOAT32, p.dtype()));
        Tensor y = conv.forward(x.to(DType.FLOAT32));
        assertEquals(DType.FLOAT32, y.dtype());
        assertArrayEquals(expected.doubles(), y.doubles(), 1e-5);
    }

    @Test
    void printsAsPyTorch() {
        assertEquals("Conv2d(1, 32, kernel_size=(5, 5), stride=(1, 1), padding=(2, 2))",
                new Conv2d(1, 32, 5, ConvOptions.defaults().padding(2)).toString());
        assertEquals("Conv1d(8, 8, kernel_size=(3,), stride=(1,), padding=same, dilation=(2,), groups=8, bias=false)",
                new Conv1d(8, 8, 3, ConvOptions.defaults().padding("same").dilation(2).groups(8).bias(false)).toString());
        assertEquals("ConvTranspose2d(6, 4, kernel_size=(3, 3), stride=(2, 2), padding=(1, 1), output_padding=(1, 1))",
                new ConvTranspose2d(6, 4, 3, ConvOptions.defaults().stride(2).padding(1).outputPadding(1)).toString());
    }

    @Test
    void optionsAreValuesThatDoNotChangeWhenDerived() {
        ConvOptions base = ConvOptions.defaults().stride(2);
        int[] padding = {1, 2};
        ConvOptions padded = base.padding(padding);
        padding[0] = 7;
        Conv2d conv = new Conv2d(1, 1, 3, padded);
        assertEquals("Conv2d(1, 1, kernel_size=(3, 3), stride=(2, 2), padding=(1, 2))", conv.toString());
        assertEquals("Conv2d(1, 1, kernel_size=(3, 3), stride=(2, 2))", new Conv2d(1, 1, 3, base).toString());
    }

    @Test
    void badSettingsAreRefusedWhenTheLayerIsMade() {
        assertEquals("Conv1d: stride needs 1 value (one per spatial dim), got [1, 2]",
                assertThrows(IllegalArgumentException.class, () -> new Conv1d(1, 1, 3, ConvOptions.defaults().stride(1, 2))).getMessage());
        assertEquals("Conv2d: dilation must be >= 1 in each dim, got [0]",
                assertThrows(IllegalArgumentException.class, () -> new Conv2d(1, 1, 3, ConvOptions.defaults().dilation(0))).getMessage());
        assertEquals("Conv2d: kernel size must be >= 1 in each dim, got [3, 0]",
                assertThrows(IllegalArgumentException.class,
                        () -> new Conv2d(1, 1, new int[] {3, 0}, ConvOptions.defaults(), new Random(0))).getMessage());
        assertThrows(NullPointerException.class, () -> new Conv2d(1, 1, 3, null));
        assertThrows(NullPointerException.class, () -> ConvOptions.defaults().padding((String) null));
    }
}
