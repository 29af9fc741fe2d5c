package org.rnn4j.train;

import org.rnn4j.rand.Rng;

/**
 * Where a training loop is, as a value: with the model's weights, enough to continue bitwise as if
 * it had never stopped. A checkpoint writes it; a resume reads it back into an {@link EpochLoop}.
 *
 * @param member   the ensemble member being trained
 * @param epoch    epochs finished
 * @param trainer  global step counter and optimizer state (hyper-parameters, steps, buffers)
 * @param stopping best scores, their epoch and step, the kept weights
 * @param schedule the learning-rate schedule's counters ({@link Schedule#state()})
 * @param rng      the job's data generator (batch order; a model's own dropout generators are part of the model)
 */
public record TrainingState(int member, int epoch, Trainer.State trainer, EarlyStopping.State stopping, Schedule.State schedule,
                            Rng.State rng) {
    public TrainingState {
        if (member < 0 || epoch < 0 || trainer == null || stopping == null || schedule == null || rng == null) {
            throw new IllegalArgumentException("training state: member and epoch must be >= 0 and every part given");
        }
    }
}
