package org.rnn4j.train;

/**
 * What a training run reports to its {@link TrainingListener}: one record per kind of moment. The
 * member fields name the ensemble member ({@code member} 0-based of {@code members}); a single
 * model is member 0 of 1.
 */
public sealed interface TrainingEvent {

    /**
     * An epoch is about to start.
     *
     * @param epoch   1-based epoch of this member
     * @param epochs  the member's epoch budget
     * @param batches optimizer steps this epoch will take
     */
    record EpochStarted(int member, int members, int epoch, int epochs, int batches) implements TrainingEvent {
    }

    /**
     * One optimizer step finished.
     *
     * @param epoch   1-based epoch (1 for a loop without epochs)
     * @param batch   1-based step within the epoch
     * @param batches steps in the epoch
     * @param step    the member's global step counter after this step
     * @param loss    the step's loss, computed before its optimizer step
     */
    record StepEnded(int member, int members, int epoch, int batch, int batches, long step, double loss)
            implements TrainingEvent {
    }

    /**
     * One epoch finished and was validated.
     *
     * @param epoch      1-based epoch
     * @param epochs     the member's epoch budget
     * @param step       global step counter at the end of the epoch
     * @param train      mean scores of the epoch's training batches (measured while training)
     * @param validation scores on the validation data after the epoch
     * @param lr         the learning rate the epoch trained with
     * @param improved   this epoch's weights are the best so far (the ones kept)
     * @param best       the best validation scores so far ({@code validation} when {@code improved})
     * @param bestEpoch  the epoch of {@code best} (0 while none is kept yet)
     * @param stopping   this is the member's last epoch (patience exhausted or budget spent)
     */
    record EpochEnded(int member, int members, int epoch, int epochs, long step, Scores train, Scores validation,
                      double lr, boolean improved, Scores best, int bestEpoch, boolean stopping) implements TrainingEvent {
    }

    /**
     * A member was retrained for a fixed number of steps (a forecaster's refit on all data).
     *
     * @param steps    optimizer steps it was trained for
     * @param examples examples it was trained on
     */
    record RefitEnded(int member, int members, long steps, int examples) implements TrainingEvent {
    }
}
