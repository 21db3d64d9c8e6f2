package io.github.autograd4j.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.autograd4j.DType;
import io.github.autograd4j.Tensor;
import io.github.autograd4j.properties.Composition.Probe;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * The same random programs as {@link CompositionPropertyTest}, run in float32: every result and
 * every gradient is float32, and each agrees with the float64 run of the same program within
 * float32's precision (a relative 1e-3 with as much absolute slack, for up to six operations whose
 * rounding errors add up); gradient checks themselves stay in float64, as PyTorch advises.
 */
class Float32PropertyTest {

    private static final double TOLERANCE = 1e-3;

    @Property(seed = PropertySeed.CI)
    void float32RunsAgreeWithFloat64(@ForAll("compositions") Composition c) {
        Tensor[] wide = c.inputs();
        Probe probe = new Probe();
        Tensor expected = c.run(wide, probe);
        Assume.that(probe.acceptable());
        Tensor[] narrow = new Tensor[wide.length];
        for (int i = 0; i < wide.length; i++) {
            narrow[i] = wide[i].detach().to(DType.FLOAT32).requiresGrad(true);
        }
        Tensor got = c.run(narrow, Probe.OFF);
        c.steps().forEach(s -> Statistics.label("ops").collect(s.op()));
        assertEquals(DType.FLOAT32, got.dtype(), "the result of float32 operands");
        assertClose("value", expected, got);
        Tensor seed = Tensor.onesLike(expected);
        expected.backward(seed);
        got.backward(seed.to(DType.FLOAT32));
        for (int i = 0; i < wide.length; i++) {
            if (wide[i].grad() == null) {
                continue;
            }
            assertEquals(DType.FLOAT32, narrow[i].grad().dtype(), "a gradient has its tensor's type");
            assertClose("gradient of input " + i, wide[i].grad(), narrow[i].grad());
        }
    }

    private static void assertClose(String what, Tensor expected, Tensor got) {
        double[] e = expected.toArray();
        double[] g = got.toArray();
        assertEquals(e.length, g.length, what);
        for (int i = 0; i < e.length; i++) {
            boolean close = Math.abs(e[i] - g[i]) <= TOLERANCE * (1 + Math.abs(e[i])) || (Double.isNaN(e[i]) && Double.isNaN(g[i]));
            assertTrue(close, what + " at " + i + ": float64 " + e[i] + ", float32 " + g[i]);
        }
    }

    @Provide
    Arbitrary<Composition> compositions() {
        return Composition.arbitrary();
    }
}
