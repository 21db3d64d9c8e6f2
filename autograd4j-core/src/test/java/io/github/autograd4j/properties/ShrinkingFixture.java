package io.github.autograd4j.properties;

import static org.junit.jupiter.api.Assertions.assertFalse;

import io.github.autograd4j.properties.Composition.Op;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Provide;

/**
 * A property that fails on purpose, for {@link ShrinkingTest}: it claims that no composition
 * takes a sine. It checks nothing unless {@link #armed} is set, so the
 * ordinary run (which discovers it too) passes it at once.
 */
class ShrinkingFixture {

    /** Set by {@link ShrinkingTest} around its own run of the property. */
    static volatile boolean armed;

    @Property(seed = PropertySeed.CI, tries = 200, shrinking = ShrinkingMode.FULL) // no 10 s time limit: a loaded machine must reach the same minimum
    void noCompositionTakesASine(@ForAll("compositions") Composition c) {
        if (!armed) {
            return;
        }
        assertFalse(c.steps().stream().anyMatch(s -> s.op() == Op.SIN), "falsified by " + c);
    }

    @Provide
    Arbitrary<Composition> compositions() {
        return Composition.arbitrary();
    }
}
