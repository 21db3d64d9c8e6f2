package io.github.autograd4j.nn.optim;

import static io.github.autograd4j.nn.optim.SGDTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.autograd4j.Tensor;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class GradClipTest {

    private static final double[] C1 = {3, 0, 0, 0, 4, 0};
    private static final double[] C2 = {0, 12, 0};

    /** Parameters whose gradients are exactly C1 (norm 5) and C2 (norm 12): total norm 13. */
    private static List<Tensor> withGradients() {
        Tensor p1 = Tensor.zeros(2, 3).requiresGrad(true);
        Tensor p2 = Tensor.zeros(3).requiresGrad(true);
        p1.mul(Tensor.of(C1, 2, 3)).sum().add(p2.mul(Tensor.vector(C2)).sum()).backward();
        return List.of(p1, p2);
    }

    private static double[] scaled(double[] values, double scale) {
        return Arrays.stream(values).map(v -> v * scale).toArray();
    }

    @Test
    void scalesEveryGradientByTheSameFactor() {
        List<Tensor> params = withGradients();
        double norm = GradClip.clipGradNorm(params, 1.3);
        assertEquals(13.0, norm, 1e-15);
        double scale = 1.3 / (13.0 + 1e-6);
        assertArrayEquals(scaled(C1, scale), params.get(0).grad().toArray(), 1e-15);
        assertArrayEquals(scaled(C2, scale), params.get(1).grad().toArray(), 1e-15);
        assertEquals(1.3, GradClip.clipGradNorm(params, Double.POSITIVE_INFINITY), 1e-6, "the clipped norm");
    }

    @Test
    void belowTheMaximumNothingChanges() {
        List<Tensor> params = withGradients();
        Tensor g1 = params.get(0).grad();
        assertEquals(13.0, GradClip.clipGradNorm(params, 20.0), 1e-15);
        assertSame(g1, params.get(0).grad());
        assertArrayEquals(C1, g1.toArray());
        assertArrayEquals(C2, params.get(1).grad().toArray());
    }

    @Test
    void atTheMaximumTheFactorIsPyTorchsClampedOne() {
        List<Tensor> params = withGradients();
        GradClip.clipGradNorm(params, 13.0);
        assertArrayEquals(scaled(C2, 13.0 / (13.0 + 1e-6)), params.get(1).grad().toArray(), 1e-15);
    }

    @Test
    void infinityOnlyMeasures() {
        List<Tensor> params = withGradients();
        assertEquals(13.0, GradClip.clipGradNorm(params, Double.POSITIVE_INFINITY), 1e-15);
        assertArrayEquals(C2, params.get(1).grad().toArray());
    }

    @Test
    void parametersWithoutGradientsAreSkipped() {
        Tensor none = Tensor.zeros(2).requiresGrad(true);
        assertEquals(0.0, GradClip.clipGradNorm(List.of(none), 1.0));
        List<Tensor> params = withGradients();
        assertEquals(13.0, GradClip.clipGradNorm(List.of(params.get(0), none, params.get(1), params.get(0)), 1.3), 1e-15,
                "a parameter listed twice counts once");
        assertNull(none.grad());
        assertArrayEquals(scaled(C1, 1.3 / (13.0 + 1e-6)), params.get(0).grad().toArray(), 1e-15, "scaled once");
    }

    @Test
    void aGradientSharedByTwoParametersIsScaledOnce() {
        Tensor a = Tensor.zeros(3).requiresGrad(true);
        Tensor b = Tensor.zeros(3).requiresGrad(true);
        a.add(b).mul(Tensor.vector(3, 4, 0)).sum().backward();
        assertSame(a.grad(), b.grad(), "addition's backward hands one tensor to both operands");
        double norm = GradClip.clipGradNorm(List.of(a, b), 1.0);
        assertEquals(5 * Math.sqrt(2), norm, 1e-14, "each parameter's gradient counts, as in PyTorch");
        double scale = 1.0 / (norm + 1e-6);
        assertArrayEquals(new double[] {3 * scale, 4 * scale, 0}, a.grad().toArray(), 1e-15);
        assertArrayEquals(new double[] {3 * scale, 4 * scale, 0}, b.grad().toArray(), 1e-15);
    }

    @Test
    void gradientsSharingStorageAreScaledOnce() {
        Tensor a = Tensor.zeros(2, 3).requiresGrad(true);
        Tensor b = Tensor.zeros(6).requiresGrad(true);
        a.reshape(6).add(b).mul(Tensor.vector(C1)).sum().backward();
        double norm = GradClip.clipGradNorm(List.of(a, b), 1.0);
        double scale = 1.0 / (norm + 1e-6);
        assertArrayEquals(scaled(C1, scale), a.grad().toArray(), 1e-15);
        assertArrayEquals(scaled(C1, scale), b.grad().toArray(), 1e-15);
        GradClip.clipGradValue(List.of(a, b), 0.1);
        assertEquals(0.1, b.grad().toArray()[4], 1e-15);
    }

    @Test
    void aNonFiniteNormIsReturnedOrThrown() {
        Tensor p = Tensor.zeros(3).requiresGrad(true);
        p.mul(Tensor.vector(1, Double.POSITIVE_INFINITY, 2)).sum().backward();
        ArithmeticException e = assertThrows(ArithmeticException.class, () -> GradClip.clipGradNorm(List.of(p), 1.0, true));
        assertEquals("clipGradNorm: the total norm of the gradients is Infinity, so they cannot be clipped; nothing was changed",
                e.getMessage());
        assertArrayEquals(new double[] {1, Double.POSITIVE_INFINITY, 2}, p.grad().toArray());
        assertEquals(Double.POSITIVE_INFINITY, GradClip.clipGradNorm(List.of(p), 1.0));
        double[] g = p.grad().toArray();
        assertEquals(0.0, g[0], "PyTorch scales by maxNorm / inf = 0");
        assertTrue(Double.isNaN(g[1]), "inf * 0");

        Tensor q = Tensor.zeros(2).requiresGrad(true);
        q.mul(Tensor.vector(1, Double.NaN)).sum().backward();
        assertTrue(Double.isNaN(GradClip.clipGradNorm(List.of(q), 1.0)));
        assertTrue(Double.isNaN(q.grad().toArray()[0]), "PyTorch scales by NaN");
    }

    @Test
    void clipGradValueClamps() {
        List<Tensor> params = withGradients();
        GradClip.clipGradValue(params, 3.5);
        assertArrayEquals(new double[] {3, 0, 0, 0, 3.5, 0}, params.get(0).grad().toArray());
        assertArrayEquals(new double[] {0, 3.5, 0}, params.get(1).grad().toArray());
        Tensor n = Tensor.zeros(2).requiresGrad(true);
        n.mul(Tensor.vector(-5, 5)).sum().backward();
        GradClip.clipGradValue(List.of(n), 1);
        assertArrayEquals(new double[] {-1, 1}, n.grad().toArray());
    }

    @Test
    void clippingReplacesGradientsAndNeverWritesIntoOtherTensors() {
        Tensor p = Tensor.of(new double[] {1, 2}, 2).requiresGrad(true);
        p.mul(p).sum().backward(null, false, true);
        Tensor recorded = p.grad();
        GradClip.clipGradValue(List.of(p), 1);
        assertArrayEquals(new double[] {1, 1}, p.grad().toArray(), "a recorded gradient is replaced too");
        assertArrayEquals(new double[] {2, 4}, recorded.toArray(), "the old gradient tensor is untouched");

        Tensor q = Tensor.of(new double[] {5, 6, 7}, 3).requiresGrad(true);
        Tensor r = Tensor.zeros(1, 3).requiresGrad(true);
        r.reshape(3).backward(q);
        GradClip.clipGradValue(List.of(q, r), 1);
        assertArrayEquals(new double[] {1, 1, 1}, r.grad().toArray());
        assertArrayEquals(new double[] {5, 6, 7}, q.toArray(), "a gradient sharing a parameter's storage leaves the parameter as it was");
    }

    @Test
    void badArgumentsAreNamed() {
        List<Tensor> params = withGradients();
        assertMessage("clipGradNorm: maxNorm must be >= 0, got -1.0", () -> GradClip.clipGradNorm(params, -1));
        assertMessage("clipGradNorm: maxNorm must be >= 0, got NaN", () -> GradClip.clipGradNorm(params, Double.NaN));
        assertMessage("clipGradValue: clipValue must be >= 0, got -0.5", () -> GradClip.clipGradValue(params, -0.5));
        NullPointerException e = assertThrows(NullPointerException.class,
                () -> GradClip.clipGradNorm(Arrays.asList(params.get(0), null), 1));
        assertEquals("clipGradNorm: parameter 1 is null", e.getMessage());
        assertArrayEquals(C1, params.get(0).grad().toArray());
    }
}
