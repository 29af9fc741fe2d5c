package org.rnn4j.classify;

import org.rnn4j.train.TrainingEvent;

/**
 * One finished epoch: the mean training loss and accuracy (measured while training, dropout on),
 * the validation loss, accuracy and macro-F1, the learning rate used, and whether this epoch is the
 * best so far (its weights are the ones kept).
 */
public record EpochReport(int epoch, int epochs, double trainLoss, double trainAccuracy, double validationLoss,
        double validationAccuracy, double validationMacroF1, double lr, boolean best) {

    /** The classifier's view of the training loop's epoch report. */
    public static EpochReport of(TrainingEvent.EpochEnded e) {
        return new EpochReport(e.epoch(), e.epochs(), e.train().loss(), e.train().accuracy(), e.validation().loss(),
                e.validation().accuracy(), e.validation().macroF1(), e.lr(), e.improved());
    }
}
