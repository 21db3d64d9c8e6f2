package io.github.autograd4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** GradCheck on tensor functions: full, fast and second order, and that each catches a planted error. */
class TensorGradCheckTest {

    private final Random rng = new Random(42);

    /** x^3 elementwise, with a backward that is off by {@code factor} (1 is right). */
    private static CustomOp cube(double factor) {
        return new CustomOp("cube") {
            @Override
            protected Tensor forward(Context ctx, Tensor... in) {
                ctx.save(in[0]);
                double[] x = in[0].toArray();
                for (int i = 0; i < x.length; i++) {
                    x[i] = x[i] * x[i] * x[i];
                }
                return Tensor.of(x, in[0].shape().toArray());
            }

            @Override
            protected Tensor[] backward(Context ctx, Tensor g) {
                Tensor x = ctx.saved(0);
                return new Tensor[] {g.mul(x.mul(x).mul(3 * factor))};
            }
        };
    }

    /** x^2 elementwise whose backward is right in value but built from a detached x: wrong second order. */
    private static final CustomOp SQUARE_FIRST_ORDER_ONLY = new CustomOp("square") {
        @Override
        protected Tensor forward(Context ctx, Tensor... in) {
            ctx.save(in[0]);
            return in[0].mul(in[0]);
        }

        @Override
        protected Tensor[] backward(Context ctx, Tensor g) {
            return new Tensor[] {g.mul(ctx.saved(0).detach().mul(2))};
        }
    };

    @Test
    void aUserWrittenFunctionPassesFirstAndSecondOrder() {
        Tensor x = TestInputs.uniform(rng, -1, 1, 2, 3);
        GradCheck.of(t -> cube(1).apply(t[0]), x).assertPassed();
        GradCheck.of(t -> cube(1).apply(t[0]), x).gradGrad().assertPassed();
        GradCheck.of(t -> cube(1).apply(t[0]).sum(), x).fast().assertPassed();
    }

    @Test
    void aWrongBackwardFailsInEveryMode() {
        Tensor x = TestInputs.uniform(rng, 0.5, 1, 3);
        assertFalse(GradCheck.of(t -> cube(1.01).apply(t[0]), x).check().passed());
        assertFalse(GradCheck.of(t -> cube(1.01).apply(t[0]), x).fast().check().passed());
        AssertionError e = assertThrows(AssertionError.class, () -> GradCheck.of(t -> cube(1.5).apply(t[0]), x).assertPassed());
        assertTrue(e.getMessage().startsWith("gradcheck failed: 3 of 9 elements differ; worst dout["), e.getMessage());
    }

    @Test
    void aRuleThatIsRightOnlyToFirstOrderFailsGradGrad() {
        Tensor x = TestInputs.uniform(rng, 0.5, 1, 4);
        GradCheck.of(t -> SQUARE_FIRST_ORDER_ONLY.apply(t[0]), x).assertPassed();
        GradCheckResult second = GradCheck.of(t -> SQUARE_FIRST_ORDER_ONLY.apply(t[0]), x).gradGrad().check();
        assertFalse(second.passed(), second.report());
        assertTrue(second.worst().location().contains("dx0"), second.worst().location());
    }

    @Test
    void onlyInputsThatRequireGradAreChecked() {
        Tensor a = TestInputs.uniform(rng, -1, 1, 2).requiresGrad(true);
        Tensor b = TestInputs.uniform(rng, -1, 1, 2);
        GradCheckResult result = GradCheck.of(t -> t[0].mul(t[1]), a, b).assertPassed();
        assertEquals(4, result.entries().size());
        assertTrue(result.entries().stream().allMatch(e -> e.location().contains("/dx0")));
        assertEquals(8, GradCheck.of(t -> t[0].mul(t[1]), a.detach(), b).check().entries().size());
    }

    @Test
    void broadcastGradientsAreSummedBackToEachOperand() {
        Tensor a = TestInputs.uniform(rng, -1, 1, 3, 1).requiresGrad(true);
        Tensor b = TestInputs.uniform(rng, -1, 1, 1, 4).requiresGrad(true);
        GradCheck.of(t -> t[0].mul(t[1]).add(t[0]).div(t[1].add(3)), a, b).assertPassed();
        GradCheck.of(t -> t[0].mul(t[1]).add(t[0]).div(t[1].add(3)), a, b).gradGrad().assertPassed();
        Tensor c = TestInputs.uniform(rng, -1, 1, 2, 3, 4).requiresGrad(true);
        Tensor d = TestInputs.uniform(rng, 1, 2, 4).requiresGrad(true);
        GradCheck.of(t -> t[0].div(t[1]).sub(t[1]), c, d).assertPassed();
        GradCheck.of(t -> t[0].div(t[1]).sub(t[1]), c, d).gradGrad().assertPassed();
        Tensor s = Tensor.scalar(0.7).requiresGrad(true);
        GradCheck.of(t -> t[0].mul(t[1]).mul(t[1]), s, c).gradGrad().assertPassed();
    }

    @Test
    void movementOpsPassFirstAndSecondOrder() {
        Tensor x = TestInputs.uniform(rng, -1, 1, 2, 1, 3).requiresGrad(true);
        java.util.function.Function<Tensor[], Tensor> f = t -> t[0].permute(2, 0, 1).reshape(3, 2).mul(t[0].squeeze(1).mT())
                .unsqueeze(0).expand(2, 3, 2).transpose(0, 2).flatten().mul(t[0].flatten().sum());
        GradCheck.of(f, x).assertPassed();
        GradCheck.of(f, x).gradGrad().assertPassed();
        GradCheck.of(t -> t[0].sum(new int[] {0, 2}, true).mul(t[0]).sum(-1, false), x).gradGrad().assertPassed();
    }

    @Test
    void optionsApplyOnlyWhereTheyMeanSomething() {
        assertThrows(UnsupportedOperationException.class, () -> GradCheck.ofValues(v -> v[0], 1.0).gradGrad());
        assertThrows(IllegalArgumentException.class, () -> GradCheck.of(t -> t[0]));
    }

    @Test
    void float32InputsAreCheckedInFloat64AndAFloat32ResultIsRefused() {
        Tensor x = Tensor.of(new float[] {0.5f, -1.25f, 2f});
        GradCheck.of(t -> t[0].tanh().mul(t[0]), x).assertPassed();
        GradCheck.of(t -> t[0].tanh().mul(t[0]), x).gradGrad().assertPassed();
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> GradCheck.of(t -> t[0].to(DType.FLOAT32).exp(), x).check());
        org.junit.jupiter.api.Assertions.assertEquals("gradcheck: the function returned a FLOAT32 tensor for float64 inputs;"
                + " checks run in float64, as finite differences in float32 keep few correct digits: let the function"
                + " compute in its inputs' type (or end it with .to(DType.FLOAT64))", e.getMessage());
    }
}
