package io.github.autograd4j.properties;

import io.github.autograd4j.Shape;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Random shapes for the properties: small sizes (1 to 3), size-1 dims, rank 0 to 4, and pairs that broadcast. */
final class ShapeArbitraries {

    private ShapeArbitraries() {
    }

    /** A shape of rank {@code minRank} to {@code maxRank}, sizes 1 to 3 (at most 81 elements). */
    static Arbitrary<Shape> shape(int minRank, int maxRank) {
        return Arbitraries.integers().between(1, 3).list().ofMinSize(minRank).ofMaxSize(maxRank)
                .map(dims -> Shape.of(dims.stream().mapToInt(Integer::intValue).toArray()));
    }

    /** The rank of a pair, by a number from 0 to 9 that shrinks to 0: ranks 2 to 4 eight times in ten. */
    private static final int[] RANKS = {0, 1, 2, 2, 3, 3, 3, 4, 4, 4};

    /** Per dim, which of the two shapes has size 1 there: neither, the first, the second, or both. */
    private static final int NEITHER = 0;
    private static final int FIRST = 1;
    private static final int SECOND = 2;

    /**
     * Two shapes that broadcast together, of rank 2 to 4 in eight tries out of ten, broadcasting for
     * real: from a "full" shape of sizes 2 and 3, the first shape has size 1 at one dim and the
     * second at another (and at other dims either, both or neither may), and the second may lack
     * leading dims, so each input has more than one element and each broadcasts along some dim.
     * Ranks 0 and 1 (scalars, vectors, equal shapes) fill the other two tries in ten. Everything
     * shrinks towards two scalars.
     */
    static Arbitrary<List<Shape>> broadcastPair() {
        Arbitrary<Integer> rank = Arbitraries.integers().between(0, RANKS.length - 1).map(k -> RANKS[k]);
        Arbitrary<List<Integer>> sizes = Arbitraries.integers().between(2, 3).list().ofSize(4);
        Arbitrary<List<Integer>> ones = Arbitraries.integers().between(NEITHER, 3).list().ofSize(4);
        Arbitrary<Integer> picks = Arbitraries.integers().between(0, 63);
        return Combinators.combine(rank, sizes, ones, picks).as(ShapeArbitraries::pair);
    }

    /**
     * The pair of rank {@code rank} from the full {@code sizes}, the size-1 pattern {@code ones} and
     * {@code picks}, which chooses the two dims where only one shape has size 1 and how many leading
     * dims the second shape lacks.
     */
    private static List<Shape> pair(int rank, List<Integer> sizes, List<Integer> ones, int picks) {
        int[] pattern = new int[rank];
        for (int d = 0; d < rank; d++) {
            pattern[d] = ones.get(d);
        }
        int drop;
        if (rank >= 2) {
            int first = picks % rank;
            int second = (first + 1 + picks / rank % (rank - 1)) % rank;
            pattern[first] = FIRST;
            pattern[second] = SECOND;
            drop = picks / 16 % (Math.min(first, second) + 1);
        } else {
            drop = picks % (rank + 1);
        }
        int[] a = new int[rank];
        int[] b = new int[rank - drop];
        for (int d = 0; d < rank; d++) {
            a[d] = (pattern[d] & FIRST) != 0 ? 1 : sizes.get(d);
            if (d >= drop) {
                b[d - drop] = (pattern[d] & SECOND) != 0 ? 1 : sizes.get(d);
            }
        }
        return List.of(Shape.of(a), Shape.of(b));
    }

    /** What {@link #kind} calls two shapes of rank 2 to 4, of more than one element each, that differ. */
    static final String REAL_BROADCAST = "real broadcast, rank 2-4";

    /**
     * How two input shapes relate, for the statistics of a property: "real broadcast, rank 2-4"
     * (both of rank 2 to 4 with more than one element, and different shapes), "same shape", "an input
     * of one element", or "other broadcast" (a rank below 2).
     */
    static String kind(Shape a, Shape b) {
        if (a.numel() == 1 || b.numel() == 1) {
            return "an input of one element";
        }
        if (a.equals(b)) {
            return "same shape";
        }
        boolean highRank = a.rank() >= 2 && b.rank() >= 2;
        return highRank ? REAL_BROADCAST : "other broadcast";
    }

    /** "1", "2-16" or "17-81" elements. */
    static String sizeClass(int numel) {
        return numel <= 1 ? "1" : numel <= 16 ? "2-16" : "17-81";
    }
}
