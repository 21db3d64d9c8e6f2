package io.github.autograd4j.examples;

import io.github.autograd4j.Tensor;
import io.github.autograd4j.nn.Embedding;
import io.github.autograd4j.nn.LayerNorm;
import io.github.autograd4j.nn.Linear;
import io.github.autograd4j.nn.Module;
import io.github.autograd4j.nn.TransformerEncoderLayer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A small decoder-only transformer over characters (GPT's shape): token and learned position
 * embeddings, {@code layers} pre-norm {@link TransformerEncoderLayer}s with causal attention and a
 * GELU feed-forward block four times as wide, a final {@link LayerNorm} and a linear head to the
 * vocabulary. The same model is written in PyTorch in {@code bench/charlm_pytorch.py}.
 */
public final class CharTransformer extends Module {

    private final int context;
    private final Embedding token;
    private final Embedding position;
    private final List<TransformerEncoderLayer> blocks = new ArrayList<>();
    private final LayerNorm norm;
    private final Linear head;

    /**
     * A model with PyTorch's default initialisation of each layer, drawn from {@code rng}.
     *
     * @param vocabulary the number of distinct characters
     * @param context    the longest input, in characters
     * @param dModel     the width
     * @param heads      the attention heads, dividing {@code dModel}
     * @param layers     the transformer layers
     */
    public CharTransformer(int vocabulary, int context, int dModel, int heads, int layers, Random rng) {
        this.context = context;
        token = registerModule("token", new Embedding(vocabulary, dModel, null, rng));
        position = registerModule("position", new Embedding(context, dModel, null, rng));
        for (int i = 0; i < layers; i++) {
            blocks.add(registerModule("block" + i,
                    new TransformerEncoderLayer(dModel, heads, 4 * dModel, 0.0, Tensor::gelu, 1e-5, true, true, rng)));
        }
        norm = registerModule("norm", new LayerNorm(dModel));
        head = registerModule("head", new Linear(dModel, vocabulary, true, rng));
    }

    /**
     * The logits of the next character after each position.
     *
     * @param ids character indices, {@code (B, T)} with {@code T <= context}
     * @return logits {@code (B, T, vocabulary)}
     */
    @Override
    public Tensor forward(Tensor ids) {
        int t = ids.size(-1);
        if (t > context) {
            throw new IllegalArgumentException("CharTransformer: " + t + " characters exceed the context of " + context);
        }
        Tensor x = token.forward(ids).add(position.forward(Tensor.arange(t)));
        for (TransformerEncoderLayer block : blocks) {
            x = block.forward(x, null, null, true);
        }
        return head.forward(norm.forward(x));
    }

    /**
     * The longest input.
     *
     * @return the context, in characters
     */
    public int context() {
        return context;
    }
}
