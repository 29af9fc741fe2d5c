package org.rnn4j.train;

import java.util.ArrayList;
import java.util.List;
import org.rnn4j.nn.Module;
import org.rnn4j.rand.Rng;

/**
 * The epoch loop every job runs on: for each epoch, train (the job's batches, each a
 * {@link Trainer} step), validate, let {@link EarlyStopping} keep the best weights and decide,
 * step the {@link Schedule}; at the end the best weights are loaded back. Progress goes to the
 * {@link TrainingListener}. {@link #state()} captures where the loop is (from a listener's
 * {@link TrainingListener#epochEnded}, say), {@link #restore} continues from such a capture: with the
 * model's weights of that moment loaded back, the rest of the run is the same, bit for bit.
 */
public final class EpochLoop {

    /** What a job supplies: its epochs' batches and its validation. */
    public interface Job {
        /** Optimizer steps epoch {@code epoch} will take. */
        int batches(int epoch);

        /** Trains one epoch, every batch through {@code steps}; returns the epoch's training scores. */
        Scores train(int epoch, Steps steps);

        /** Scores the model on the validation data after epoch {@code epoch}. */
        Scores validate(int epoch);

        /** Called when an epoch's weights become the best (e.g. to write them out); nothing by default. */
        default void improved(TrainingEvent.EpochEnded e) {
        }
    }

    /**
     * @param epochs   the epoch budget
     * @param stopping early stopping
     */
    public record Config(int epochs, EarlyStopping.Options stopping) {
        public Config {
            if (epochs < 1 || stopping == null) {
                throw new IllegalArgumentException("epoch loop: epochs must be >= 1 and stopping given, got " + epochs);
            }
        }
    }

    /**
     * What the loop did.
     *
     * @param history      every epoch's report
     * @param best         the kept epoch's validation scores
     * @param bestEpoch    the kept epoch
     * @param bestStep     the global step count at its end (a refit trains this many steps)
     * @param stoppedEarly patience ended the run before the budget
     */
    public record Outcome(List<TrainingEvent.EpochEnded> history, Scores best, int bestEpoch, long bestStep,
                          boolean stoppedEarly) {
        public Outcome {
            history = List.copyOf(history);
        }

        /** Epochs run. */
        public int epochs() {
            return history.size();
        }
    }

    /** The epoch's steps: each one a {@link Trainer} step, reported to the listener. */
    public final class Steps {
        private final int epoch;
        private final int batches;
        private int batch;

        private Steps(int epoch, int batches) {
            this.epoch = epoch;
            this.batches = batches;
        }

        /** One optimizer step; returns its loss. */
        public float step(Trainer.Objective objective) {
            float l = trainer.step(objective);
            batch++;
            listener.stepEnded(new TrainingEvent.StepEnded(member.index(), member.count(), epoch, batch, batches,
                    trainer.steps(), l));
            return l;
        }
    }

    private final Module model;
    private final Trainer trainer;
    private final Schedule schedule;
    private final Config config;
    private final EarlyStopping stopping;
    private final Ensemble.Member member;
    private final Rng data;
    private final TrainingListener listener;
    private int epoch;

    /**
     * A loop over {@code model}, whose parameters {@code trainer}'s optimizer holds; {@code data} is the
     * generator the job draws its batches (and dropout) from, captured with the loop's state.
     */
    public EpochLoop(Module model, Trainer trainer, Schedule schedule, Config config, Ensemble.Member member, Rng data,
                     TrainingListener listener) {
        if (model == null || trainer == null || schedule == null || config == null || member == null || data == null
                || listener == null) {
            throw new IllegalArgumentException("epoch loop: every argument must be given");
        }
        this.model = model;
        this.trainer = trainer;
        this.schedule = schedule;
        this.config = config;
        this.stopping = new EarlyStopping(config.stopping());
        this.member = member;
        this.data = data;
        this.listener = listener;
    }

    /** Runs the remaining epochs (all of them unless restored) and loads the best weights into the model. */
    public Outcome run(Job job) {
        List<TrainingEvent.EpochEnded> history = new ArrayList<>();
        boolean early = false;
        while (epoch < config.epochs()) {
            epoch++;
            int batches = job.batches(epoch);
            listener.epochStarted(new TrainingEvent.EpochStarted(member.index(), member.count(), epoch, config.epochs(), batches));
            double lr = trainer.optimizer().lr();
            model.train();
            Scores train = job.train(epoch, new Steps(epoch, batches));
            Scores val = job.validate(epoch);
            boolean last = epoch == config.epochs();
            EarlyStopping.Verdict v = stopping.observe(epoch, trainer.steps(), val, model, last);
            TrainingEvent.EpochEnded e = new TrainingEvent.EpochEnded(member.index(), member.count(), epoch, config.epochs(),
                    trainer.steps(), train, val, lr, v.improved(), stopping.best(), stopping.bestEpoch(), v.stop());
            history.add(e);
            if (v.improved()) {
                job.improved(e);
            }
            schedule.afterEpoch(val);
            listener.epochEnded(e); // the loop's state is whole here: a checkpoint may capture it
            if (v.stop()) {
                early = v.exhausted() && !last;
                break;
            }
        }
        stopping.restoreBest(model);
        return new Outcome(history, stopping.best(), stopping.bestEpoch(), stopping.bestStep(), early);
    }

    /** Where the loop is: after {@link #run} or between epochs, the value a checkpoint writes. */
    public TrainingState state() {
        return new TrainingState(member.index(), epoch, trainer.state(), stopping.state(), schedule.state(), data.state());
    }

    /** Continues from {@code s}: the next {@link #run} starts with epoch {@code s.epoch() + 1}. */
    public void restore(TrainingState s) {
        if (s.member() != member.index()) {
            throw new IllegalArgumentException("epoch loop: state of member " + s.member() + " cannot resume member " + member.index());
        }
        trainer.restore(s.trainer());
        stopping.restore(s.stopping());
        schedule.restore(s.schedule());
        data.restore(s.rng());
        epoch = s.epoch();
    }

    public Trainer trainer() {
        return trainer;
    }

    public EarlyStopping stopping() {
        return stopping;
    }
}
