package io.github.autograd4j.properties;

/**
 * The seed every property of autograd4j-core and autograd4j-nn runs with (nn takes it from core's
 * test-jar, and with it core's junit-platform.properties), so that a run repeats exactly (in CI too). How many tries
 * each property makes is set in one place, outside the code: {@code jqwik.tries.default}, which
 * Maven takes from the {@code autograd4j.properties.tries} property of the parent pom (500 by
 * default; {@code mvn -B verify -Dautograd4j.properties.tries=10000} for a long run). See docs/testing.md.
 */
public final class PropertySeed {

    /** The seed of every {@code @Property}. */
    public static final String CI = "20241123";

    private PropertySeed() {
    }
}
