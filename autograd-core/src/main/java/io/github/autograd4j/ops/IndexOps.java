package io.github.autograd4j.ops;

import io.github.autograd4j.Tensor;
import java.util.List;

/** Indexing, slicing, joining and splitting, each with its backward rule. */
public final class IndexOps {

    private IndexOps() {
    }

    public static Tensor slice(Tensor x, int dim, int from, int to, int step) { throw new UnsupportedOperationException("slice: not implemented yet"); }
    public static Tensor select(Tensor x, int dim, int index) { throw new UnsupportedOperationException("select: not implemented yet"); }
    public static Tensor indexSelect(Tensor x, int dim, int... indices) { throw new UnsupportedOperationException("indexSelect: not implemented yet"); }
    public static Tensor gather(Tensor x, int dim, Tensor index) { throw new UnsupportedOperationException("gather: not implemented yet"); }
    public static Tensor scatterAdd(Tensor x, int dim, Tensor index, Tensor src) { throw new UnsupportedOperationException("scatterAdd: not implemented yet"); }
    public static List<Tensor> split(Tensor x, int size, int dim) { throw new UnsupportedOperationException("split: not implemented yet"); }
    public static List<Tensor> chunk(Tensor x, int chunks, int dim) { throw new UnsupportedOperationException("chunk: not implemented yet"); }
    public static Tensor cat(int dim, Tensor... tensors) { throw new UnsupportedOperationException("cat: not implemented yet"); }
    public static Tensor stack(int dim, Tensor... tensors) { throw new UnsupportedOperationException("stack: not implemented yet"); }
}
