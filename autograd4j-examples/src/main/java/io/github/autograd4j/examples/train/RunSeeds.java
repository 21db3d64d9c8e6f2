package io.github.autograd4j.examples.train;

import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * Seeds derived from one run seed, a stream name ({@code "init"}, {@code "split"},
 * {@code "shuffle"}, {@code "dropout"}, ...) and an epoch, so that every source of randomness is
 * independent of the others and epoch {@code k}'s can be rebuilt from scratch: a run resumed at
 * epoch {@code k} draws exactly what an uninterrupted run draws. Mixing is SplitMix64's finaliser.
 */
public final class RunSeeds {

    private RunSeeds() {
    }

    /** The seed of {@code stream} in {@code epoch} of the run seeded {@code seed}. */
    public static long of(long seed, String stream, int epoch) {
        long h = mix(seed);
        for (byte b : stream.getBytes(StandardCharsets.UTF_8)) {
            h = mix(h ^ b);
        }
        return mix(h ^ epoch);
    }

    /** A new {@link Random} for {@code stream} of the run seeded {@code seed}, outside any epoch (initialisation, splits). */
    public static Random random(long seed, String stream) {
        return new Random(of(seed, stream, -1));
    }

    private static long mix(long z) {
        z += 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
