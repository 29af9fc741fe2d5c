package org.rnn4j.train;

import org.rnn4j.optim.LRScheduler;
import org.rnn4j.optim.ReduceLROnPlateau;

/** How the learning rate changes from epoch to epoch; stepped after each epoch's validation. */
public sealed interface Schedule {

    /** Called once after every epoch with its validation scores. */
    void afterEpoch(Scores validation);

    /** The schedule's own counters, for a checkpoint. */
    Object state();

    /** Continues from a {@link #state()} of the same kind of schedule. */
    void restore(Object state);

    /** The learning rate stays as the optimizer has it. */
    record Constant() implements Schedule {
        @Override
        public void afterEpoch(Scores validation) {
        }

        @Override
        public Object state() {
            return this;
        }

        @Override
        public void restore(Object state) {
        }
    }

    /** {@code ReduceLROnPlateau} stepped on the validation loss. */
    record OnPlateau(ReduceLROnPlateau scheduler) implements Schedule {
        @Override
        public void afterEpoch(Scores validation) {
            scheduler.step(validation.loss());
        }

        @Override
        public ReduceLROnPlateau.State state() {
            return scheduler.state();
        }

        @Override
        public void restore(Object state) {
            scheduler.loadState((ReduceLROnPlateau.State) state);
        }
    }

    /** An epoch-based {@link LRScheduler} (StepLR, ExponentialLR, CosineAnnealingLR), stepped once per epoch. */
    record PerEpoch(LRScheduler scheduler) implements Schedule {
        @Override
        public void afterEpoch(Scores validation) {
            scheduler.step();
        }

        @Override
        public LRScheduler.State state() {
            return scheduler.state();
        }

        @Override
        public void restore(Object state) {
            scheduler.loadState((LRScheduler.State) state);
        }
    }

    static Schedule constant() {
        return new Constant();
    }
}
