package io.github.autograd4j.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import java.util.Random;
import java.util.function.DoubleBinaryOperator;
import org.junit.jupiter.api.Test;

/**
 * {@link Strided}'s row-at-a-time loops, its plain loops for {@code ADD}, {@code SUB}, {@code MUL},
 * {@code DIV} and its tiled transpose against element-by-element references written from the
 * definitions, on random shapes (sizes 0 to 40, so that tiles have edges).
 */
class StridedTest {

    private final Random rng = new Random(11);

    @Test
    void permuteMatchesTheDefinitionForEveryPermutationUpToRankFour() {
        for (int trial = 0; trial < 200; trial++) {
            int rank = rng.nextInt(5);
            int[] shape = randomShape(rank, trial % 10 == 0 ? 0 : 1);
            int[] perm = randomPermutation(rank, trial % 2 == 0);
            double[] a = randomData(Strided.numel(shape));
            assertArrayEquals(permuteReference(a, shape, perm), Strided.permute(a, shape, perm), 0.0,
                    "shape " + Arrays.toString(shape) + " perm " + Arrays.toString(perm));
        }
    }

    @Test
    void mapAndSumToMatchTheDefinitionUnderBroadcasting() {
        for (int trial = 0; trial < 200; trial++) {
            int rank = 1 + rng.nextInt(3);
            int[] out = randomShape(rank, 1);
            int[] shapeA = broadcastable(out);
            int[] shapeB = broadcastable(out);
            double[] a = randomData(Strided.numel(shapeA));
            double[] b = randomData(Strided.numel(shapeB));
            String where = Arrays.toString(shapeA) + " and " + Arrays.toString(shapeB) + " to " + Arrays.toString(out);
            DoubleBinaryOperator[] ops = {Strided.ADD, Strided.SUB, Strided.MUL, Strided.DIV, (x, y) -> x - 2 * y};
            for (DoubleBinaryOperator f : ops) {
                assertArrayEquals(mapReference(a, shapeA, b, shapeB, out, f), Strided.map(a, shapeA, b, shapeB, out, f),
                        0.0, "map " + where);
            }
            double[] g = randomData(Strided.numel(out));
            assertArrayEquals(sumToReference(g, out, shapeA), Strided.sumTo(g, out, shapeA), 1e-12, "sumTo " + where);
        }
    }

    private static double[] permuteReference(double[] a, int[] shape, int[] perm) {
        int[] outShape = new int[shape.length];
        for (int i = 0; i < shape.length; i++) {
            outShape[i] = shape[perm[i]];
        }
        double[] out = new double[a.length];
        int[] inStrides = Strided.strides(shape);
        for (int i = 0; i < out.length; i++) {
            int[] index = unravel(i, outShape);
            int from = 0;
            for (int d = 0; d < shape.length; d++) {
                from += index[d] * inStrides[perm[d]];
            }
            out[i] = a[from];
        }
        return out;
    }

    private static double[] mapReference(double[] a, int[] shapeA, double[] b, int[] shapeB, int[] out,
                                         DoubleBinaryOperator f) {
        double[] result = new double[Strided.numel(out)];
        for (int i = 0; i < result.length; i++) {
            int[] index = unravel(i, out);
            result[i] = f.applyAsDouble(a[broadcastIndex(index, shapeA)], b[broadcastIndex(index, shapeB)]);
        }
        return result;
    }

    private static double[] sumToReference(double[] g, int[] shapeG, int[] target) {
        double[] out = new double[Strided.numel(target)];
        for (int i = 0; i < g.length; i++) {
            out[broadcastIndex(unravel(i, shapeG), target)] += g[i];
        }
        return out;
    }

    /** The flat index in {@code shape} of the position {@code index} of a shape it broadcasts to. */
    private static int broadcastIndex(int[] index, int[] shape) {
        int offset = index.length - shape.length;
        int flat = 0;
        for (int d = 0; d < shape.length; d++) {
            flat = flat * shape[d] + (shape[d] == 1 ? 0 : index[d + offset]);
        }
        return flat;
    }

    private static int[] unravel(int flat, int[] shape) {
        int[] index = new int[shape.length];
        for (int d = shape.length - 1; d >= 0; d--) {
            index[d] = flat % shape[d];
            flat /= shape[d];
        }
        return index;
    }

    private int[] randomShape(int rank, int min) {
        int[] shape = new int[rank];
        for (int d = 0; d < rank; d++) {
            shape[d] = min + rng.nextInt(rank <= 2 ? 41 : 7);
        }
        return shape;
    }

    /** {@code out} with some dims set to 1 and some leading dims dropped. */
    private int[] broadcastable(int[] out) {
        int drop = rng.nextInt(out.length + 1);
        int[] shape = Arrays.copyOfRange(out, drop, out.length);
        for (int d = 0; d < shape.length; d++) {
            if (rng.nextInt(3) == 0) {
                shape[d] = 1;
            }
        }
        return shape;
    }

    /** A random permutation, or (when {@code swapLastTwo} and rank >= 2) the one that swaps the last two dims. */
    private int[] randomPermutation(int rank, boolean swapLastTwo) {
        int[] perm = new int[rank];
        for (int i = 0; i < rank; i++) {
            perm[i] = i;
        }
        if (swapLastTwo && rank >= 2) {
            perm[rank - 2] = rank - 1;
            perm[rank - 1] = rank - 2;
            return perm;
        }
        for (int i = rank - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        return perm;
    }

    private double[] randomData(int n) {
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = rng.nextGaussian();
        }
        return d;
    }
}
