package org.rnn4j.cli.classify;

import org.rnn4j.classify.ClassWeighting;
import org.rnn4j.classify.ClassifierDefaults;
import org.rnn4j.classify.TrainSettings;
import picocli.CommandLine.Option;

/** {@code rnn4j classify train} options that change the default training settings. */
public final class TrainingOptions {
    @Option(names = "--epochs", converter = org.rnn4j.cli.OptionValues.Positive.class, paramLabel = "N", description = "Most epochs to train (default: " + ClassifierDefaults.EPOCHS + ").")
    Integer epochs;

    @Option(names = "--batch-size", converter = org.rnn4j.cli.OptionValues.Positive.class, paramLabel = "B", description = "Examples per batch (default: " + ClassifierDefaults.BATCH_SIZE + ").")
    Integer batchSize;

    @Option(names = "--lr", converter = org.rnn4j.cli.OptionValues.PositiveReal.class, paramLabel = "LR", description = "AdamW learning rate (default: " + ClassifierDefaults.LR + ").")
    Double lr;

    @Option(names = "--weight-decay", converter = org.rnn4j.cli.OptionValues.NonNegativeReal.class, paramLabel = "W", description = "AdamW weight decay (default: " + ClassifierDefaults.WEIGHT_DECAY + ").")
    Double weightDecay;

    @Option(names = "--grad-clip", converter = org.rnn4j.cli.OptionValues.NonNegativeReal.class, paramLabel = "NORM", description = "Clip the gradient norm to NORM, 0 = off (default: " + ClassifierDefaults.GRAD_CLIP + ").")
    Double gradClip;

    @Option(names = "--patience", converter = org.rnn4j.cli.OptionValues.NonNegative.class, paramLabel = "N", description = "Stop after N epochs without a better validation score, 0 = never (default: "
            + ClassifierDefaults.PATIENCE + ").")
    Integer patience;

    @Option(names = "--lr-patience", converter = org.rnn4j.cli.OptionValues.NonNegative.class, paramLabel = "N", description = "Halve the learning rate after N epochs without a lower validation loss, 0 = never (default: "
            + ClassifierDefaults.LR_PATIENCE + ").")
    Integer lrPatience;

    @Option(names = "--class-weights", paramLabel = "HOW", converter = WeightingConverter.class,
            description = "none, balanced, or auto = balanced when the largest class is at least 3 times the smallest (default: " + ClassifierDefaults.CLASS_WEIGHTING_ID + ").")
    ClassWeighting classWeights;

    @Option(names = "--label-smoothing", converter = org.rnn4j.cli.OptionValues.Probability.class, paramLabel = "E", description = "Cross-entropy label smoothing (default: " + ClassifierDefaults.LABEL_SMOOTHING + ").")
    Double labelSmoothing;

    @Option(names = "--validation-fraction", converter = org.rnn4j.cli.OptionValues.Fraction.class, paramLabel = "F",
            description = "Share of the data held out (stratified, seeded) for validation when no --validation file is given (default: "
                    + ClassifierDefaults.VALIDATION_FRACTION + ").")
    Double validationFraction;

    @Option(names = "--ensemble", converter = org.rnn4j.cli.OptionValues.Positive.class, paramLabel = "K",
            description = "Train K networks (seeds SEED, SEED+1, …, each with its own validation split) and average their probabilities (default: "
                    + ClassifierDefaults.ENSEMBLE + ").")
    Integer ensemble;

    /** {@code defaults} with every given option applied, and {@code seed}. */
    public TrainSettings apply(TrainSettings defaults, long seed) {
        TrainSettings s = defaults.withSeed(seed);
        if (epochs != null) {
            s = s.withEpochs(epochs);
        }
        if (batchSize != null) {
            s = s.withBatchSize(batchSize);
        }
        if (lr != null) {
            s = s.withLr(lr);
        }
        if (weightDecay != null) {
            s = s.withWeightDecay(weightDecay);
        }
        if (gradClip != null) {
            s = s.withGradClip(gradClip);
        }
        if (patience != null) {
            s = s.withPatience(patience);
        }
        if (lrPatience != null) {
            s = s.withLrPatience(lrPatience);
        }
        if (classWeights != null) {
            s = s.withClassWeighting(classWeights);
        }
        if (labelSmoothing != null) {
            s = s.withLabelSmoothing(labelSmoothing);
        }
        if (validationFraction != null) {
            s = s.withValidationFraction(validationFraction);
        }
        if (ensemble != null) {
            s = s.withEnsemble(ensemble);
        }
        return s;
    }

    static final class WeightingConverter implements picocli.CommandLine.ITypeConverter<ClassWeighting> {
        @Override
        public ClassWeighting convert(String value) {
            return ClassWeighting.parse(value);
        }
    }
}
