package org.rnn4j.lm;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.Objects;
import org.rnn4j.nn.recurrent.CellKind;

/**
 * The shape of a {@link CharLanguageModel}: {@code Embedding(vocab, embed) → dropout → RNN/LSTM/GRU(embed,
 * hidden, layers, dropout between layers, batch_first) → dropout → Linear(hidden, vocab)}. Stored in the
 * model folder's config (snake_case).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record LmArchitecture(CellKind cell, int vocabSize, int embeddingDim, int hiddenSize, int numLayers, double dropout) {
    public LmArchitecture {
        Objects.requireNonNull(cell, "cell");
        if (vocabSize < 1 || embeddingDim < 1 || hiddenSize < 1 || numLayers < 1) {
            throw new IllegalArgumentException("language model: vocab, embedding, hidden size and layers must be >= 1, got "
                    + vocabSize + ", " + embeddingDim + ", " + hiddenSize + ", " + numLayers);
        }
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("language model: dropout must be in [0, 1), got " + dropout);
        }
    }
}
