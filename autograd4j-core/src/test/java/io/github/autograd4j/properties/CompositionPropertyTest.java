package io.github.autograd4j.properties;

import io.github.autograd4j.GradCheck;
import io.github.autograd4j.Shape;
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
 * The run reports how the inputs relate (real broadcasts of rank 2 to 4 in most tries), their
 * sizes, and which tries were checked rather than discarded near a kink.
 */
class CompositionPropertyTest {

    @Property(seed = PropertySeed.CI)
    void compositionsPassGradCheckToSecondOrder(@ForAll("compositions") Composition c) {
        Tensor[] inputs = c.inputs();
        Statistics.label("inputs").collect(ShapeArbitraries.kind(inputs[0].shape(), inputs[1].shape()));
        Statistics.label("elements of the smaller input").collect(ShapeArbitraries.sizeClass(
                Math.min(inputs[0].numel(), inputs[1].numel())));
        Statistics.label("elements of their broadcast").collect(ShapeArbitraries.sizeClass(
                Shape.broadcast("statistics", inputs[0].shape(), inputs[1].shape()).numel()));
        Statistics.label("steps").collect(c.steps().size());
        c.steps().forEach(s -> Statistics.label("ops").collect(s.op()));
        Probe probe = new Probe();
        c.run(inputs, probe);
        Statistics.label("checked").collect(probe.acceptable()
                ? ShapeArbitraries.kind(inputs[0].shape(), inputs[1].shape()) : "discarded (near a kink, or beyond 100)");
        // most tries must broadcast for real, not only on paper
        Statistics.label("checked").coverage(checked -> checked.check(ShapeArbitraries.REAL_BROADCAST).percentage(p -> p >= 50));
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
