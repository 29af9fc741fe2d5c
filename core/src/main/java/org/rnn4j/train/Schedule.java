package org.rnn4j.train;

import org.rnn4j.optim.LRScheduler;
import org.rnn4j.optim.ReduceLROnPlateau;

/** How the learning rate changes from epoch to epoch; stepped after each epoch's validation. */
public sealed interface Schedule {

    /** Called once after every epoch with its validation scores. */
    void afterEpoch(Scores validation);

    /** The schedule's own counters, for a checkpoint (the learning rate itself is in the optimizer's state). */
    State state();

    /** Continues from a {@link #state()} of the same kind of schedule. */
    void restore(State state);

    /** A schedule's counters. */
    sealed interface State {
    }

    /** The learning rate stays as the optimizer has it. */
    record Constant() implements Schedule, State {
        @Override
        public void afterEpoch(Scores validation) {
        }

        @Override
        public State state() {
            return this;
        }

        @Override
        public void restore(State state) {
            expect(Constant.class, state);
        }
    }

    /** {@code ReduceLROnPlateau} stepped on the validation loss. */
    record OnPlateau(ReduceLROnPlateau scheduler) implements Schedule {
        /** Its counters. */
        public record Counters(ReduceLROnPlateau.State value) implements State {
        }

        @Override
        public void afterEpoch(Scores validation) {
            scheduler.step(validation.loss());
        }

        @Override
        public State state() {
            return new Counters(scheduler.state());
        }

        @Override
        public void restore(State state) {
            scheduler.loadState(expect(Counters.class, state).value());
        }
    }

    /** An epoch-based {@link LRScheduler} (StepLR, ExponentialLR, CosineAnnealingLR), stepped once per epoch. */
    record PerEpoch(LRScheduler scheduler) implements Schedule {
        /** Its counters. */
        public record Counters(LRScheduler.State value) implements State {
        }

        @Override
        public void afterEpoch(Scores validation) {
            scheduler.step();
        }

        @Override
        public State state() {
            return new Counters(scheduler.state());
        }

        @Override
        public void restore(State state) {
            scheduler.loadState(expect(Counters.class, state).value());
        }
    }

    static Schedule constant() {
        return new Constant();
    }

    private static <S extends State> S expect(Class<S> kind, State state) {
        if (!kind.isInstance(state)) {
            throw new IllegalArgumentException("schedule: a " + (state == null ? "missing" : state.getClass().getSimpleName())
                    + " state cannot resume a " + kind.getEnclosingClass().getSimpleName() + " schedule");
        }
        return kind.cast(state);
    }
}
