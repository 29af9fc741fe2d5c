package org.rnn4j.classify;

import java.util.List;

/**
 * What a training run did: every epoch's report, the best epoch (whose weights the model now has)
 * and whether early stopping ended the run before the last epoch.
 */
public record TrainResult(List<EpochReport> history, EpochReport best, boolean stoppedEarly) {
    public TrainResult {
        history = List.copyOf(history);
    }
}
