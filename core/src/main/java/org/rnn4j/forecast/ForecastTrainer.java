package org.rnn4j.forecast;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.rnn4j.autograd.GradMode;
import org.rnn4j.autograd.Var;
import org.rnn4j.data.series.Backtest;
import org.rnn4j.data.series.Forecaster;
import org.rnn4j.data.series.Series;
import org.rnn4j.data.series.TimeSplit;
import org.rnn4j.data.series.Windows;
import org.rnn4j.loss.L1Loss;
import org.rnn4j.loss.MSELoss;
import org.rnn4j.optim.Adam;
import org.rnn4j.rand.Rng;
import org.rnn4j.tensor.Tensor;
import org.rnn4j.tensor.Workspace;
import org.rnn4j.train.Clipping;
import org.rnn4j.train.EarlyStopping;
import org.rnn4j.train.Ensemble;
import org.rnn4j.train.EpochLoop;
import org.rnn4j.train.NonFiniteException;
import org.rnn4j.train.OnNonFinite;
import org.rnn4j.train.Schedule;
import org.rnn4j.train.Scores;
import org.rnn4j.train.Seeds;
import org.rnn4j.train.Trainer;
import org.rnn4j.train.TrainingEvent;
import org.rnn4j.train.TrainingListener;

/**
 * Trains a {@link RecurrentForecaster}: splits by time (training, then validation, then the holdout,
 * never shuffled across), fits the {@link SeriesTransform} (target and covariates) on the training part,
 * cuts normalised sliding windows, and trains each ensemble member with Adam on MAE (or MSE); after a warm-up,
 * early stopping on the validation loss keeps the best weights. Deterministic for a given seed.
 */
public final class ForecastTrainer {
    private static final MSELoss MSE = new MSELoss();
    private static final L1Loss MAE = new L1Loss();
    /** Fewest optimizer steps per epoch: small series pass over their windows several times per epoch. */
    static final int MIN_BATCHES = 8;

    private ForecastTrainer() {
    }

    /**
     * The split of {@code rows} points under {@code settings}: training, validation, holdout.
     *
     * @throws IllegalArgumentException if the holdout leaves nothing
     */
    public static TimeSplit split(int rows, ForecastSettings settings) {
        int rest = rows - settings.holdout();
        if (settings.holdout() < 0 || rest < 2) {
            throw new IllegalArgumentException("holdout " + settings.holdout() + " leaves " + rest + " of " + rows
                    + " rows for training and validation");
        }
        int val = Math.min(settings.validationSize(rest), rest - 1);
        return new TimeSplit(rest - val, rest, rows);
    }

    /**
     * The settings with the window shrunk (down to {@link ForecastSettings#MIN_WINDOW}) so that the
     * training part of a short series still gives {@link ForecastSettings#MIN_TRAIN_WINDOWS} windows;
     * unchanged when it already does or cannot.
     */
    public static ForecastSettings fitWindowToRows(ForecastSettings settings, int rows) {
        TimeSplit split = split(rows, settings);
        int room = split.trainEnd() - settings.horizon() - ForecastSettings.MIN_TRAIN_WINDOWS + 1;
        if (room >= settings.window() || room < ForecastSettings.MIN_WINDOW) {
            return settings;
        }
        return settings.withWindow(room);
    }

    /**
     * Trains on {@code s}: the network reads its target and, at the same time steps, each of its covariates
     * (observed past covariates); it forecasts the target.
     */
    public static RecurrentForecaster train(Series s, ForecastSettings settings, TrainingListener listener) {
        String where = s.sourceName() + ": column '" + s.targetName() + "': ";
        int rows = s.size();
        int w = settings.window();
        int h = settings.horizon();
        if (settings.holdout() >= rows - 1) {
            throw new IllegalArgumentException(where + "holdout " + settings.holdout() + " leaves too few of the " + rows
                    + " rows" + lines(s) + " for training");
        }
        TimeSplit split = split(rows, settings);
        int need = w + h + ForecastSettings.MIN_TRAIN_WINDOWS - 1;
        if (split.trainEnd() < need) {
            throw new IllegalArgumentException(where + rows + " rows" + lines(s) + " are too few: holdout " + settings.holdout()
                    + " and validation " + split.validationSize() + " leave " + split.trainEnd() + " training rows, and window "
                    + w + " + horizon " + h + " need at least " + need + " (for " + ForecastSettings.MIN_TRAIN_WINDOWS
                    + " training windows)");
        }
        SeriesTransform transform = SeriesTransform.fit(s, split.trainEnd(), settings);
        Series known = s.head(split.validationEnd());
        double[][] f = transform.features(known);
        double scale = transform.windowScale();
        Windows.Set train = WindowData.make(f, w, h, transform.levelSpan(), 0, split.trainEnd(), scale);
        Windows.Set val = WindowData.make(f, w, h, transform.levelSpan(), split.trainEnd(), split.validationEnd(), scale);
        if (val.count() == 0) {
            throw new IllegalArgumentException(where + "the validation part (" + split.validationSize()
                    + " rows) is shorter than the horizon " + h + "; use a smaller --horizon or --holdout");
        }

        Seeds seeds = new Seeds.Splits(settings.seed()); // members 0..K-1 train, K..2K-1 refit
        int k = settings.members();
        List<TrainingSummary.Member> results = new ArrayList<>();
        List<ForecastNetwork> nets = Ensemble.train(k, seeds, m -> {
            Rng rng = seeds.rng(m.index());
            ForecastNetwork net = newMember(settings, transform.inputSize(), rng);
            results.add(trainMember(net, train, val, settings, m, rng, listener));
            return net;
        });
        RecurrentForecaster model = new RecurrentForecaster(settings, transform, new ForecastEnsemble(nets),
                new RecurrentForecaster.Columns(s.timeName(), s.targetName(), s.covariateNames()), Optional.empty());
        // measured before any refit, so the validation part is still out of sample
        ValidationReport check = validationCheck(model, known, split.trainEnd(), settings);
        int refitWindows = 0;
        if (settings.refit()) {
            SeriesTransform all = SeriesTransform.fit(s, split.validationEnd(), settings);
            Windows.Set every = WindowData.make(all.features(known), w, h, all.levelSpan(), 0, split.validationEnd(), all.windowScale());
            List<ForecastNetwork> refitted = Ensemble.train(k, seeds, m -> {
                Rng rng = seeds.rng(k + m.index());
                ForecastNetwork net = newMember(settings, all.inputSize(), rng);
                long steps = results.get(m.index()).bestSteps();
                refitMember(net, every, settings, steps, rng);
                listener.refitEnded(new TrainingEvent.RefitEnded(m.index(), k, steps, every.count()));
                return net;
            });
            refitWindows = every.count();
            model = new RecurrentForecaster(settings, all, new ForecastEnsemble(refitted), model.columns(), Optional.empty());
        }
        return model.withSummary(new TrainingSummary(rows, split.trainEnd(), split.validationSize(), split.holdoutSize(),
                train.count(), val.count(), refitWindows, results, check));
    }

    /** A fresh, untrained ensemble member as the settings describe it, reading {@code inputSize} features per step. */
    private static ForecastNetwork newMember(ForecastSettings settings, int inputSize, Rng rng) {
        return new ForecastNetwork(settings.cell(), inputSize, settings.hiddenSize(), settings.numLayers(),
                settings.horizon(), rng);
    }

    private static String lines(Series s) {
        return s.lineOf(0) > 0 ? " (lines " + s.lineOf(0) + ".." + s.lineOf(s.size() - 1) + ")" : "";
    }

    private static TrainingSummary.Member trainMember(ForecastNetwork net, Windows.Set train, Windows.Set val,
                                                      ForecastSettings settings, Ensemble.Member member, Rng rng,
                                                      TrainingListener listener) {
        Trainer trainer = newTrainer(net, settings);
        double initial = loss(net, val, settings.loss());
        int n = train.count();
        int b = settings.batchSize();
        int perEpoch = Math.max(Math.min(n, settings.windowsPerEpoch()), MIN_BATCHES * Math.min(n, b));
        int batches = (perEpoch + b - 1) / b;
        EpochLoop.Config config = new EpochLoop.Config(settings.maxEpochs(),
                new EarlyStopping.Options(EarlyStopping.Criterion.LOWEST_LOSS, settings.patience(), settings.warmupSteps()));
        EpochLoop loop = new EpochLoop(net, trainer, Schedule.constant(), config, member, rng, listener);
        EpochLoop.Outcome o = loop.run(new EpochLoop.Job() {
            @Override
            public int batches(int epoch) {
                return batches;
            }

            @Override
            public Scores train(int epoch, EpochLoop.Steps steps) {
                int[] order = order(rng, n, perEpoch);
                double sum = 0;
                for (int from = 0; from < perEpoch; from += b) {
                    sum += step(steps::step, net, train, order, from, Math.min(b, perEpoch - from), settings);
                }
                return Scores.ofLoss(sum / batches);
            }

            @Override
            public Scores validate(int epoch) {
                return Scores.ofLoss(loss(net, val, settings.loss()));
            }
        });
        net.eval();
        double kept = o.best().loss();
        if (!Double.isFinite(kept) || kept > DIVERGED * initial) {
            throw new NonFiniteException(o.bestStep(), null, String.format(java.util.Locale.ROOT,
                    "training stopped: member %d diverged, its best validation loss %.4g (epoch %d, step %d) is more than %.0g"
                    + " times the untrained network's %.4g; try a smaller learning rate", member.index() + 1, kept,
                    o.bestEpoch(), o.bestStep(), DIVERGED, initial));
        }
        return new TrainingSummary.Member(o.epochs(), o.bestEpoch(), o.bestStep(), kept, initial);
    }

    /** Adam at the settings' learning rate, gradients clipped to the settings' norm. */
    /**
     * A kept validation loss this many times the untrained network's means training diverged (the
     * weights grew without bound while staying finite): the model is refused rather than saved.
     */
    static final double DIVERGED = 1e6;

    private static Trainer newTrainer(ForecastNetwork net, ForecastSettings settings) {
        Adam opt = new Adam(net.parameters(), Adam.Options.defaults().withLr(settings.learningRate()));
        return new Trainer(opt, new Clipping.Norm(settings.clipNorm()), OnNonFinite.STOP, net);
    }

    /** Runs one step (through {@code runner}) on windows {@code order[from .. from+b)} of {@code set}; returns the batch loss. */
    private static double step(StepRunner runner, ForecastNetwork net, Windows.Set set, int[] order, int from, int b,
                               ForecastSettings settings) {
        return runner.step(() -> loss(settings.loss(), net.forward(Var.constant(rows(set.inputs(), order, from, b))),
                rows(set.targets(), order, from, b)));
    }

    /** A loop's step or a bare {@link Trainer}'s. */
    @FunctionalInterface
    private interface StepRunner {
        float step(Trainer.Objective objective);
    }

    /**
     * Trains a fresh member on every window before the holdout for exactly {@code steps} optimizer steps
     * (the length early stopping chose), sampling windows in whole shuffled passes as in training.
     */
    private static void refitMember(ForecastNetwork net, Windows.Set all, ForecastSettings settings, long steps, Rng rng) {
        Trainer trainer = newTrainer(net, settings);
        net.train();
        int n = all.count();
        int b = Math.min(settings.batchSize(), n);
        int[] order = new int[0];
        int at = 0;
        for (long k = 0; k < steps; k++) {
            if (at + b > order.length) {
                order = order(rng, n, n - n % b); // whole batches only
                at = 0;
            }
            step(trainer::step, net, all, order, at, b, settings);
            at += b;
        }
        net.eval();
    }

    /** {@code count} window indices: whole shuffled passes over the {@code n} windows, the last one cut short. */
    private static int[] order(Rng rng, int n, int count) {
        int[] out = new int[count];
        for (int from = 0; from < count; from += n) {
            int[] p = rng.permutation(n);
            System.arraycopy(p, 0, out, from, Math.min(n, count - from));
        }
        return out;
    }

    /** Rows {@code order[from .. from+b)} of a [N, ...] tensor, as a [b, ...] tensor. */
    private static Tensor rows(Tensor all, int[] order, int from, int b) {
        int[] dims = all.dims();
        int row = all.size() / dims[0];
        float[] src = all.data();
        dims[0] = b;
        Tensor out = Workspace.zeros(dims); // from the open step
        float[] dst = out.data();
        for (int i = 0; i < b; i++) {
            System.arraycopy(src, order[from + i] * row, dst, i * row, row);
        }
        return out;
    }

    /** Mean loss over every window of {@code set}, without a graph. */
    @SuppressWarnings("try") // the resource is a scope (workspace step, grad mode), never referenced
    private static double loss(ForecastNetwork net, Windows.Set set, ForecastSettings.Loss kind) {
        net.eval();
        try (var off = GradMode.disabled()) {
            return loss(kind, net.forward(Var.constant(set.inputs())), set.targets()).value().item();
        }
    }

    /** MSE or MAE ({@link L1Loss}). */
    static Var loss(ForecastSettings.Loss kind, Var out, Tensor target) {
        return kind == ForecastSettings.Loss.MSE ? MSE.forward(out, target) : MAE.forward(out, target);
    }

    /** The ensemble against the naive baselines on the validation part, forecast horizon by horizon from its start. */
    private static ValidationReport validationCheck(RecurrentForecaster model, Series known, int start,
                                                                    ForecastSettings settings) {
        List<Forecaster> fs = new ArrayList<>();
        fs.add(Forecaster.named("model", model));
        if (model.combination().classical()) { // the parts, beside their combination
            fs.add(model.network());
            fs.add(new Theta(settings.season()));
        }
        fs.add(Forecaster.naive());
        int m = settings.season();
        if (start > m) {
            fs.add(Forecaster.seasonalNaive(m));
        }
        int season = start > m ? m : 1;
        Backtest.Result r = Backtest.run(known, start, settings.horizon(), season, fs);
        return new ValidationReport(r.metrics());
    }


}
