package io.github.autograd4j.kernel;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds the compute kernels chosen once, when this class is first used. The system property
 * {@value #GEMM_PROPERTY} forces a GEMM implementation by name; otherwise the fastest available
 * one is taken. Only the pure-Java kernel ({@code "java"}) exists so far.
 */
public final class Kernels {

    /** The system property that forces a GEMM implementation by {@link Gemm#name()}. */
    public static final String GEMM_PROPERTY = "autograd4j.gemm";

    private static final Logger LOG = LoggerFactory.getLogger(Kernels.class);

    /** Every GEMM implementation on offer, fastest first. */
    private static final List<Gemm> AVAILABLE = List.of(new JavaGemm());

    private static final Gemm GEMM = selectGemm(System.getProperty(GEMM_PROPERTY));

    static {
        LOG.info("autograd4j GEMM kernel: {}", GEMM.name());
    }

    private Kernels() {
    }

    /** The GEMM implementation in use. */
    public static Gemm gemm() {
        return GEMM;
    }

    /**
     * The implementation named {@code forced}, or the fastest available when it is null or blank.
     *
     * @throws IllegalArgumentException when no implementation has that name
     */
    static Gemm selectGemm(String forced) {
        if (forced == null || forced.isBlank()) {
            return AVAILABLE.get(0);
        }
        for (Gemm g : AVAILABLE) {
            if (g.name().equals(forced.trim())) {
                return g;
            }
        }
        throw new IllegalArgumentException(GEMM_PROPERTY + "=" + forced + ": no such GEMM kernel; available: "
                + AVAILABLE.stream().map(Gemm::name).toList());
    }
}
