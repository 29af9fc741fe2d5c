package org.rnn4j.classify;

import java.util.List;
import org.rnn4j.data.dna.AmbiguityPolicy;
import org.rnn4j.data.encode.Chars;
import org.rnn4j.data.encode.DnaOneHot;
import org.rnn4j.data.encode.Encoder;
import org.rnn4j.data.encode.EncoderSpec;
import org.rnn4j.data.encode.Kmer;
import org.rnn4j.data.text.TextCase;
import org.rnn4j.data.text.VocabularyOptions;
import org.rnn4j.nn.recurrent.CellKind;

/**
 * The documented default recipe, the one place its numbers live. The encoding is chosen from the
 * alphabet of the training data ({@link #ENCODING}); the architecture from the encoding
 * ({@link #architecture}); training from {@link TrainSettings#DEFAULTS}; the truncation length
 * from the longest training sequence, at most {@link #MAX_LENGTH_CAP} tokens.
 */
public final class ClassifierDefaults {
    /**
     * Automatic encoding; ambiguity codes as zero vectors; characters as they are; words lower-cased;
     * a token must occur twice to get its own id, so {@code <unk>} is trained on the rare ones.
     */
    public static final EncoderSpec ENCODING = new EncoderSpec.Auto(AmbiguityPolicy.ZERO, TextCase.KEEP, TextCase.LOWER,
            new VocabularyOptions(ClassifierDefaults.MIN_FREQUENCY, VocabularyOptions.UNLIMITED));

    /** Sequences longer than this (in tokens) are truncated unless told otherwise. */
    public static final int MAX_LENGTH_CAP = 2000;

    // The recipe's numbers, as constants so that the CLI's help can quote them.
    /** Recurrent cell of the default network, by its {@link CellKind#id()}. */
    public static final String CELL_ID = "gru";
    /** Recurrent cell of the default network. */
    public static final CellKind CELL = CellKind.parse(CELL_ID);
    /** Hidden size per direction; small, so that an ensemble of several stays cheap. */
    public static final int HIDDEN_SIZE = 32;
    /** Dropout on the pooled features (and between layers). */
    public static final double DROPOUT = 0.5;
    /** Epochs at most. */
    public static final int EPOCHS = 40;
    /** Examples per mini-batch. */
    public static final int BATCH_SIZE = 16;
    /** AdamW learning rate. */
    public static final double LR = 5e-3;
    /** AdamW (decoupled) weight decay. */
    public static final double WEIGHT_DECAY = 0.05;
    /** Epochs without a better validation score before stopping. */
    public static final int PATIENCE = 8;
    /** Networks averaged (each with its own seed and validation split). */
    public static final int ENSEMBLE = 5;
    /** Gradient norm clipping (0: off). */
    public static final double GRAD_CLIP = 1.0;
    /** Epochs without a lower validation loss before the learning rate is halved (0: never). */
    public static final int LR_PATIENCE = 3;
    /** Class weighting, by its {@link ClassWeighting#parse} name. */
    public static final String CLASS_WEIGHTING_ID = "auto";
    /** Class weighting. */
    public static final ClassWeighting CLASS_WEIGHTING = ClassWeighting.parse(CLASS_WEIGHTING_ID);
    /** Cross-entropy label smoothing. */
    public static final double LABEL_SMOOTHING = 0.0;
    /** Stratified share held out for validation when no validation file is given. */
    public static final double VALIDATION_FRACTION = 0.2;
    /** Stacked recurrent layers. */
    public static final int NUM_LAYERS = 1;
    /** Whether the default network reads both directions. */
    public static final boolean BIDIRECTIONAL = true;
    /** Text: a token must occur this often in training to get its own id. */
    public static final int MIN_FREQUENCY = 2;

    private ClassifierDefaults() {
    }

    /**
     * The default network for data encoded by {@code encoder} with {@code classes} classes and
     * sequences of at most {@code maxLength} tokens.
     */
    public static ClassifierArchitecture architecture(Encoder encoder, int classes, int maxLength) {
        List<Pooling> meanMax = List.of(Pooling.MEAN, Pooling.MAX);
        List<Pooling> all = List.of(Pooling.LAST, Pooling.MEAN, Pooling.MAX);
        int embeddingDim;
        int positionDim = 0;
        List<Pooling> pooling = all;
        if (encoder instanceof DnaOneHot) {
            embeddingDim = 0;
            positionDim = 8;
        } else if (encoder instanceof Kmer) {
            embeddingDim = 32;
            positionDim = 8;
        } else if (encoder instanceof Chars) {
            embeddingDim = 32;
        } else {
            embeddingDim = 64;
            pooling = meanMax;
        }
        return new ClassifierArchitecture(encoder.inputKind(), encoder.inputSize(), embeddingDim, positionDim,
                positionDim == 0 ? 0 : maxLength, CELL, HIDDEN_SIZE, NUM_LAYERS, BIDIRECTIONAL, DROPOUT, pooling, classes);
    }
}
