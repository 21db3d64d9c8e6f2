package io.github.autograd4j.kernel;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds the compute kernels, chosen once when this class is first used and logged at INFO
 * ("GEMM kernel: vector-api, 2 threads"). The GEMM kernel is the fastest available: the Vector API
 * kernel ({@code "vector-api"}) when the JVM has the {@code jdk.incubator.vector} module (run it
 * with {@code --add-modules jdk.incubator.vector}), otherwise the pure-Java one ({@code "java"});
 * {@code "direct"} (plain loops, no packing) is there as a baseline. System properties:
 * <ul>
 *   <li>{@value #GEMM_PROPERTY} forces a kernel by {@link Gemm#name()};</li>
 *   <li>{@value #THREADS_PROPERTY} sets the most threads one large product uses (default: the
 *       available processors; 1 keeps every product on the calling thread).</li>
 * </ul>
 */
public final class Kernels {

    /** The system property that forces a GEMM implementation by {@link Gemm#name()}. */
    public static final String GEMM_PROPERTY = "autograd4j.gemm";
    /** The system property that sets the threads of a large GEMM. */
    public static final String THREADS_PROPERTY = "autograd4j.threads";

    private static final Logger LOG = LoggerFactory.getLogger(Kernels.class);

    /** Every GEMM implementation on offer in this JVM, fastest first. */
    private static final List<Gemm> AVAILABLE = discover();

    private static final int THREADS = threads(System.getProperty(THREADS_PROPERTY));

    private static final Gemm GEMM = withThreads(selectGemm(System.getProperty(GEMM_PROPERTY)), THREADS);

    static {
        LOG.info("GEMM kernel: {}, {} thread{}", GEMM.name(), THREADS, THREADS == 1 ? "" : "s");
    }

    private Kernels() {
    }

    /** The GEMM implementation in use. */
    public static Gemm gemm() {
        return GEMM;
    }

    /** The most threads one GEMM uses, from {@value #THREADS_PROPERTY}. */
    public static int threads() {
        return THREADS;
    }

    /** The names of the GEMM implementations this JVM offers, fastest first. */
    public static List<String> available() {
        return AVAILABLE.stream().map(Gemm::name).toList();
    }

    /**
     * The single-threaded implementation named {@code forced} (one of {@link #available()}), or the
     * fastest available when it is null or blank; benchmarks use it to run each kernel by name.
     *
     * @throws IllegalArgumentException when no implementation has that name
     */
    public static Gemm selectGemm(String forced) {
        if (forced == null || forced.isBlank()) {
            return AVAILABLE.get(0);
        }
        for (Gemm g : AVAILABLE) {
            if (g.name().equals(forced.trim())) {
                return g;
            }
        }
        throw new IllegalArgumentException(GEMM_PROPERTY + "=" + forced + ": no such GEMM kernel in this JVM; available: "
                + available() + (hasVectorApi() ? "" : " (vector-api needs --add-modules jdk.incubator.vector)"));
    }

    /**
     * The thread count {@code value} names, or the available processors when it is null or blank.
     *
     * @throws IllegalArgumentException when it is not a whole number of at least 1
     */
    static int threads(String value) {
        if (value == null || value.isBlank()) {
            return Runtime.getRuntime().availableProcessors();
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(THREADS_PROPERTY + "=" + value + ": expected a whole number >= 1");
    }

    /** {@code kernel} itself for one thread, otherwise split over {@code threads} for large products. */
    static Gemm withThreads(Gemm kernel, int threads) {
        return threads == 1 ? kernel : new ThreadedGemm(kernel, threads);
    }

    /** Whether the JVM was started with the Vector API module. */
    static boolean hasVectorApi() {
        return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    }

    private static List<Gemm> discover() {
        List<Gemm> list = new ArrayList<>();
        if (hasVectorApi()) {
            try {
                list.add(new VectorGemm());
            } catch (LinkageError e) {
                LOG.debug("Vector API present but its GEMM kernel could not load", e);
            }
        }
        list.add(new JavaGemm());
        list.add(new DirectGemm());
        return List.copyOf(list);
    }
}
