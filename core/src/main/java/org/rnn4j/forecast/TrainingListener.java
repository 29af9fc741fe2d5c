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

    /** A listener that ignores everything. */
    TrainingListener NONE = e -> { };
}
