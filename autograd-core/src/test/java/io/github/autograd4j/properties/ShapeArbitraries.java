package io.github.autograd4j.properties;

import io.github.autograd4j.Shape;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Random shapes for the properties: small sizes (1 to 3), size-1 dims, rank 0 to 4. */
final class ShapeArbitraries {

    private ShapeArbitraries() {
    }

    /** A shape of rank {@code minRank} to {@code maxRank}, sizes 1 to 3 (at most 81 elements). */
    static Arbitrary<Shape> shape(int minRank, int maxRank) {
        return Arbitraries.integers().between(1, 3).list().ofMinSize(minRank).ofMaxSize(maxRank)
                .map(dims -> Shape.of(dims.stream().mapToInt(Integer::intValue).toArray()));
    }

    /**
     * Two shapes that broadcast together: a "full" shape of rank 0 to 4 with sizes 1 to 3; the
     * first has it with some sizes set to 1, the second lacks some leading dims and has other
     * sizes set to 1.
     */
    static Arbitrary<List<Shape>> broadcastPair() {
        Arbitrary<List<Integer>> full = Arbitraries.integers().between(1, 3).list().ofMaxSize(4);
        Arbitrary<List<Boolean>> ones = Arbitraries.of(false, true).list().ofSize(4);
        Arbitrary<Integer> dropped = Arbitraries.integers().between(0, 4);
        return Combinators.combine(full, ones, ones, dropped)
                .as((dims, ones0, ones1, drop) -> List.of(derived(dims, ones0, 0), derived(dims, ones1, drop)));
    }

    /** {@code dims} without its first {@code drop} sizes, and size 1 where {@code ones} says so. */
    private static Shape derived(List<Integer> dims, List<Boolean> ones, int drop) {
        List<Integer> kept = new ArrayList<>();
        for (int d = Math.min(drop, dims.size()); d < dims.size(); d++) {
            kept.add(ones.get(d) ? 1 : dims.get(d));
        }
        return Shape.of(kept.stream().mapToInt(Integer::intValue).toArray());
    }
}
