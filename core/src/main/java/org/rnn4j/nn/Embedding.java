package org.rnn4j.nn;

import java.util.Arrays;
import java.util.OptionalInt;
import org.rnn4j.autograd.Var;
import org.rnn4j.ops.IndexOps;
import org.rnn4j.rand.Rng;
import org.rnn4j.tensor.IntTensor;
import org.rnn4j.tensor.Tensor;

/**
 * {@code torch.nn.Embedding}: a lookup table {@code weight} [num_embeddings, embedding_dim]; indices
 * of any shape give [..., embedding_dim]. The {@code padding_idx} row gets no gradient (its value is
 * still read in the forward pass).
 */
public final class Embedding extends Module {
    private final int numEmbeddings;
    private final int embeddingDim;
    private final OptionalInt paddingIdx;
    private final Parameter weight;

    /**
     * Weight ~ N(0, 1), the padding row (if any) zeroed. {@code paddingIdx} may be negative (counts
     * from the end, normalised as in PyTorch).
     */
    public Embedding(int numEmbeddings, int embeddingDim, OptionalInt paddingIdx, Rng rng) {
        this(init(numEmbeddings, embeddingDim, rng), paddingIdx, true);
    }

    public Embedding(int numEmbeddings, int embeddingDim, int paddingIdx, Rng rng) {
        this(numEmbeddings, embeddingDim, OptionalInt.of(paddingIdx), rng);
    }

    /** Without a padding row. */
    public Embedding(int numEmbeddings, int embeddingDim, Rng rng) {
        this(numEmbeddings, embeddingDim, OptionalInt.empty(), rng);
    }

    private Embedding(Tensor w, OptionalInt paddingIdx, boolean zeroPaddingRow) {
        if (w.rank() != 2) {
            throw new IllegalArgumentException("embedding: weight must be [num_embeddings, embedding_dim], got " + w.shape());
        }
        this.numEmbeddings = w.dim(0);
        this.embeddingDim = w.dim(1);
        this.paddingIdx = paddingIdx.isPresent()
                ? OptionalInt.of(IndexOps.normalizePaddingIdx(paddingIdx.getAsInt(), numEmbeddings))
                : OptionalInt.empty();
        if (zeroPaddingRow && this.paddingIdx.isPresent()) {
            int row = this.paddingIdx.getAsInt();
            Arrays.fill(w.data(), row * embeddingDim, (row + 1) * embeddingDim, 0f);
        }
        this.weight = registerParameter("weight", new Parameter(w));
    }

    private static Tensor init(int num, int dim, Rng rng) {
        if (num < 0 || dim < 0) {
            throw new IllegalArgumentException("embedding: num_embeddings and embedding_dim must be >= 0, got "
                    + num + " and " + dim);
        }
        return Init.normal(Tensor.zeros(num, dim), 0.0, 1.0, rng);
    }

    /**
     * {@code Embedding.from_pretrained(embeddings, freeze, padding_idx)}: uses a copy of
     * {@code embeddings} [num, dim] as the weight (the padding row is kept as given); {@code freeze}
     * stops its training.
     */
    public static Embedding fromPretrained(Tensor embeddings, boolean freeze, OptionalInt paddingIdx) {
        Embedding e = new Embedding(embeddings.copy(), paddingIdx, false);
        e.weight.setRequiresGrad(!freeze);
        return e;
    }

    /** {@code from_pretrained(embeddings, freeze)} without a padding row. */
    public static Embedding fromPretrained(Tensor embeddings, boolean freeze) {
        return fromPretrained(embeddings, freeze, OptionalInt.empty());
    }

    /** indices [...] → [..., embedding_dim]. */
    public Var forward(IntTensor indices) {
        return IndexOps.embedding(indices, weight, paddingIdx);
    }

    public int numEmbeddings() {
        return numEmbeddings;
    }

    public int embeddingDim() {
        return embeddingDim;
    }

    /** The padding row, normalised to 0..num_embeddings-1. */
    public OptionalInt paddingIdx() {
        return paddingIdx;
    }

    public Parameter weight() {
        return weight;
    }

    @Override
    protected String extraRepr() {
        return numEmbeddings + ", " + embeddingDim + (paddingIdx.isPresent() ? ", padding_idx=" + paddingIdx.getAsInt() : "");
    }
}
