package org.rnn4j.classify;

/** Receives training progress from {@link ClassifierTrainer}; the library itself never prints. */
public interface ClassifierListener {

    /** Before the first batch of {@code epoch} (1-based), which has {@code batches} batches. */
    default void epochStarted(int epoch, int batches) {
    }

    /** After an optimizer step; {@code loss} is the batch's loss before the step. */
    default void batchFinished(int epoch, int batch, int batches, double loss) {
    }

    /** After the epoch's validation. */
    default void epochFinished(EpochReport report) {
    }

    /** A listener that ignores everything. */
    static ClassifierListener none() {
        return new ClassifierListener() {
        };
    }
}
