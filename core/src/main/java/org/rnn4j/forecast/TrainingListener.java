package org.rnn4j.forecast;

/**
 * Hears how training goes, epoch by epoch (the library never prints; the CLI draws a progress bar
 * from this). Called on the training thread.
 */
public interface TrainingListener {

    /**
     * One finished epoch of one ensemble member.
     *
     * @param member          0-based member index
     * @param members         ensemble size
     * @param epoch           1-based epoch of this member
     * @param maxEpochs       the member's epoch budget
     * @param trainLoss       mean training MSE of the epoch (scaled units)
     * @param validationLoss  validation MSE after the epoch
     * @param bestLoss        best validation MSE so far (epoch 0 = the untrained, zero-head network)
     * @param bestEpoch       epoch of {@code bestLoss}
     * @param stopping        true when this is the member's last epoch (patience exhausted or budget spent)
     */
    record Epoch(int member, int members, int epoch, int maxEpochs, double trainLoss, double validationLoss,
                 double bestLoss, int bestEpoch, boolean stopping) {
    }

    void epochEnded(Epoch e);

    /**
     * One member retrained on every window before the holdout (when the settings ask for a refit).
     *
     * @param member  0-based member index
     * @param members ensemble size
     * @param steps   optimizer steps it was trained for (its best epoch's)
     * @param windows windows it was trained on
     */
    record Refit(int member, int members, long steps, int windows) {
    }

    /** Called after each member's refit; ignored by default. */
    default void refitEnded(Refit r) {
    }

    /** A listener that ignores everything. */
    TrainingListener NONE = e -> { };
}
