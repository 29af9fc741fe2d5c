package org.rnn4j.train;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.rnn4j.nn.Module;
import org.rnn4j.tensor.Tensor;

/**
 * Early stopping that keeps the best weights: after every epoch's validation it decides whether the
 * epoch is the best so far (and copies the weights), and whether to stop. Watching starts once the
 * global step count reaches {@code warmupSteps}; training stops {@code patience} epochs after the best
 * epoch (or the first watched one), or when the budget is spent. If it stops before any epoch was
 * watched, the last epoch's weights are kept.
 */
public final class EarlyStopping {

    /** Which validation scores are better. */
    public enum Criterion {
        /** A strictly lower loss. */
        LOWEST_LOSS,
        /** A higher accuracy, ties broken by a lower loss; the first watched epoch always counts. */
        HIGHEST_ACCURACY
    }

    /**
     * @param criterion   what "better" means
     * @param patience    epochs without a better score before stopping; 0 = never stop early
     * @param warmupSteps optimizer steps before watching starts
     */
    public record Options(Criterion criterion, int patience, long warmupSteps) {
        public Options {
            if (criterion == null || patience < 0 || warmupSteps < 0) {
                throw new IllegalArgumentException("early stopping: criterion must be given, patience and warm-up >= 0, got "
                        + patience + " and " + warmupSteps);
            }
        }
    }

    /**
     * The decision after one epoch.
     *
     * @param improved  the epoch is the best so far; its weights are kept
     * @param exhausted patience ran out
     * @param stop      this is the last epoch (patience ran out or the budget is spent)
     */
    public record Verdict(boolean improved, boolean exhausted, boolean stop) {
    }

    /**
     * What a checkpoint keeps of it.
     *
     * @param best        best scores so far (null before any)
     * @param bestEpoch   their epoch (0 before any)
     * @param bestStep    the global step count at the end of that epoch
     * @param bestWeights the kept weights (null before any)
     * @param warmEpoch   the first watched epoch (0 before it)
     */
    public record State(Scores best, int bestEpoch, long bestStep, Map<String, Tensor> bestWeights, int warmEpoch) {
        public State {
            bestWeights = bestWeights == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(bestWeights));
        }
    }

    private final Options options;
    private Scores best;
    private int bestEpoch;
    private long bestStep;
    private Map<String, Tensor> bestWeights;
    private int warmEpoch;

    public EarlyStopping(Options options) {
        if (options == null) {
            throw new IllegalArgumentException("early stopping: options must be given");
        }
        this.options = options;
    }

    /** Records epoch {@code epoch}'s validation scores, {@code steps} steps in; copies {@code model}'s weights when they are the best. */
    public Verdict observe(int epoch, long steps, Scores validation, Module model, boolean lastEpoch) {
        boolean warm = steps >= options.warmupSteps();
        if (warm && warmEpoch == 0) {
            warmEpoch = epoch;
        }
        boolean improved = warm && better(validation);
        if (improved) {
            keep(epoch, steps, validation, model);
        }
        boolean exhausted = options.patience() > 0 && warm && epoch - Math.max(bestEpoch, warmEpoch) >= options.patience();
        boolean stop = exhausted || lastEpoch;
        if (stop && bestEpoch == 0) { // the budget ended before the warm-up: keep the last weights
            keep(epoch, steps, validation, model);
        }
        return new Verdict(improved, exhausted, stop);
    }

    private boolean better(Scores v) {
        return switch (options.criterion()) {
            case LOWEST_LOSS -> v.loss() < (best == null ? Double.POSITIVE_INFINITY : best.loss());
            case HIGHEST_ACCURACY -> best == null || v.accuracy() > best.accuracy()
                    || (v.accuracy() == best.accuracy() && v.loss() < best.loss());
        };
    }

    private void keep(int epoch, long steps, Scores v, Module model) {
        best = v;
        bestEpoch = epoch;
        bestStep = steps;
        bestWeights = model.stateDict();
    }

    /** Loads the kept weights into {@code model} (nothing when none were kept). */
    public void restoreBest(Module model) {
        if (bestWeights != null) {
            model.loadStateDict(bestWeights);
        }
    }

    /** The best scores so far, or null. */
    public Scores best() {
        return best;
    }

    public int bestEpoch() {
        return bestEpoch;
    }

    public long bestStep() {
        return bestStep;
    }

    public Options options() {
        return options;
    }

    public State state() {
        return new State(best, bestEpoch, bestStep, bestWeights, warmEpoch);
    }

    public void restore(State s) {
        best = s.best();
        bestEpoch = s.bestEpoch();
        bestStep = s.bestStep();
        bestWeights = s.bestWeights();
        warmEpoch = s.warmEpoch();
    }
}
