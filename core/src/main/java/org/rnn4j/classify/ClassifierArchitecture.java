package org.rnn4j.classify;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import java.util.Objects;
import org.rnn4j.data.encode.InputKind;
import org.rnn4j.nn.recurrent.CellKind;

/**
 * The shape of a {@link SequenceClassifier}: input → (Embedding) → recurrent layers → pooling →
 * dropout → Linear. Stored in a model directory's config (snake_case names).
 *
 * @param input        token ids (an {@code Embedding} of {@code inputSize} rows, row 0 = padding) or one-hot rows
 * @param inputSize    the vocabulary size (token ids) or the one-hot width
 * @param embeddingDim the embedding width for token ids; 0 for one-hot input
 * @param positionDim  width of a learned position embedding ({@code position_embedding}, one row per
 *                     step index) concatenated to every step's input; 0 = none
 * @param maxPositions rows of the position embedding: the longest sequence the model accepts (0 when
 *                     {@code positionDim} is 0)
 * @param cell         LSTM, GRU or simple RNN
 * @param hiddenSize   H of each direction
 * @param numLayers    stacked recurrent layers
 * @param bidirectional both directions, outputs concatenated
 * @param dropout      between recurrent layers and on the pooled features, in [0, 1)
 * @param pooling      one or more pooling kinds, concatenated in this order
 * @param numClasses   C, the width of the logits
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ClassifierArchitecture(InputKind input, int inputSize, int embeddingDim, int positionDim, int maxPositions,
        CellKind cell, int hiddenSize, int numLayers, boolean bidirectional, double dropout, List<Pooling> pooling,
        int numClasses) {

    public ClassifierArchitecture {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(cell, "cell");
        pooling = List.copyOf(pooling);
        String what = "classifier architecture: ";
        if (inputSize < 1) {
            throw new IllegalArgumentException(what + "input size must be >= 1, got " + inputSize);
        }
        if (input == InputKind.TOKEN_IDS ? embeddingDim < 1 : embeddingDim != 0) {
            throw new IllegalArgumentException(what + "embedding dim must be " + (input == InputKind.TOKEN_IDS
                    ? ">= 1 for token ids" : "0 for one-hot input") + ", got " + embeddingDim);
        }
        if (positionDim < 0 || (positionDim > 0) != (maxPositions > 0)) {
            throw new IllegalArgumentException(what + "position dim and max positions must both be 0 or both >= 1, got "
                    + positionDim + " and " + maxPositions);
        }
        if (hiddenSize < 1 || numLayers < 1) {
            throw new IllegalArgumentException(what + "hidden size and layers must be >= 1, got " + hiddenSize + " and " + numLayers);
        }
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException(what + "dropout must be in [0, 1), got " + dropout);
        }
        if (pooling.isEmpty() || pooling.size() != pooling.stream().distinct().count()) {
            throw new IllegalArgumentException(what + "pooling must list one or more distinct kinds, got " + pooling);
        }
        if (numClasses < 2) {
            throw new IllegalArgumentException(what + "needs at least 2 classes, got " + numClasses);
        }
    }

    /** D·H: the width of one pooled vector. */
    public int directionsTimesHidden() {
        return (bidirectional ? 2 : 1) * hiddenSize;
    }

    /** The head's in_features: D·H per pooling kind. */
    public int featureSize() {
        return pooling.size() * directionsTimesHidden();
    }

    /** The recurrent layer's input_size: the token embedding or one-hot width, plus the position embedding. */
    public int rnnInputSize() {
        return (input == InputKind.TOKEN_IDS ? embeddingDim : inputSize) + positionDim;
    }

    public ClassifierArchitecture withEmbeddingDim(int v) {
        return new ClassifierArchitecture(input, inputSize, v, positionDim, maxPositions, cell, hiddenSize, numLayers, bidirectional, dropout, pooling, numClasses);
    }

    /** A learned position embedding of width {@code dim} for sequences of up to {@code max} steps ({@code dim} 0: none). */
    public ClassifierArchitecture withPositions(int dim, int max) {
        return new ClassifierArchitecture(input, inputSize, embeddingDim, dim, dim == 0 ? 0 : max, cell, hiddenSize, numLayers,
                bidirectional, dropout, pooling, numClasses);
    }

    public ClassifierArchitecture withCell(CellKind v) {
        return new ClassifierArchitecture(input, inputSize, embeddingDim, positionDim, maxPositions, v, hiddenSize, numLayers, bidirectional, dropout, pooling, numClasses);
    }

    public ClassifierArchitecture withHiddenSize(int v) {
        return new ClassifierArchitecture(input, inputSize, embeddingDim, positionDim, maxPositions, cell, v, numLayers, bidirectional, dropout, pooling, numClasses);
    }

    public ClassifierArchitecture withNumLayers(int v) {
        return new ClassifierArchitecture(input, inputSize, embeddingDim, positionDim, maxPositions, cell, hiddenSize, v, bidirectional, dropout, pooling, numClasses);
    }

    public ClassifierArchitecture withBidirectional(boolean v) {
        return new ClassifierArchitecture(input, inputSize, embeddingDim, positionDim, maxPositions, cell, hiddenSize, numLayers, v, dropout, pooling, numClasses);
    }

    public ClassifierArchitecture withDropout(double v) {
        return new ClassifierArchitecture(input, inputSize, embeddingDim, positionDim, maxPositions, cell, hiddenSize, numLayers, bidirectional, v, pooling, numClasses);
    }

    public ClassifierArchitecture withPooling(List<Pooling> v) {
        return new ClassifierArchitecture(input, inputSize, embeddingDim, positionDim, maxPositions, cell, hiddenSize, numLayers, bidirectional, dropout, v, numClasses);
    }
}
