package io.github.autograd4j.properties;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.autograd4j.Shape;
import io.github.autograd4j.Tensor;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Algebraic identities on random shapes and values, each checked against plain loops over
 * {@code double[]} rather than against other tensor operations.
 */
class IdentityPropertyTest {

    /** The gradient of {@code sum(a * b)} with respect to {@code a} is {@code b}, broadcast and summed back to a's shape. */
    @Property(seed = PropertySeed.CI)
    void gradOfSumOfProductIsTheOtherFactorSummedBack(@ForAll("broadcastPairs") List<Shape> shapes,
                                                      @ForAll("smallValues") List<Double> aValues,
                                                      @ForAll("smallValues") List<Double> bValues) {
        Tensor a = Tensor.of(first(aValues, shapes.get(0).numel()), shapes.get(0).toArray()).requiresGrad(true);
        Tensor b = Tensor.of(first(bValues, shapes.get(1).numel()), shapes.get(1).toArray()).requiresGrad(true);
        a.mul(b).sum().backward();
        Shape full = Shape.broadcast("test", a.shape(), b.shape());
        assertArrayEquals(summedBack(b, full, a.shape()), a.grad().toArray(), 1e-12);
        assertArrayEquals(summedBack(a, full, b.shape()), b.grad().toArray(), 1e-12);
    }

    /** Softmax slices are finite, in [0, 1] and sum to 1, for values up to +-1e3. */
    @Property(seed = PropertySeed.CI)
    void softmaxSlicesSumToOne(@ForAll("shapes") Shape shape, @ForAll @IntRange(min = -4, max = 3) int dim,
                               @ForAll("largeValues") List<Double> values) {
        int d = Math.floorMod(dim, shape.rank());
        Tensor x = Tensor.of(first(values, shape.numel()), shape.toArray());
        double[] s = x.softmax(d).toArray();
        for (double v : s) {
            assertTrue(v >= 0 && v <= 1, "softmax element " + v);
        }
        for (double sum : sliceSums(s, shape, d)) {
            assertEquals(1.0, sum, 1e-12);
        }
        double[] expLogSoftmax = x.logSoftmax(d).exp().toArray();
        assertArrayEquals(s, expLogSoftmax, 1e-12);
    }

    /**
     * logSumExp does not overflow or lose precision at +-1e3: {@code lse(x + c) = lse(x) + c} to
     * the last bits, as {@code max + log(sum(exp(x - max)))} computed by hand, and its gradient is
     * the softmax of x.
     */
    @Property(seed = PropertySeed.CI)
    void logSumExpIsStableAtLargeMagnitudes(@ForAll("shapes") Shape shape,
                                            @ForAll("smallValues") List<Double> values,
                                            @ForAll("shifts") double shift) {
        double[] x = first(values, shape.numel());
        Tensor shifted = Tensor.of(x, shape.toArray()).add(shift).requiresGrad(true);
        Tensor lse = shifted.logSumExp();
        double max = Double.NEGATIVE_INFINITY;
        for (double v : x) {
            max = Math.max(max, v);
        }
        double sum = 0;
        for (double v : x) {
            sum += Math.exp(v - max);
        }
        double expected = shift + max + Math.log(sum);
        assertTrue(Double.isFinite(lse.item()), "logSumExp " + lse.item());
        assertEquals(expected, lse.item(), 1e-12 * Math.max(1, Math.abs(expected)));
        lse.backward();
        double[] softmax = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            softmax[i] = Math.exp(x[i] - max) / sum;
        }
        assertArrayEquals(softmax, shifted.grad().toArray(), 1e-12);
    }

    /** Two shapes that broadcast together. */
    @Provide
    Arbitrary<List<Shape>> broadcastPairs() {
        return ShapeArbitraries.broadcastPair();
    }

    /** Rank 1 to 4. */
    @Provide
    Arbitrary<Shape> shapes() {
        return ShapeArbitraries.shape(1, 4);
    }

    /** Elements in [-1e3, 1e3], with the ends themselves among the edge cases. */
    @Provide
    Arbitrary<List<Double>> largeValues() {
        return Arbitraries.doubles().between(-1e3, 1e3).list().ofSize(Composition.MAX_NUMEL);
    }

    /** Elements in [-1, 1]. */
    @Provide
    Arbitrary<List<Double>> smallValues() {
        return Arbitraries.doubles().between(-1, 1).list().ofSize(Composition.MAX_NUMEL);
    }

    /** 0, +-1e3, or anything between. */
    @Provide
    Arbitrary<Double> shifts() {
        return Arbitraries.oneOf(Arbitraries.of(0.0, 1e3, -1e3), Arbitraries.doubles().between(-1e3, 1e3));
    }

    private static double[] first(List<Double> values, int n) {
        return values.subList(0, n).stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** {@code t} broadcast to {@code full} and summed back down to {@code target}, by index arithmetic. */
    private static double[] summedBack(Tensor t, Shape full, Shape target) {
        double[] out = new double[target.numel()];
        for (int i = 0; i < full.numel(); i++) {
            out[project(i, full, target)] += t.storage()[project(i, full, t.shape())];
        }
        return out;
    }

    /** The flat index in {@code to} (which broadcasts to {@code full}) of element {@code flat} of {@code full}. */
    private static int project(int flat, Shape full, Shape to) {
        int[] dims = full.toArray();
        int offset = dims.length - to.rank();
        int index = 0;
        int stride = 1;
        for (int d = dims.length - 1; d >= 0; d--) {
            int i = flat % dims[d];
            flat /= dims[d];
            if (d >= offset) {
                int size = to.size(d - offset);
                index += (size == 1 ? 0 : i) * stride;
                stride *= size;
            }
        }
        return index;
    }

    /** The sum of each slice along {@code dim}, by index arithmetic. */
    private static double[] sliceSums(double[] data, Shape shape, int dim) {
        int inner = 1;
        for (int d = dim + 1; d < shape.rank(); d++) {
            inner *= shape.size(d);
        }
        int size = shape.size(dim);
        int outer = data.length / (size * inner);
        double[] sums = new double[outer * inner];
        for (int o = 0; o < outer; o++) {
            for (int k = 0; k < size; k++) {
                for (int i = 0; i < inner; i++) {
                    sums[o * inner + i] += data[(o * size + k) * inner + i];
                }
            }
        }
        return sums;
    }
}
