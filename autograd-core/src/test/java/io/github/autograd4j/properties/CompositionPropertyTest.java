package io.github.autograd4j.properties;

import io.github.autograd4j.GradCheck;
import io.github.autograd4j.Tensor;
import io.github.autograd4j.properties.Composition.Probe;
import java.util.function.Function;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Random compositions of 2 to 6 operations on random broadcast-compatible shapes pass
 * {@link GradCheck} to first and second order. A failing case is shrunk by jqwik to fewer steps,
 * smaller shapes and simpler values before it is reported (see {@link Composition#toString()}).
 */
class CompositionPropertyTest {

    @Property(seed = PropertySeed.CI)
    void compositionsPassGradCheckToSecondOrder(@ForAll("compositions") Composition c) {
        Tensor[] inputs = c.inputs();
        Statistics.label("rank of input 0").collect(inputs[0].dim());
        Statistics.label("steps").collect(c.steps().size());
        c.steps().forEach(s -> Statistics.label("ops").collect(s.op()));
        Probe probe = new Probe();
        c.run(inputs, probe);
        Assume.that(probe.acceptable());
        Function<Tensor[], Tensor> f = t -> c.run(t, Probe.OFF);
        GradCheck.of(f, inputs).assertPassed();
        GradCheck.of(f, inputs).gradGrad().assertPassed();
    }

    @Provide
    Arbitrary<Composition> compositions() {
        return Composition.arbitrary();
    }
}
