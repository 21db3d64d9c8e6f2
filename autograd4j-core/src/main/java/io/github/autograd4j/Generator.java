package io.github.autograd4j;

import java.util.Objects;
import java.util.Random;

/**
 * The default random number generator, per thread, as PyTorch's {@code torch.manual_seed} and
 * default generator: the factories and initialisers that take no {@link Random} draw from
 * {@link #current()}. Every thread starts from the same fixed seed, so a run (and each test of a
 * suite running in parallel) repeats exactly; {@link #manualSeed(long)} re-seeds this thread's
 * generator. The forms that take a {@code Random} are still there for explicit control.
 *
 * <pre>{@code
 * Generator.manualSeed(42);
 * Tensor w = Tensor.randn(3, 2);      // the same values on every run
 * }</pre>
 */
public final class Generator {

    /** PyTorch's default seed, so that an unseeded run is still repeatable. */
    public static final long DEFAULT_SEED = 67280421310721L;

    private static final ThreadLocal<Random> CURRENT = ThreadLocal.withInitial(() -> new Random(DEFAULT_SEED));

    private Generator() {
    }

    /**
     * Re-seeds this thread's default generator: what follows on this thread repeats for the same
     * seed.
     *
     * @param seed any long, as {@code torch.manual_seed}
     */
    public static void manualSeed(long seed) {
        CURRENT.set(new Random(seed));
    }

    /**
     * This thread's default generator.
     *
     * @return this thread's generator, until the next {@link #manualSeed} on this thread replaces it;
     *         not for other threads
     */
    public static Random current() {
        return CURRENT.get();
    }

    /** {@code rng}, checked for null with a message naming {@code op}: for the forms that take a {@code Random}. */
    static Random checked(String op, Random rng) {
        return Objects.requireNonNull(rng, op + ": the random generator is null; pass a Random, or use the form"
                + " without one, which draws from Generator.current()");
    }
}
