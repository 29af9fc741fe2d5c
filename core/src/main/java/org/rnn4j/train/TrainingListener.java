package org.rnn4j.train;

/**
 * Receives training progress; the library itself never prints. The one listener of every job (the
 * sine tutorial, the forecaster, the classifier): override the moments you care about. Called on the
 * training thread.
 */
public interface TrainingListener {

    /** Before an epoch's first step. */
    default void epochStarted(TrainingEvent.EpochStarted e) {
    }

    /** After every optimizer step. */
    default void stepEnded(TrainingEvent.StepEnded e) {
    }

    /** After an epoch's validation. */
    default void epochEnded(TrainingEvent.EpochEnded e) {
    }

    /** After a member's fixed-length retraining. */
    default void refitEnded(TrainingEvent.RefitEnded e) {
    }

    /** A listener that ignores everything. */
    static TrainingListener none() {
        return new TrainingListener() {
        };
    }
}
