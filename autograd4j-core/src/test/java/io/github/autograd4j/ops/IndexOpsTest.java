package io.github.autograd4j.ops;

import static io.github.autograd4j.ops.OpAssertions.assertGradients;
import static io.github.autograd4j.ops.OpAssertions.assertTensor;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.autograd4j.Autograd;
import io.github.autograd4j.GradCheck;
import io.github.autograd4j.Shape;
import io.github.autograd4j.Tensor;
import io.github.autograd4j.TestInputs;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Slicing, selecting, gather/scatterAdd, joining and splitting: values, gradients of both orders, bad input. */
class IndexOpsTest {

    private final Random rng = new Random(7);

    /** 0, 1, ..., in the given shape. */
    private static Tensor range(int... shape) {
        return Tensor.arange(Shape.of(shape).numel()).reshape(shape);
    }


    private static void assertMessage(String expected, Executable bad) {
        assertEquals(expected, assertThrows(IllegalArgumentException.class, bad).getMessage());
    }

    private Tensor random(int... shape) {
        return TestInputs.uniform(rng, -1, 1, shape);
    }

    private static Tensor gradient(Tensor out, Tensor x) {
        return Autograd.grad(out, List.of(x), true).get(0);
    }

    /**
     * {@code d/dx sum(g2)} where {@code g2 = d/dx sum(g1^2)} and {@code g1 = d/dx sum(f(x)^3)}:
     * squaring {@code g1} makes the gradient fed to the backward operations (put, scatterAt)
     * depend on {@code x}, so their own rules must be recorded too. For {@code f(x) = x} this is
     * {@code 108 x^2} per element.
     */
    private static Tensor thirdOrder(Function<Tensor, Tensor> f, Tensor x) {
        Tensor y = f.apply(x);
        Tensor g1 = gradient(y.mul(y).mul(y).sum(), x);
        Tensor g2 = gradient(g1.mul(g1).sum(), x);
        return gradient(g2.sum(), x);
    }

    @Test
    void rulesAreDifferentiableToThirdOrder() {
        Tensor x = Tensor.vector(1, 2, 3, 4, 5).requiresGrad(true);
        assertTensor(thirdOrder(t -> t, x), new double[] {108, 432, 972, 1728, 2700}, 5);
        assertTensor(thirdOrder(t -> t.slice(0, 1, 5, 2), x), new double[] {0, 432, 0, 1728, 0}, 5);
        assertTensor(thirdOrder(t -> t.select(0, 2), x), new double[] {0, 0, 972, 0, 0}, 5);
        // x0 taken twice adds 2 x0^3, so 4 * 108 x0^2
        assertTensor(thirdOrder(t -> t.indexSelect(0, 0, 0, 4), x), new double[] {432, 0, 0, 0, 2700}, 5);
        assertTensor(thirdOrder(t -> Tensor.cat(0, t, t.slice(0, 0, 1)), x), new double[] {432, 432, 972, 1728, 2700}, 5);
        assertTensor(thirdOrder(t -> t.gather(0, Tensor.vector(0, 0, 3)), x), new double[] {432, 0, 0, 1728, 0}, 5);
        // out = (s2, s0 + s1): s0 and s1 each see 432 (s0 + s1)^2
        Tensor src = Tensor.vector(1, 2, 3).requiresGrad(true);
        assertTensor(thirdOrder(t -> Tensor.zeros(2).scatterAdd(0, Tensor.vector(1, 1, 0), t), src), new double[] {3888, 3888, 972}, 3);
    }

    // ------------------------------------------------------------------ slice

    @Test
    void sliceFollowsPythonBoundsAndSteps() {
        Tensor x = Tensor.arange(10);
        assertTensor(x.slice(0, 2, 8, 3), new double[] {2, 5}, 2);
        assertTensor(x.slice(0, -3, 100), new double[] {7, 8, 9}, 3);
        assertTensor(x.slice(0, -100, 3), new double[] {0, 1, 2}, 3);
        assertTensor(x.slice(0, 0, 10, 4), new double[] {0, 4, 8}, 3);
        assertTensor(x.slice(0, 9, 10, 5), new double[] {9}, 1);
        assertTensor(x.slice(0, 5, 2), new double[0], 0);
        assertTensor(x.slice(0, 12, 20), new double[0], 0);
        assertTensor(x.slice(0, 0, 10, Integer.MAX_VALUE), new double[] {0}, 1);
        Tensor m = range(3, 4);
        assertTensor(m.slice(-1, 1, 4, 2), new double[] {1, 3, 5, 7, 9, 11}, 3, 2);
        assertTensor(m.slice(0, 1, 3), new double[] {4, 5, 6, 7, 8, 9, 10, 11}, 2, 4);
        assertTensor(range(2, 3, 2).slice(1, -2, 3), new double[] {2, 3, 4, 5, 8, 9, 10, 11}, 2, 2, 2);
    }

    @Test
    void sliceGradients() {
        assertGradients(t -> t[0].slice(0, 1, 5, 2), random(5));
        assertGradients(t -> t[0].slice(1, -2, 3), random(2, 3, 4));
        assertGradients(t -> t[0].slice(2, 0, 4, 3), random(2, 3, 4));
        assertGradients(t -> t[0].slice(0, 0, 1).slice(2, 0, 1), random(1, 3, 1));
        assertGradients(t -> t[0].slice(1, 2, 3), random(3, 4));
    }

    @Test
    void sliceBackwardPlacesTheGradientAtTheSlicedPositions() {
        Tensor x = range(2, 5).requiresGrad(true);
        x.slice(1, 1, 5, 2).mul(Tensor.of(new double[][] {{1, 2}, {3, 4}})).sum().backward();
        assertTensor(x.grad(), new double[] {0, 1, 0, 2, 0, 0, 3, 0, 4, 0}, 2, 5);
    }

    @Test
    void sliceRejectsBadInput() {
        assertMessage("slice: step must be at least 1, got 0", () -> Tensor.arange(4).slice(0, 0, 4, 0));
        assertMessage("slice: step must be at least 1, got -1", () -> Tensor.arange(4).slice(0, 4, 0, -1));
        assertMessage("slice: dim 2 out of range for a 2-d tensor (expected -2 to 1)", () -> range(2, 2).slice(2, 0, 1));
        assertMessage("slice: dim 0 out of range for a 0-d tensor", () -> Tensor.scalar(1).slice(0, 0, 1));
    }

    // ------------------------------------------------------------------ select

    @Test
    void selectRemovesTheDim() {
        Tensor m = range(3, 4);
        assertTensor(m.select(0, -1), new double[] {8, 9, 10, 11}, 4);
        assertTensor(m.select(1, 2), new double[] {2, 6, 10}, 3);
        assertTensor(m.select(-1, -4), new double[] {0, 4, 8}, 3);
        assertTensor(range(2, 3, 4).select(1, 1), new double[] {4, 5, 6, 7, 16, 17, 18, 19}, 2, 4);
        assertTensor(Tensor.vector(5, 6).select(0, 1), new double[] {6});
    }

    @Test
    void selectGradients() {
        assertGradients(t -> t[0].select(0, -1), random(4));
        assertGradients(t -> t[0].select(1, 2), random(2, 3, 4));
        assertGradients(t -> t[0].select(-1, 0), random(2, 3, 4));
        assertGradients(t -> t[0].select(1, 0), random(2, 1, 3));
    }

    @Test
    void selectRejectsBadInput() {
        assertMessage("select: index 3 out of range for dim 1 of size 3 in shape (2, 3) (expected -3 to 2)",
                () -> range(2, 3).select(1, 3));
        assertMessage("select: index -4 out of range for dim -1 of size 3 in shape (2, 3) (expected -3 to 2)",
                () -> range(2, 3).select(-1, -4));
        assertMessage("select: index 0 out of range for dim 0 of size 0 in shape (0,)", () -> Tensor.zeros(0).select(0, 0));
        assertMessage("select: dim 2 out of range for a 2-d tensor (expected -2 to 1)", () -> range(2, 3).select(2, 0));
    }

    // ------------------------------------------------------------------ indexSelect

    @Test
    void indexSelectTakesSlicesInOrderWithRepeats() {
        Tensor m = range(3, 4);
        assertTensor(m.indexSelect(0, 2, 0, 2), new double[] {8, 9, 10, 11, 0, 1, 2, 3, 8, 9, 10, 11}, 3, 4);
        assertTensor(m.indexSelect(-1, -1, 0), new double[] {3, 0, 7, 4, 11, 8}, 3, 2);
        assertTensor(m.indexSelect(1), new double[0], 3, 0);
        assertTensor(range(2, 2, 2).indexSelect(1, 1), new double[] {2, 3, 6, 7}, 2, 1, 2);
    }

    @Test
    void indexSelectGradientsAccumulateRepeats() {
        Tensor x = Tensor.vector(1, 2, 3).requiresGrad(true);
        x.indexSelect(0, 0, 2, 0, 0).mul(Tensor.vector(1, 2, 3, 4)).sum().backward();
        assertTensor(x.grad(), new double[] {8, 0, 2}, 3);
        Tensor m = range(2, 3).requiresGrad(true);
        m.indexSelect(1, 1, 1, -1).sum().backward();
        assertTensor(m.grad(), new double[] {0, 2, 1, 0, 2, 1}, 2, 3);
    }

    @Test
    void indexSelectGradients() {
        assertGradients(t -> t[0].indexSelect(0, 2, 0, 2, 3), random(4));
        assertGradients(t -> t[0].indexSelect(-1, 3, 0, 3), random(2, 3, 4));
        assertGradients(t -> t[0].indexSelect(1, 1, 1, 0), random(2, 3, 2));
        assertGradients(t -> t[0].indexSelect(0, 0, 0), random(1, 3));
    }

    @Test
    void indexSelectRejectsBadInput() {
        assertMessage("indexSelect: index 4 out of range for dim 0 of size 4 in shape (4,) (expected -4 to 3)",
                () -> Tensor.arange(4).indexSelect(0, 1, 4));
        assertMessage("indexSelect: index -3 out of range for dim 1 of size 2 in shape (3, 2) (expected -2 to 1)",
                () -> range(3, 2).indexSelect(1, -3));
        assertMessage("indexSelect: dim -3 out of range for a 2-d tensor (expected -2 to 1)", () -> range(3, 2).indexSelect(-3, 0));
    }

    // ------------------------------------------------------------------ gather

    @Test
    void gatherPicksAlongTheDim() {
        Tensor t = Tensor.of(new double[][] {{1, 2}, {3, 4}});
        assertTensor(t.gather(1, Tensor.of(new double[][] {{0, 0}, {1, 0}})), new double[] {1, 1, 4, 3}, 2, 2);
        assertTensor(t.gather(0, Tensor.of(new double[][] {{0, 1}, {1, 0}})), new double[] {1, 4, 3, 2}, 2, 2);
        assertTensor(t.gather(-1, Tensor.of(new double[][] {{1}, {0}})), new double[] {2, 3}, 2, 1);
        // index smaller than x in a dim other than dim: only its part of x is read
        assertTensor(range(3, 4).gather(1, Tensor.of(new double[][] {{3, 0, 0}, {1, 1, 2}})), new double[] {3, 0, 0, 5, 5, 6}, 2, 3);
        assertTensor(range(2, 3, 2).gather(1, Tensor.of(new double[] {2, 0, 1, 1}, 2, 1, 2)), new double[] {4, 1, 8, 9}, 2, 1, 2);
        assertTensor(Tensor.vector(5, 6, 7).gather(0, Tensor.vector(2, 2, 0, 1)), new double[] {7, 7, 5, 6}, 4);
        assertTensor(Tensor.scalar(7).gather(0, Tensor.scalar(0)), new double[] {7});
        assertTensor(Tensor.scalar(7).gather(-1, Tensor.scalar(0)), new double[] {7});
    }

    @Test
    void gatherGradientsAccumulateRepeatsAndSkipTheIndex() {
        Tensor x = Tensor.vector(1, 2, 3).requiresGrad(true);
        Tensor index = Tensor.vector(0, 0, 1).requiresGrad(true);
        x.gather(0, index).mul(Tensor.vector(1, 10, 100)).sum().backward();
        assertTensor(x.grad(), new double[] {11, 100, 0}, 3);
        assertNull(index.grad());
    }

    @Test
    void gatherGradients() {
        assertGradients(t -> t[0].gather(0, Tensor.scalar(0)), random());
        Tensor vectorIndex = Tensor.vector(2, 0, 2, 1);
        assertGradients(t -> t[0].gather(0, vectorIndex), random(3));
        Tensor index3d = Tensor.of(new double[] {2, 0, 1, 1, 0, 0, 2, 2, 1, 0, 2, 1}, 2, 3, 2);
        assertGradients(t -> t[0].gather(1, index3d), random(2, 3, 2));
        Tensor smaller = Tensor.of(new double[] {1, 0, 1, 1}, 2, 1, 2);
        assertGradients(t -> t[0].gather(-1, smaller), random(2, 3, 2));
        Tensor sizeOne = Tensor.of(new double[] {0, 0, 0}, 1, 3);
        assertGradients(t -> t[0].gather(0, sizeOne), random(1, 3));
    }

    @Test
    void gatherRejectsBadIndex() {
        Tensor m = range(2, 2);
        assertMessage("gather: index holds 0.5 at [0, 1]; expected whole numbers",
                () -> m.gather(1, Tensor.of(new double[][] {{0, 0.5}, {1, 0}})));
        assertMessage("gather: index holds NaN at [1]; expected whole numbers",
                () -> Tensor.vector(1, 2).gather(0, Tensor.vector(0, Double.NaN)));
        assertMessage("gather: index -1 at [1, 0] out of range for dim 1 of size 2 in shape (2, 2) (expected 0 to 1)",
                () -> m.gather(1, Tensor.of(new double[][] {{0, 1}, {-1, 0}})));
        assertMessage("gather: index 2 at [0, 1] out of range for dim 0 of size 2 in shape (2, 2) (expected 0 to 1)",
                () -> m.gather(0, Tensor.of(new double[][] {{0, 2}})));
        assertMessage("gather: index of shape (2,) has 1 dims but the input of shape (2, 2) has 2; they must have the same number of dims",
                () -> m.gather(0, Tensor.vector(0, 1)));
        assertMessage("gather: index of shape (3, 1) is larger than the input of shape (2, 2) at dim 0;"
                        + " index.size(k) must not exceed input.size(k) for k != dim 1",
                () -> m.gather(1, Tensor.zeros(3, 1)));
        assertMessage("gather: dim 2 out of range for a 2-d tensor (expected -2 to 1)", () -> m.gather(2, m));
        assertMessage("gather: dim 1 out of range for a 0-d tensor", () -> Tensor.scalar(1).gather(1, Tensor.scalar(0)));
    }

    // ------------------------------------------------------------------ scatterAdd

    @Test
    void scatterAddAddsSrcAtTheIndex() {
        // the examples of PyTorch's scatter_add_ documentation
        assertTensor(Tensor.zeros(3, 5).scatterAdd(0, Tensor.of(new double[][] {{0, 1, 2, 0, 0}}), Tensor.ones(2, 5)),
                new double[] {1, 0, 0, 1, 1, 0, 1, 0, 0, 0, 0, 0, 1, 0, 0}, 3, 5);
        assertTensor(Tensor.zeros(3, 5).scatterAdd(0, Tensor.of(new double[][] {{0, 1, 2, 0, 0}, {0, 1, 2, 2, 2}}), Tensor.ones(2, 5)),
                new double[] {2, 0, 0, 1, 1, 0, 2, 0, 0, 0, 0, 0, 2, 1, 1}, 3, 5);
        assertTensor(Tensor.ones(3).scatterAdd(0, Tensor.vector(0, 0, 2), Tensor.vector(1, 2, 3)), new double[] {4, 1, 4}, 3);
        // src larger than index: only the part index covers is used
        assertTensor(Tensor.zeros(2, 3).scatterAdd(1, Tensor.of(new double[][] {{2, 2, 0}}), range(2, 5)),
                new double[] {2, 0, 1, 0, 0, 0}, 2, 3);
        assertTensor(Tensor.scalar(1).scatterAdd(0, Tensor.scalar(0), Tensor.scalar(2)), new double[] {3});
        Tensor x = range(2, 3);
        Tensor added = x.scatterAdd(1, Tensor.vector(0, 1).reshape(1, 2), Tensor.ones(1, 2));
        assertTensor(x, new double[] {0, 1, 2, 3, 4, 5}, 2, 3);
        assertTensor(added, new double[] {1, 2, 2, 3, 4, 5}, 2, 3);
    }

    @Test
    void scatterAddGradientsGoToXAndSrcButNotIndex() {
        Tensor x = Tensor.zeros(3).requiresGrad(true);
        Tensor src = Tensor.vector(1, 2, 3, 4).requiresGrad(true);
        Tensor index = Tensor.vector(2, 0, 2, 2).requiresGrad(true);
        x.scatterAdd(0, index, src).mul(Tensor.vector(10, 20, 30)).sum().backward();
        assertTensor(x.grad(), new double[] {10, 20, 30}, 3);
        assertTensor(src.grad(), new double[] {30, 10, 30, 30}, 4);
        assertNull(index.grad());
        Tensor big = range(2, 3).requiresGrad(true);
        Tensor.zeros(2, 2).scatterAdd(1, Tensor.of(new double[][] {{1, 0}}), big).mul(Tensor.of(new double[][] {{1, 2}, {3, 4}})).sum().backward();
        assertTensor(big.grad(), new double[] {2, 1, 0, 0, 0, 0}, 2, 3);
    }

    @Test
    void scatterAddGradients() {
        assertGradients(t -> t[0].scatterAdd(0, Tensor.scalar(0), t[1]), random(), random());
        Tensor vectorIndex = Tensor.vector(2, 0, 2, 2);
        assertGradients(t -> t[0].scatterAdd(0, vectorIndex, t[1]), random(3), random(4));
        Tensor index3d = Tensor.of(new double[] {2, 0, 1, 1, 0, 0, 2, 2, 1, 0, 2, 1}, 2, 3, 2);
        assertGradients(t -> t[0].scatterAdd(1, index3d, t[1]), random(2, 3, 2), random(2, 3, 2));
        Tensor smaller = Tensor.of(new double[] {1, 0, 2, 2}, 2, 1, 2);
        assertGradients(t -> t[0].scatterAdd(1, smaller, t[1]), random(2, 3, 2), random(2, 2, 3));
        Tensor sizeOne = Tensor.of(new double[] {0, 0, 0}, 1, 3);
        assertGradients(t -> t[0].scatterAdd(0, sizeOne, t[1]), random(1, 3), random(1, 3));
        // only src requires grad
        assertGradients(t -> t[0].scatterAdd(0, vectorIndex, t[1]), random(3), random(4).requiresGrad(true));
    }

    @Test
    void scatterAddRejectsBadInput() {
        Tensor x = Tensor.zeros(2, 3);
        assertMessage("scatterAdd: index of shape (2, 2) is larger than src of shape (2, 1) at dim 1;"
                        + " index.size(k) must not exceed src.size(k) for every k",
                () -> x.scatterAdd(0, Tensor.zeros(2, 2), Tensor.zeros(2, 1)));
        assertMessage("scatterAdd: index of shape (2, 4) is larger than the input of shape (2, 3) at dim 1;"
                        + " index.size(k) must not exceed input.size(k) for k != dim 0",
                () -> x.scatterAdd(0, Tensor.zeros(2, 4), Tensor.zeros(2, 4)));
        assertMessage("scatterAdd: src of shape (2,) has 1 dims but the input of shape (2, 3) has 2; they must have the same number of dims",
                () -> x.scatterAdd(0, Tensor.zeros(1, 2), Tensor.zeros(2)));
        assertMessage("scatterAdd: index 3 at [0, 0] out of range for dim -1 of size 3 in shape (2, 3) (expected 0 to 2)",
                () -> x.scatterAdd(-1, Tensor.full(3, 1, 1), Tensor.zeros(1, 1)));
        assertMessage("scatterAdd: index holds 1.25 at [0, 0]; expected whole numbers",
                () -> x.scatterAdd(1, Tensor.full(1.25, 1, 1), Tensor.zeros(1, 1)));
    }

    // ------------------------------------------------------------------ cat and stack

    @Test
    void catJoinsAlongADim() {
        Tensor a = Tensor.of(new double[][] {{1}, {2}});
        Tensor b = Tensor.of(new double[][] {{3, 4}, {5, 6}});
        assertTensor(Tensor.cat(1, a, b), new double[] {1, 3, 4, 2, 5, 6}, 2, 3);
        assertTensor(Tensor.cat(-1, b, a), new double[] {3, 4, 1, 5, 6, 2}, 2, 3);
        assertTensor(Tensor.cat(0, b, Tensor.of(new double[][] {{7, 8}})), new double[] {3, 4, 5, 6, 7, 8}, 3, 2);
        assertTensor(Tensor.cat(0, Tensor.vector(1), Tensor.zeros(0), Tensor.vector(2, 3)), new double[] {1, 2, 3}, 3);
        assertTensor(Tensor.cat(1, range(2, 1, 2), range(2, 2, 2)), new double[] {0, 1, 0, 1, 2, 3, 2, 3, 4, 5, 6, 7}, 2, 3, 2);
    }

    @Test
    void catGradients() {
        assertGradients(t -> Tensor.cat(0, t[0], t[1]), random(2), random(3));
        assertGradients(t -> Tensor.cat(1, t[0], t[1], t[0]), random(2, 1, 3), random(2, 2, 3));
        assertGradients(t -> Tensor.cat(-1, t[0], t[1]), random(1, 2, 1), random(1, 2, 2));
        assertGradients(t -> Tensor.cat(0, t[0], t[1]), random(1, 1), random(1, 1).requiresGrad(true));
    }

    @Test
    void catRejectsBadInput() {
        assertMessage("cat: expected at least one tensor, got none", () -> Tensor.cat(0));
        assertMessage("cat: tensor 0 is a scalar; cat joins tensors of at least 1 dim (stack joins scalars)",
                () -> Tensor.cat(0, Tensor.scalar(1), Tensor.scalar(2)));
        assertMessage("cat: tensor 1 has shape (3, 2) but tensor 0 has shape (2, 2); shapes must match except along dim 1",
                () -> Tensor.cat(1, Tensor.zeros(2, 2), Tensor.zeros(3, 2)));
        assertMessage("cat: tensor 2 has shape (2,) but tensor 0 has shape (2, 2); shapes must match except along dim -1",
                () -> Tensor.cat(-1, Tensor.zeros(2, 2), Tensor.zeros(2, 1), Tensor.zeros(2)));
        assertMessage("cat: dim 2 out of range for a 2-d tensor (expected -2 to 1)",
                () -> Tensor.cat(2, Tensor.zeros(2, 2)));
    }

    @Test
    void stackJoinsAlongANewDim() {
        Tensor a = Tensor.vector(1, 2);
        Tensor b = Tensor.vector(3, 4);
        assertTensor(Tensor.stack(0, a, b), new double[] {1, 2, 3, 4}, 2, 2);
        assertTensor(Tensor.stack(-1, a, b), new double[] {1, 3, 2, 4}, 2, 2);
        assertTensor(Tensor.stack(1, a, b, a), new double[] {1, 3, 1, 2, 4, 2}, 2, 3);
        assertTensor(Tensor.stack(0, Tensor.scalar(1), Tensor.scalar(2), Tensor.scalar(3)), new double[] {1, 2, 3}, 3);
        assertTensor(Tensor.stack(1, range(2, 2), range(2, 2)), new double[] {0, 1, 0, 1, 2, 3, 2, 3}, 2, 2, 2);
    }

    @Test
    void stackGradients() {
        assertGradients(t -> Tensor.stack(0, t[0], t[1], t[0]), random(), random());
        assertGradients(t -> Tensor.stack(-1, t[0], t[1]), random(3), random(3));
        assertGradients(t -> Tensor.stack(2, t[0], t[1]), random(2, 1, 3), random(2, 1, 3));
    }

    @Test
    void stackRejectsBadInput() {
        assertMessage("stack: expected at least one tensor, got none", () -> Tensor.stack(0));
        assertMessage("stack: tensor 1 has shape (3,) but tensor 0 has shape (2,); stack needs tensors of equal shape",
                () -> Tensor.stack(0, Tensor.zeros(2), Tensor.zeros(3)));
        assertMessage("stack: dim 2 out of range for stacking 1-d tensors (expected -2 to 1)",
                () -> Tensor.stack(2, Tensor.zeros(2), Tensor.zeros(2)));
        assertMessage("stack: dim -2 out of range for stacking 0-d tensors (expected -1 to 0)",
                () -> Tensor.stack(-2, Tensor.scalar(1)));
    }

    // ------------------------------------------------------------------ split and chunk

    private static void assertPieces(List<Tensor> pieces, int[][] shapes, double[]... values) {
        assertEquals(shapes.length, pieces.size());
        for (int i = 0; i < shapes.length; i++) {
            assertTensor(pieces.get(i), values[i], shapes[i]);
        }
    }

    @Test
    void splitMakesPiecesOfASize() {
        assertPieces(Tensor.arange(5).split(2, 0), new int[][] {{2}, {2}, {1}}, new double[] {0, 1}, new double[] {2, 3}, new double[] {4});
        assertPieces(Tensor.arange(4).split(2, -1), new int[][] {{2}, {2}}, new double[] {0, 1}, new double[] {2, 3});
        assertPieces(Tensor.arange(3).split(7, 0), new int[][] {{3}}, new double[] {0, 1, 2});
        assertPieces(range(2, 5).split(3, -1), new int[][] {{2, 3}, {2, 2}},
                new double[] {0, 1, 2, 5, 6, 7}, new double[] {3, 4, 8, 9});
        assertPieces(Tensor.zeros(0, 2).split(2, 0), new int[][] {{0, 2}}, new double[0]);
    }

    @Test
    void chunkMakesAtMostSoManyPieces() {
        assertPieces(Tensor.arange(5).chunk(3, 0), new int[][] {{2}, {2}, {1}}, new double[] {0, 1}, new double[] {2, 3}, new double[] {4});
        assertPieces(Tensor.arange(6).chunk(4, 0), new int[][] {{2}, {2}, {2}},
                new double[] {0, 1}, new double[] {2, 3}, new double[] {4, 5});
        assertPieces(Tensor.arange(2).chunk(5, 0), new int[][] {{1}, {1}}, new double[] {0}, new double[] {1});
        assertPieces(range(3, 2).chunk(2, 0), new int[][] {{2, 2}, {1, 2}}, new double[] {0, 1, 2, 3}, new double[] {4, 5});
        assertPieces(Tensor.zeros(0).chunk(2, 0), new int[][] {{0}}, new double[0]);
    }

    @Test
    void splitAndChunkGradientsFlowFromEveryPiece() {
        for (int i = 0; i < 3; i++) {
            int piece = i;
            assertGradients(t -> t[0].split(2, 0).get(piece), random(5));
            assertGradients(t -> t[0].split(2, 1).get(piece), random(2, 5, 1));
            assertGradients(t -> t[0].chunk(3, -1).get(piece), random(1, 2, 3));
        }
        Tensor x = Tensor.arange(5).requiresGrad(true);
        List<Tensor> pieces = x.chunk(2, 0);
        pieces.get(0).mul(2).sum().add(pieces.get(1).mul(3).sum()).backward();
        assertTensor(x.grad(), new double[] {2, 2, 2, 3, 3}, 5);
    }

    @Test
    void splitAndChunkRejectBadInput() {
        assertMessage("split: size must be at least 1, got 0", () -> Tensor.arange(4).split(0, 0));
        assertMessage("split: dim 1 out of range for a 1-d tensor (expected -1 to 0)", () -> Tensor.arange(4).split(2, 1));
        assertMessage("chunk: chunks must be at least 1, got 0", () -> Tensor.arange(4).chunk(0, 0));
        assertMessage("chunk: dim 0 out of range for a 0-d tensor", () -> Tensor.scalar(1).chunk(2, 0));
    }
}
