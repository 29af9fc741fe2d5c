package org.rnn4j.optim;

import java.util.Objects;

/**
 * {@code ReduceLROnPlateau}: multiplies the learning rate by {@code factor} once a monitored metric
 * has not improved for more than {@code patience} epochs, then waits {@code cooldown} epochs
 * before counting again. Call {@link #step(double)} with the metric (e.g. validation loss) once
 * per epoch.
 */
public final class ReduceLROnPlateau {

    /** Whether a lower ({@link #MIN}) or higher ({@link #MAX}) metric is better. */
    public enum Mode { MIN, MAX }

    /** Whether {@code threshold} is relative to the best value ({@link #REL}) or absolute ({@link #ABS}). */
    public enum ThresholdMode { REL, ABS }

    /**
     * The schedule's settings, with PyTorch's defaults in {@link #defaults()}: min, factor 0.1,
     * patience 10, threshold 1e-4 relative, cooldown 0, min_lr 0, eps 1e-8.
     *
     * @param eps a reduction smaller than this is not applied
     */
    public record Options(Mode mode, double factor, int patience, double threshold, ThresholdMode thresholdMode,
                          int cooldown, double minLr, double eps) {
        public Options {
            Objects.requireNonNull(mode, "ReduceLROnPlateau: mode");
            Objects.requireNonNull(thresholdMode, "ReduceLROnPlateau: threshold_mode");
            if (!(factor < 1.0) || !(factor >= 0)) {
                throw new IllegalArgumentException("ReduceLROnPlateau: factor must be in [0, 1), got " + factor);
            }
            if (patience < 0 || cooldown < 0) {
                throw new IllegalArgumentException("ReduceLROnPlateau: patience and cooldown must be >= 0, got "
                        + patience + " and " + cooldown);
            }
            OptimizerOptions.checkNonNegative("ReduceLROnPlateau", "threshold", threshold);
            OptimizerOptions.checkNonNegative("ReduceLROnPlateau", "min_lr", minLr);
            OptimizerOptions.checkNonNegative("ReduceLROnPlateau", "eps", eps);
        }

        public static Options defaults() {
            return new Options(Mode.MIN, 0.1, 10, 1e-4, ThresholdMode.REL, 0, 0.0, 1e-8);
        }

        public Options withMode(Mode v) {
            return new Options(v, factor, patience, threshold, thresholdMode, cooldown, minLr, eps);
        }

        public Options withFactor(double v) {
            return new Options(mode, v, patience, threshold, thresholdMode, cooldown, minLr, eps);
        }

        public Options withPatience(int v) {
            return new Options(mode, factor, v, threshold, thresholdMode, cooldown, minLr, eps);
        }

        public Options withThreshold(double v, ThresholdMode m) {
            return new Options(mode, factor, patience, v, m, cooldown, minLr, eps);
        }

        public Options withCooldown(int v) {
            return new Options(mode, factor, patience, threshold, thresholdMode, v, minLr, eps);
        }

        public Options withMinLr(double v) {
            return new Options(mode, factor, patience, threshold, thresholdMode, cooldown, v, eps);
        }

        public Options withEps(double v) {
            return new Options(mode, factor, patience, threshold, thresholdMode, cooldown, minLr, v);
        }
    }

    private final Optimizer optimizer;
    private final Options options;
    private double best;
    private int numBadEpochs;
    private int cooldownCounter;
    private int lastEpoch;

    public ReduceLROnPlateau(Optimizer optimizer, Options options) {
        this.optimizer = Objects.requireNonNull(optimizer, "ReduceLROnPlateau: optimizer");
        this.options = Objects.requireNonNull(options, "ReduceLROnPlateau: options");
        this.best = options.mode() == Mode.MIN ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
    }

    public ReduceLROnPlateau(Optimizer optimizer) {
        this(optimizer, Options.defaults());
    }

    /** Records one epoch's metric and reduces the learning rate if it has plateaued. */
    public void step(double metric) {
        lastEpoch++;
        if (isBetter(metric, best)) {
            best = metric;
            numBadEpochs = 0;
        } else {
            numBadEpochs++;
        }
        if (cooldownCounter > 0) {
            cooldownCounter--;
            numBadEpochs = 0; // bad epochs during cooldown do not count
        }
        if (numBadEpochs > options.patience()) {
            reduceLr();
            cooldownCounter = options.cooldown();
            numBadEpochs = 0;
        }
    }

    private void reduceLr() {
        double old = optimizer.lr();
        double next = Math.max(old * options.factor(), options.minLr());
        if (old - next > options.eps()) {
            optimizer.setLr(next);
        }
    }

    private boolean isBetter(double a, double best) {
        double t = options.threshold();
        boolean rel = options.thresholdMode() == ThresholdMode.REL;
        if (options.mode() == Mode.MIN) {
            return rel ? a < best * (1 - t) : a < best - t;
        }
        return rel ? a > best * (t + 1) : a > best + t;
    }

    /** The best metric so far (±infinity before the first step). */
    public double best() {
        return best;
    }

    public int numBadEpochs() {
        return numBadEpochs;
    }

    public boolean inCooldown() {
        return cooldownCounter > 0;
    }

    public int lastEpoch() {
        return lastEpoch;
    }

    public Options options() {
        return options;
    }

    /** The counters a checkpoint keeps (the learning rate itself lives in the optimizer's state). */
    public record State(double best, int numBadEpochs, int cooldownCounter, int lastEpoch) {
    }

    public State state() {
        return new State(best, numBadEpochs, cooldownCounter, lastEpoch);
    }

    /** Continues from {@code s}. */
    public void loadState(State s) {
        best = s.best();
        numBadEpochs = s.numBadEpochs();
        cooldownCounter = s.cooldownCounter();
        lastEpoch = s.lastEpoch();
    }
}
