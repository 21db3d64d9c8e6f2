package io.github.autograd4j.ops;

import io.github.autograd4j.Shape;
import io.github.autograd4j.Tensor;
import io.github.autograd4j.kernel.Strided;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/** The batch dims of matrix operations: all but the last two dims, broadcast between operands. */
final class Batches {

    private Batches() {
    }

    /** The batch dims: all but the last two (none for a vector). */
    static Shape batchOf(Tensor x) {
        return Shape.of(Arrays.copyOf(x.shape().toArray(), Math.max(0, x.dim() - 2)));
    }

    /** The broadcast of the two operands' batch dims. */
    static Shape batchBroadcast(String op, Tensor a, Tensor b) {
        return Shape.broadcast(op + ": batch dims of " + a.shape() + " and " + b.shape(), batchOf(a), batchOf(b));
    }

    /**
     * The shape {@code batch} followed by {@code dims} of what {@code op} makes from {@code a} and
     * {@code b}, checked before it is allocated.
     */
    static Shape resultShape(String op, Shape batch, Tensor a, Tensor b, int... dims) {
        return Shape.ofResult(op, List.of(a.shape(), b.shape()), IntStream.of(append(batch, dims)).asLongStream().toArray());
    }

    /** {@code batch} followed by {@code dims}. */
    static int[] append(Shape batch, int... dims) {
        int[] out = Arrays.copyOf(batch.toArray(), batch.rank() + dims.length);
        System.arraycopy(dims, 0, out, batch.rank(), dims.length);
        return out;
    }

    /** For each flat index of {@code to}, the flat index of {@code from} (which broadcasts to it) it reads. */
    static int[] batchIndex(Shape from, Shape to) {
        double[] iota = new double[from.numel()];
        for (int i = 0; i < iota.length; i++) {
            iota[i] = i;
        }
        double[] expanded = from.equals(to) ? iota : Strided.expand(iota, from.toArray(), to.toArray());
        int[] index = new int[expanded.length];
        for (int i = 0; i < index.length; i++) {
            index[i] = (int) expanded[i];
        }
        return index;
    }
}
