package org.rnn4j.classify;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.Objects;

/**
 * How {@link ClassifierTrainer} trains: AdamW ({@code lr}, {@code weightDecay}) on mini-batches
 * of {@code batchSize} shuffled examples, gradients clipped to norm {@code gradClip} (0: off),
 * cross-entropy with {@code classWeighting} and {@code labelSmoothing}; after each epoch the
 * validation set is scored, the learning rate halved when validation loss has not improved for
 * {@code lrPatience} epochs (0: never), and training stops after {@code patience} epochs without
 * a better validation score (0: run all {@code epochs}). The best epoch's weights are kept.
 * {@code validationFraction} is the stratified share held out when no validation file is given.
 * With {@code ensemble} K &gt; 1, K networks are trained with seeds {@code seed, seed + 1, …} (each
 * on its own stratified split when the validation set is held out) and their probabilities averaged.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record TrainSettings(int epochs, int batchSize, double lr, double weightDecay, double gradClip, int patience,
        int lrPatience, ClassWeighting classWeighting, double labelSmoothing, double validationFraction, int ensemble,
        long seed) {

    /** The documented defaults (the recipe chosen on the splice data; docs/CLI.md, "Classification results"). */
    public static final TrainSettings DEFAULTS = new TrainSettings(ClassifierDefaults.EPOCHS,
            ClassifierDefaults.BATCH_SIZE, ClassifierDefaults.LR, ClassifierDefaults.WEIGHT_DECAY, ClassifierDefaults.GRAD_CLIP,
            ClassifierDefaults.PATIENCE, ClassifierDefaults.LR_PATIENCE, ClassifierDefaults.CLASS_WEIGHTING,
            ClassifierDefaults.LABEL_SMOOTHING, ClassifierDefaults.VALIDATION_FRACTION, ClassifierDefaults.ENSEMBLE, 42);

    public TrainSettings {
        String what = "train settings: ";
        if (epochs < 1 || batchSize < 1) {
            throw new IllegalArgumentException(what + "epochs and batch size must be >= 1, got " + epochs + " and " + batchSize);
        }
        if (!(lr > 0) || !(weightDecay >= 0) || !(gradClip >= 0)) {
            throw new IllegalArgumentException(what + "lr must be > 0, weight decay and grad clip >= 0, got "
                    + lr + ", " + weightDecay + ", " + gradClip);
        }
        if (patience < 0 || lrPatience < 0) {
            throw new IllegalArgumentException(what + "patience must be >= 0, got " + patience + " and " + lrPatience);
        }
        Objects.requireNonNull(classWeighting, "classWeighting");
        if (!(labelSmoothing >= 0 && labelSmoothing < 1)) {
            throw new IllegalArgumentException(what + "label smoothing must be in [0, 1), got " + labelSmoothing);
        }
        if (ensemble < 1) {
            throw new IllegalArgumentException(what + "ensemble must have >= 1 network, got " + ensemble);
        }
        if (!(validationFraction > 0 && validationFraction < 1)) {
            throw new IllegalArgumentException(what + "validation fraction must be in (0, 1), got " + validationFraction);
        }
    }

    public TrainSettings withEpochs(int v) {
        return new TrainSettings(v, batchSize, lr, weightDecay, gradClip, patience, lrPatience, classWeighting, labelSmoothing, validationFraction, ensemble, seed);
    }

    public TrainSettings withBatchSize(int v) {
        return new TrainSettings(epochs, v, lr, weightDecay, gradClip, patience, lrPatience, classWeighting, labelSmoothing, validationFraction, ensemble, seed);
    }

    public TrainSettings withLr(double v) {
        return new TrainSettings(epochs, batchSize, v, weightDecay, gradClip, patience, lrPatience, classWeighting, labelSmoothing, validationFraction, ensemble, seed);
    }

    public TrainSettings withWeightDecay(double v) {
        return new TrainSettings(epochs, batchSize, lr, v, gradClip, patience, lrPatience, classWeighting, labelSmoothing, validationFraction, ensemble, seed);
    }

    public TrainSettings withGradClip(double v) {
        return new TrainSettings(epochs, batchSize, lr, weightDecay, v, patience, lrPatience, classWeighting, labelSmoothing, validationFraction, ensemble, seed);
    }

    public TrainSettings withPatience(int v) {
        return new TrainSettings(epochs, batchSize, lr, weightDecay, gradClip, v, lrPatience, classWeighting, labelSmoothing, validationFraction, ensemble, seed);
    }

    public TrainSettings withLrPatience(int v) {
        return new TrainSettings(epochs, batchSize, lr, weightDecay, gradClip, patience, v, classWeighting, labelSmoothing, validationFraction, ensemble, seed);
    }

    public TrainSettings withClassWeighting(ClassWeighting v) {
        return new TrainSettings(epochs, batchSize, lr, weightDecay, gradClip, patience, lrPatience, v, labelSmoothing, validationFraction, ensemble, seed);
    }

    public TrainSettings withLabelSmoothing(double v) {
        return new TrainSettings(epochs, batchSize, lr, weightDecay, gradClip, patience, lrPatience, classWeighting, v, validationFraction, ensemble, seed);
    }

    public TrainSettings withValidationFraction(double v) {
        return new TrainSettings(epochs, batchSize, lr, weightDecay, gradClip, patience, lrPatience, classWeighting, labelSmoothing, v, ensemble, seed);
    }

    public TrainSettings withEnsemble(int v) {
        return new TrainSettings(epochs, batchSize, lr, weightDecay, gradClip, patience, lrPatience, classWeighting, labelSmoothing, validationFraction, v, seed);
    }

    public TrainSettings withSeed(long v) {
        return new TrainSettings(epochs, batchSize, lr, weightDecay, gradClip, patience, lrPatience, classWeighting, labelSmoothing, validationFraction, ensemble, v);
    }
}
