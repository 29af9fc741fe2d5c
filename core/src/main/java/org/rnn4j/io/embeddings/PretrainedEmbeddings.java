package org.rnn4j.io.embeddings;

import java.util.Objects;
import java.util.OptionalInt;
import org.rnn4j.data.text.Vocabulary;
import org.rnn4j.nn.Embedding;
import org.rnn4j.tensor.Tensor;

/**
 * Vectors for a vocabulary: {@code weight} [vocabulary size, dim] with row i for token id i, the
 * {@code <pad>} row zero; and the {@link EmbeddingsReport}.
 */
public record PretrainedEmbeddings(Tensor weight, EmbeddingsReport report) {

    /** Whether the embedding is trained further. */
    public enum Training {
        FROZEN, FINE_TUNED
    }

    public PretrainedEmbeddings {
        Objects.requireNonNull(weight, "weight");
        Objects.requireNonNull(report, "report");
    }

    /** {@code Embedding.from_pretrained(weight, freeze, padding_idx = 0)}. */
    public Embedding toEmbedding(Training training) {
        return Embedding.fromPretrained(weight, training == Training.FROZEN, OptionalInt.of(Vocabulary.PAD_ID));
    }
}
