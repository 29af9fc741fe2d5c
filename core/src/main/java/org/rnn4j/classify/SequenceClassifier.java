package org.rnn4j.classify;

import java.util.ArrayList;
import java.util.List;
import org.rnn4j.autograd.Var;
import org.rnn4j.data.batch.Batch;
import org.rnn4j.data.batch.BatchInput;
import org.rnn4j.data.text.Vocabulary;
import org.rnn4j.nn.Dropout;
import org.rnn4j.nn.Embedding;
import org.rnn4j.nn.Linear;
import org.rnn4j.nn.Module;
import org.rnn4j.nn.recurrent.PackedPooling;
import org.rnn4j.nn.recurrent.PackedSequence;
import org.rnn4j.nn.recurrent.Packing;
import org.rnn4j.nn.recurrent.RecurrentLayer;
import org.rnn4j.nn.recurrent.RecurrentOptions;
import org.rnn4j.nn.recurrent.RecurrentOutput;
import org.rnn4j.ops.F;
import org.rnn4j.rand.Rng;
import org.rnn4j.tensor.Tensor;

/**
 * A sequence classifier with PyTorch's module names, so its state dict loads into the equivalent
 * PyTorch module: {@code embedding} ({@code nn.Embedding(V, E, padding_idx=0)}, token input only),
 * {@code position_embedding} ({@code nn.Embedding(max_positions, P)}, optional: row t is concatenated to
 * the input of step t, so the network knows where in the sequence it is), {@code rnn} ({@code nn.LSTM / GRU / RNN(..., batch_first=True)}), {@code dropout}, {@code head}
 * ({@code nn.Linear(F, C)}).
 *
 * <p>The padded batch is packed ({@code pack_padded_sequence(x, lengths, batch_first=True,
 * enforce_sorted=False)}) before the recurrent layer and every {@link Pooling} reads valid steps
 * only, so the logits of a sequence do not depend on how much padding its batch has.
 *
 * <pre>{@code
 * // x: [B, T, E] (+ position_embedding(arange(T)) concatenated: [B, T, E + P]); packed = pack_padded_sequence(x, lengths, batch_first=True, enforce_sorted=False)
 * // out, h_n = rnn(packed)             // out packed [N, D·H], h_n [L·D, B, H]
 * // z = cat([pool(out or h_n) for pool in pooling], dim=1)   // [B, P·D·H]
 * // logits = head(dropout(z))          // [B, C]
 * }</pre>
 */
public final class SequenceClassifier extends Module {
    private final ClassifierArchitecture arch;
    private final Embedding embedding; // null for one-hot input
    private final Embedding positions; // null without a position embedding
    private final RecurrentLayer rnn;
    private final Dropout dropout;
    private final Linear head;

    /** A freshly initialised classifier (PyTorch's default inits), drawn from {@code rng}. */
    public SequenceClassifier(ClassifierArchitecture arch, Rng rng) {
        this.arch = arch;
        this.embedding = arch.input() == org.rnn4j.data.encode.InputKind.TOKEN_IDS
                ? registerModule("embedding", new Embedding(arch.inputSize(), arch.embeddingDim(), Vocabulary.PAD_ID, rng.split()))
                : null;
        this.positions = arch.positionDim() > 0
                ? registerModule("position_embedding", new Embedding(arch.maxPositions(), arch.positionDim(), rng.split()))
                : null;
        RecurrentOptions o = RecurrentOptions.DEFAULTS.withBatchFirst(true).withNumLayers(arch.numLayers())
                .withBidirectional(arch.bidirectional()).withDropout(arch.numLayers() > 1 ? arch.dropout() : 0.0);
        this.rnn = registerModule("rnn", RecurrentLayer.create(arch.cell(), arch.rnnInputSize(), arch.hiddenSize(), o, rng.split()));
        this.dropout = registerModule("dropout", new Dropout(arch.dropout(), rng.split()));
        this.head = registerModule("head", new Linear(arch.featureSize(), arch.numClasses(), rng.split()));
    }

    public ClassifierArchitecture architecture() {
        return arch;
    }

    /**
     * Replaces the embedding weights with pretrained vectors [V, E] ({@code <pad>} row included);
     * {@code freeze} stops their training.
     */
    public void usePretrainedEmbeddings(Tensor weight, boolean freeze) {
        if (embedding == null) {
            throw new IllegalArgumentException("classifier: pretrained embeddings need token input, the model takes one-hot input");
        }
        if (!weight.shape().equals(embedding.weight().value().shape())) {
            throw new IllegalArgumentException("classifier: pretrained embeddings " + weight.shape()
                    + " do not match the embedding " + embedding.weight().value().shape());
        }
        embedding.weight().value().copyFrom(weight);
        embedding.weight().setRequiresGrad(!freeze);
    }

    /** Logits [B, C] of a padded batch. */
    public Var forward(Batch batch) {
        return forward(batch.input(), batch.lengths());
    }

    /** Logits [B, C] of padded input (batch-first) whose row b has {@code lengths[b]} valid steps. */
    public Var forward(BatchInput input, int[] lengths) {
        Var x; // [B, T, E] or [B, T, F]
        if (input instanceof BatchInput.TokenIds t) {
            if (embedding == null) {
                throw new IllegalArgumentException("classifier: expected one-hot input [B, T, " + arch.inputSize()
                        + "], got token ids " + t.ids().shape());
            }
            x = embedding.forward(t.ids());
        } else {
            BatchInput.OneHot h = (BatchInput.OneHot) input;
            if (embedding != null) {
                throw new IllegalArgumentException("classifier: expected token ids [B, T], got one-hot input " + h.x().shape());
            }
            x = Var.constant(h.x());
        }
        if (positions != null) {
            x = F.cat(List.of(x, positionInputs(x.shape().dim(0), x.shape().dim(1))), 2); // [B, T, E + P]
        }
        PackedSequence packed = Packing.packPaddedSequence(x, lengths, true, false);
        RecurrentOutput<PackedSequence> r = rnn.forward(packed);
        PackedSequence out = r.out();
        Var hN = r.hN(); // [L·D, B, H]
        List<Var> parts = new ArrayList<>();
        for (Pooling p : arch.pooling()) {
            parts.add(switch (p) {
                case LAST -> last(hN);
                case MEAN -> PackedPooling.mean(out);
                case MAX -> PackedPooling.max(out);
            });
        }
        Var z = parts.size() == 1 ? parts.get(0) : F.cat(parts, 1); // [B, P·D·H]
        return head.forward(dropout.forward(z));
    }

    /** position_embedding(arange(T)) for every row: [B, T, P]. */
    private Var positionInputs(int b, int t) {
        if (t > arch.maxPositions()) {
            throw new IllegalArgumentException("classifier: input of " + t + " steps is longer than the " + arch.maxPositions()
                    + " positions the model knows; truncate it");
        }
        int[] ids = new int[b * t];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = i % t;
        }
        return positions.forward(org.rnn4j.tensor.IntTensor.wrap(org.rnn4j.tensor.Shape.of(b, t), ids));
    }

    /** The last layer's final states, directions side by side: [B, D·H]. */
    private Var last(Var hN) {
        int d = arch.bidirectional() ? 2 : 1;
        int first = (arch.numLayers() - 1) * d; // index layer·D + direction
        if (d == 1) {
            return F.select(hN, 0, first);
        }
        return F.cat(List.of(F.select(hN, 0, first), F.select(hN, 0, first + 1)), 1);
    }
}
