package org.rnn4j.classify;

/**
 * One finished epoch: the mean training loss and accuracy (measured while training, dropout on),
 * the validation loss, accuracy and macro-F1, the learning rate used, and whether this epoch is the
 * best so far (its weights are the ones kept).
 */
public record EpochReport(int epoch, int epochs, double trainLoss, double trainAccuracy, double validationLoss,
        double validationAccuracy, double validationMacroF1, double lr, boolean best) {
}
