package io.github.autograd4j.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.autograd4j.DType;
import io.github.autograd4j.Tensor;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * MaxPool2d, AvgPool2d and AdaptiveAvgPool2d: PyTorch's defaults (the stride is the kernel), the
 * forward pass as the tensor op with the module's settings, no parameters, float32, the printed form.
 */
class PoolingModulesTest {

    private final Tensor x = Tensor.randn(new Random(1), 2, 3, 7, 6);

    @Test
    void maxPoolIsTheOpWithTheKernelAsStrideByDefault() {
        assertArrayEquals(new int[] {2, 3, 3, 3}, new MaxPool2d(2).forward(x).shape().toArray());
        assertArrayEquals(x.maxPool2d(new int[] {2}, new int[] {2}, new int[] {0}, new int[] {1}, false).doubles(),
                new MaxPool2d(2).forward(x).doubles(), 0.0);
        MaxPool2d full = new MaxPool2d(new int[] {3, 2}, new int[] {2, 1}, new int[] {1, 0}, new int[] {1, 2}, true);
        assertArrayEquals(x.maxPool2d(new int[] {3, 2}, new int[] {2, 1}, new int[] {1, 0}, new int[] {1, 2}, true).doubles(),
                full.forward(x).doubles(), 0.0);
        assertTrue(full.parameters().isEmpty());
    }

    @Test
    void avgPoolIsTheOpWithTheModulesSettings() {
        assertArrayEquals(x.avgPool2d(new int[] {3}, new int[] {2}, new int[] {1}, false, true).doubles(),
                new AvgPool2d(3, 2, 1).forward(x).doubles(), 0.0);
        AvgPool2d excluding = new AvgPool2d(new int[] {3}, new int[] {2}, new int[] {1}, true, false);
        assertArrayEquals(x.avgPool2d(new int[] {3}, new int[] {2}, new int[] {1}, true, false).doubles(),
                excluding.forward(x).doubles(), 0.0);
    }

    @Test
    void adaptiveAvgPoolGivesItsSizeWhateverTheInput() {
        assertArrayEquals(new int[] {2, 3, 1, 1}, new AdaptiveAvgPool2d(1).forward(x).shape().toArray());
        assertArrayEquals(x.mean(new int[] {2, 3}, true).doubles(), new AdaptiveAvgPool2d(1).forward(x).doubles(), 1e-15);
        assertArrayEquals(new int[] {3, 4, 5}, new AdaptiveAvgPool2d(4, 5).forward(x.select(0, 0)).shape().toArray());
    }

    @Test
    void float32StaysFloat32() {
        Tensor f = x.to(DType.FLOAT32);
        assertEquals(DType.FLOAT32, new MaxPool2d(2).forward(f).dtype());
        assertEquals(DType.FLOAT32, new AvgPool2d(2).forward(f).dtype());
        assertEquals(DType.FLOAT32, new AdaptiveAvgPool2d(2).forward(f).dtype());
    }

    @Test
    void printsAsPyTorch() {
        assertEquals("MaxPool2d(kernel_size=2, stride=2, padding=0, dilation=1, ceil_mode=false)", new MaxPool2d(2).toString());
        assertEquals("AvgPool2d(kernel_size=(3, 2), stride=2, padding=1, count_include_pad=false)",
                new AvgPool2d(new int[] {3, 2}, new int[] {2}, new int[] {1}, false, false).toString());
        assertEquals("AdaptiveAvgPool2d(output_size=(4, 4))", new AdaptiveAvgPool2d(4).toString());
    }
}
