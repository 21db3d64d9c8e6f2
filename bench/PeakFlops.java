import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * One core's FP64 peak as the JVM reaches it: 12 independent chains of DoubleVector FMAs in
 * registers, no memory traffic, for the preferred species (or 256-bit vectors with -Dbits=256).
 * The GEMM figures in docs/benchmarks.md are read against it. Run from the repository root:
 *   java --add-modules jdk.incubator.vector bench/PeakFlops.java
 *   java --add-modules jdk.incubator.vector -Dbits=256 bench/PeakFlops.java
 */
public class PeakFlops {

    /** A constant, as the Vector API compiles to SIMD instructions only for species known to the JIT. */
    private static final VectorSpecies<Double> S =
            "256".equals(System.getProperty("bits")) ? DoubleVector.SPECIES_256 : DoubleVector.SPECIES_PREFERRED;

    public static void main(String[] args) {
        double best = 0;
        for (int round = 0; round < 10; round++) {
            long iterations = 50_000_000;
            long t = System.nanoTime();
            double sink = run(iterations);
            long nanos = System.nanoTime() - t;
            best = Math.max(best, 12.0 * 2 * S.length() * iterations / nanos);
            if (sink == 42) {
                System.out.println();
            }
        }
        System.out.printf("%s: %.1f GFLOP/s (best of 10 rounds)%n", S, best);
    }

    private static double run(long iterations) {
        VectorSpecies<Double> s = S;
        DoubleVector a = DoubleVector.broadcast(s, 1.0000001);
        DoubleVector b = DoubleVector.broadcast(s, 0.9999999);
        DoubleVector c0 = DoubleVector.zero(s), c1 = c0, c2 = c0, c3 = c0, c4 = c0, c5 = c0;
        DoubleVector c6 = c0, c7 = c0, c8 = c0, c9 = c0, c10 = c0, c11 = c0;
        for (long i = 0; i < iterations; i++) {
            c0 = a.fma(b, c0);
            c1 = a.fma(b, c1);
            c2 = a.fma(b, c2);
            c3 = a.fma(b, c3);
            c4 = a.fma(b, c4);
            c5 = a.fma(b, c5);
            c6 = a.fma(b, c6);
            c7 = a.fma(b, c7);
            c8 = a.fma(b, c8);
            c9 = a.fma(b, c9);
            c10 = a.fma(b, c10);
            c11 = a.fma(b, c11);
        }
        return c0.add(c1).add(c2).add(c3).add(c4).add(c5).add(c6).add(c7).add(c8).add(c9).add(c10).add(c11)
                .reduceLanes(VectorOperators.ADD);
    }
}
