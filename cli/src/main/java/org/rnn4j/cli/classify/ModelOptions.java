package org.rnn4j.cli.classify;

import java.util.List;
import org.rnn4j.classify.ClassifierArchitecture;
import org.rnn4j.classify.ClassifierDefaults;
import org.rnn4j.classify.Pooling;
import org.rnn4j.cli.CellKindOption;
import org.rnn4j.nn.recurrent.CellKind;
import picocli.CommandLine.Option;

/** {@code rnn4j classify train} options that change the default architecture. Unset options keep the default. */
public final class ModelOptions {
    @Option(names = "--cell", paramLabel = "TYPE", converter = CellKindOption.class, completionCandidates = CellKindOption.Ids.class,
            description = "Recurrent layer: ${COMPLETION-CANDIDATES}; rnn = rnn_tanh (default: " + ClassifierDefaults.CELL_ID + ").")
    CellKind cell;

    @Option(names = "--hidden", converter = org.rnn4j.cli.OptionValues.Positive.class, paramLabel = "H", description = "Hidden size per direction (default: " + ClassifierDefaults.HIDDEN_SIZE + ").")
    Integer hidden;

    @Option(names = "--layers", converter = org.rnn4j.cli.OptionValues.Positive.class, paramLabel = "N", description = "Stacked recurrent layers (default: " + ClassifierDefaults.NUM_LAYERS + ").")
    Integer layers;

    @Option(names = "--bidirectional", negatable = true, description = "Read both directions (default: "
            + (ClassifierDefaults.BIDIRECTIONAL ? "on; --no-bidirectional to turn off" : "off") + ").")
    Boolean bidirectional;

    @Option(names = "--dropout", converter = org.rnn4j.cli.OptionValues.Probability.class, paramLabel = "P", description = "Dropout between layers and before the output layer (default: " + ClassifierDefaults.DROPOUT + ").")
    Double dropout;

    @Option(names = "--pooling", paramLabel = "KINDS", split = ",", converter = PoolingConverter.class,
            description = "Pooling over the valid steps, comma-separated from last, mean, max (default: last,mean,max; words: mean,max).")
    List<Pooling> pooling;

    @Option(names = "--embedding-dim", converter = org.rnn4j.cli.OptionValues.Positive.class, paramLabel = "E", description = "Embedding width for token encodings (default: 32 for characters and k-mers, 64 for words).")
    Integer embeddingDim;

    @Option(names = "--position-dim", converter = org.rnn4j.cli.OptionValues.NonNegative.class, paramLabel = "P",
            description = "Width of a learned position embedding added to every step's input, 0 = none (default: 8 for DNA, 0 for text).")
    Integer positionDim;

    /** {@code defaults} with every given option applied; {@code maxLength} sizes a position embedding. */
    public ClassifierArchitecture apply(ClassifierArchitecture defaults, int maxLength) {
        ClassifierArchitecture a = defaults;
        if (positionDim != null) {
            a = a.withPositions(positionDim, maxLength);
        }
        if (cell != null) {
            a = a.withCell(cell);
        }
        if (hidden != null) {
            a = a.withHiddenSize(hidden);
        }
        if (layers != null) {
            a = a.withNumLayers(layers);
        }
        if (bidirectional != null) {
            a = a.withBidirectional(bidirectional);
        }
        if (dropout != null) {
            a = a.withDropout(dropout);
        }
        if (pooling != null) {
            a = a.withPooling(pooling);
        }
        if (embeddingDim != null) {
            a = a.withEmbeddingDim(embeddingDim);
        }
        return a;
    }

    static final class PoolingConverter implements picocli.CommandLine.ITypeConverter<Pooling> {
        @Override
        public Pooling convert(String value) {
            return Pooling.parse(value);
        }
    }
}
