package io.github.autograd4j.nn;

import io.github.autograd4j.Generator;
import io.github.autograd4j.Grad;
import io.github.autograd4j.Tensor;
import io.github.autograd4j.nn.init.Init;
import java.util.Objects;
import java.util.Random;

/**
 * A lookup table of vectors, as PyTorch's {@code nn.Embedding}: {@code forward(indices)} gives the
 * rows of {@code weight} (shape {@code (num_embeddings, embedding_dim)}) at the indices, whole
 * numbers of any shape, with {@code embedding_dim} appended to that shape.
 *
 * <p>The weight is drawn from {@code N(0, 1)}, as PyTorch's; with a padding index that row is then
 * zeroed and receives no gradient, so it stays zero while training.
 */
public final class Embedding extends Module {

    private final int numEmbeddings;
    private final int embeddingDim;
    private final Integer paddingIdx;

    /**
     * A table without a padding row, drawn from {@link Generator#current()}.
     *
     * @param numEmbeddings the number of rows (the vocabulary's size)
     * @param embeddingDim  the length of each row
     * @throws IllegalArgumentException when a size is not positive
     */
    public Embedding(int numEmbeddings, int embeddingDim) {
        this(numEmbeddings, embeddingDim, null, Generator.current());
    }

    /**
     * A table drawn from {@code rng}, with a padding row or none.
     *
     * @param numEmbeddings the number of rows (the vocabulary's size)
     * @param embeddingDim  the length of each row
     * @param paddingIdx    the row kept at zero without gradient (negative counts from the end), or
     *                      null for none
     * @param rng           the source of the initial values
     * @throws IllegalArgumentException when a size is not positive or the padding index is out of range
     */
    public Embedding(int numEmbeddings, int embeddingDim, Integer paddingIdx, Random rng) {
        if (numEmbeddings < 1 || embeddingDim < 1) {
            throw new IllegalArgumentException("Embedding(" + numEmbeddings + ", " + embeddingDim
                    + "): num_embeddings and embedding_dim must be positive");
        }
        Objects.requireNonNull(rng, "Embedding: rng is null");
        Integer pad = paddingIdx;
        if (pad != null) {
            if (pad < -numEmbeddings || pad >= numEmbeddings) {
                throw new IllegalArgumentException("Embedding(" + numEmbeddings + ", " + embeddingDim + "): padding_idx " + pad
                        + " out of range (expected " + -numEmbeddings + " to " + (numEmbeddings - 1) + ")");
            }
            pad = pad < 0 ? pad + numEmbeddings : pad;
        }
        this.numEmbeddings = numEmbeddings;
        this.embeddingDim = embeddingDim;
        this.paddingIdx = pad;
        Tensor weight = Init.normal(registerParameter("weight", Tensor.zeros(numEmbeddings, embeddingDim)), 0.0, 1.0, rng);
        if (pad != null) {
            double[] values = weight.toArray();
            java.util.Arrays.fill(values, pad * embeddingDim, (pad + 1) * embeddingDim, 0.0);
            try (var off = Grad.disabled()) {
                weight.copyFrom(Tensor.of(values, numEmbeddings, embeddingDim));
            }
        }
    }

    /**
     * The rows at {@code indices}.
     *
     * @param indices whole numbers from 0 to {@code num_embeddings - 1}, of any shape
     * @return a new tensor of {@code indices}' shape followed by {@code embedding_dim}
     */
    @Override
    public Tensor forward(Tensor indices) {
        Objects.requireNonNull(indices, describe() + ": input is null");
        return paddingIdx == null ? Tensor.embedding(indices, weight()) : Tensor.embedding(indices, weight(), paddingIdx);
    }

    /**
     * The table, of shape {@code (num_embeddings, embedding_dim)}.
     *
     * @return the live parameter
     */
    public Tensor weight() {
        return parameter("weight");
    }

    @Override
    protected String extraRepr() {
        return numEmbeddings + ", " + embeddingDim + (paddingIdx == null ? "" : ", padding_idx=" + paddingIdx);
    }
}
