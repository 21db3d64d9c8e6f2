package io.github.autograd4j.nn;

import io.github.autograd4j.Generator;
import io.github.autograd4j.Tensor;
import java.util.Objects;
import java.util.Random;
import java.util.function.UnaryOperator;

/**
 * A transformer encoder layer, as PyTorch's {@code nn.TransformerEncoderLayer(d_model, nhead,
 * dim_feedforward, dropout, activation, layer_norm_eps, batch_first, norm_first)}: self-attention
 * and a feed-forward block {@code linear2(dropout(activation(linear1(x))))}, each with a residual
 * connection and a {@link LayerNorm}, after the block (post-norm, PyTorch's default) or before it
 * ({@code norm_first}). Its children are named as PyTorch's, so a state dict maps one to one:
 * {@code self_attn}, {@code linear1}, {@code dropout}, {@code linear2}, {@code norm1},
 * {@code norm2}, {@code dropout1}, {@code dropout2}.
 *
 * <pre>{@code
 * var layer = new TransformerEncoderLayer(64, 4, 256, 0.0, Tensor::gelu, 1e-5, true, true, new Random(0));
 * Tensor y = layer.forward(x, null, null, true);   // x: (N, L, 64); causal: position i sees 0..i
 * }</pre>
 */
public final class TransformerEncoderLayer extends Module {

    private final boolean normFirst;
    private final UnaryOperator<Tensor> activation;
    private final MultiheadAttention selfAttn;
    private final Linear linear1;
    private final Dropout dropout;
    private final Linear linear2;
    private final LayerNorm norm1;
    private final LayerNorm norm2;
    private final Dropout dropout1;
    private final Dropout dropout2;

    /**
     * PyTorch's defaults: a feed-forward width of 2048, dropout 0.1, relu, {@code eps = 1e-5},
     * sequence first, post-norm; drawn from {@link Generator#current()}.
     *
     * @param dModel the model's width
     * @param nhead  the number of attention heads, dividing {@code dModel}
     */
    public TransformerEncoderLayer(int dModel, int nhead) {
        this(dModel, nhead, 2048, 0.1, Tensor::relu, 1e-5, false, false, Generator.current());
    }

    /**
     * A layer with every option.
     *
     * @param dModel         the model's width
     * @param nhead          the number of attention heads, dividing {@code dModel}
     * @param dimFeedforward the feed-forward block's inner width
     * @param dropout        the dropout probability (attention weights, feed-forward, residuals)
     * @param activation     the feed-forward block's activation, e.g. {@code Tensor::relu} or
     *                       {@code Tensor::gelu}
     * @param layerNormEps   the layer norms' {@code eps}
     * @param batchFirst     whether inputs are {@code (N, L, E)} rather than {@code (L, N, E)}
     * @param normFirst      whether each block is normalised before it (pre-norm) rather than after
     * @param rng            the source of the initial values and the dropout masks
     */
    public TransformerEncoderLayer(int dModel, int nhead, int dimFeedforward, double dropout, UnaryOperator<Tensor> activation,
                                   double layerNormEps, boolean batchFirst, boolean normFirst, Random rng) {
        Objects.requireNonNull(activation, "TransformerEncoderLayer: activation is null");
        Objects.requireNonNull(rng, "TransformerEncoderLayer: rng is null");
        this.normFirst = normFirst;
        this.activation = activation;
        this.selfAttn = registerModule("self_attn", new MultiheadAttention(dModel, nhead, dropout, true, batchFirst, rng));
        this.linear1 = registerModule("linear1", new Linear(dModel, dimFeedforward, true, rng));
        this.dropout = registerModule("dropout", new Dropout(dropout, rng));
        this.linear2 = registerModule("linear2", new Linear(dimFeedforward, dModel, true, rng));
        this.norm1 = registerModule("norm1", new LayerNorm(new int[] {dModel}, layerNormEps, true));
        this.norm2 = registerModule("norm2", new LayerNorm(new int[] {dModel}, layerNormEps, true));
        this.dropout1 = registerModule("dropout1", new Dropout(dropout, rng));
        this.dropout2 = registerModule("dropout2", new Dropout(dropout, rng));
    }

    /** The layer on {@code src} without masks. */
    @Override
    public Tensor forward(Tensor src) {
        return forward(src, null, null, false);
    }

    /**
     * The layer with PyTorch's {@code forward(src, src_mask, src_key_padding_mask, is_causal)}.
     *
     * @param src               {@code (L, N, E)}, {@code (N, L, E)} with batch_first, or {@code (L, E)}
     * @param srcMask           added to the attention scores, {@code (L, L)} or
     *                          {@code (N * nhead, L, L)}; null for none
     * @param srcKeyPaddingMask {@code (N, L)}, non-zero at padded positions; null for none
     * @param isCausal          whether position {@code i} attends only to positions up to {@code i}
     * @return a new tensor of {@code src}'s shape
     */
    public Tensor forward(Tensor src, Tensor srcMask, Tensor srcKeyPaddingMask, boolean isCausal) {
        Objects.requireNonNull(src, describe() + ": input is null");
        Tensor x = src;
        if (normFirst) {
            x = x.add(attentionBlock(norm1.forward(x), srcMask, srcKeyPaddingMask, isCausal));
            return x.add(feedForwardBlock(norm2.forward(x)));
        }
        x = norm1.forward(x.add(attentionBlock(x, srcMask, srcKeyPaddingMask, isCausal)));
        return norm2.forward(x.add(feedForwardBlock(x)));
    }

    private Tensor attentionBlock(Tensor x, Tensor mask, Tensor keyPaddingMask, boolean isCausal) {
        return dropout1.forward(selfAttn.forward(x, x, x, keyPaddingMask, false, mask, true, isCausal).output());
    }

    private Tensor feedForwardBlock(Tensor x) {
        return dropout2.forward(linear2.forward(dropout.forward(activation.apply(linear1.forward(x)))));
    }

    @Override
    protected String extraRepr() {
        return normFirst ? "norm_first=true" : "";
    }
}
