package org.rnn4j.forecast;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rnn4j.autograd.GradMode;
import org.rnn4j.autograd.Var;
import org.rnn4j.data.series.Backtest;
import org.rnn4j.data.series.Forecaster;
import org.rnn4j.data.series.Series;
import org.rnn4j.data.series.TimeSplit;
import org.rnn4j.data.series.Windows;
import org.rnn4j.loss.MSELoss;
import org.rnn4j.optim.Adam;
import org.rnn4j.ops.F;
import org.rnn4j.optim.GradClip;
import org.rnn4j.rand.Rng;
import org.rnn4j.tensor.Tensor;
import org.rnn4j.tensor.Workspace;

/**
 * Trains a {@link RecurrentForecaster}: splits by time (training, then validation, then the holdout,
 * never shuffled across), fits the {@link SeriesTransform} (target and covariates) on the training part,
 * cuts normalised sliding windows, and trains each ensemble member with Adam on MAE (or MSE); after a warm-up,
 * early stopping on the validation loss keeps the best weights. Deterministic for a given seed.
 */
public final class ForecastTrainer {
    private static final MSELoss MSE = new MSELoss();
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
        org.rnn4j.kernel.Kernels.prepare(); // compiler directives and GEMM warm-up, once per process
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

        Rng root = new Rng(settings.seed());
        List<ForecastNetwork> nets = new ArrayList<>();
        List<TrainingSummary.Member> results = new ArrayList<>();
        for (int i = 0; i < settings.members(); i++) {
            Rng rng = root.split();
            ForecastNetwork net = newMember(settings, transform.inputSize(), rng);
            results.add(trainMember(net, train, val, settings, i, rng, listener));
            nets.add(net);
        }
        RecurrentForecaster model = new RecurrentForecaster(settings, transform, new ForecastEnsemble(nets),
                new RecurrentForecaster.Columns(s.timeName(), s.targetName(), s.covariateNames()), Optional.empty());
        // measured before any refit, so the validation part is still out of sample
        Map<String, Map<String, Double>> check = validationCheck(model, known, split.trainEnd(), settings);
        int refitWindows = 0;
        if (settings.refit()) {
            SeriesTransform all = SeriesTransform.fit(s, split.validationEnd(), settings);
            Windows.Set every = WindowData.make(all.features(known), w, h, all.levelSpan(), 0, split.validationEnd(), all.windowScale());
            List<ForecastNetwork> refitted = new ArrayList<>();
            for (int i = 0; i < settings.members(); i++) {
                Rng rng = root.split();
                ForecastNetwork net = newMember(settings, all.inputSize(), rng);
                refitMember(net, every, settings, results.get(i).bestSteps(), rng);
                listener.refitEnded(new TrainingListener.Refit(i, settings.members(), results.get(i).bestSteps(), every.count()));
                refitted.add(net);
            }
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
                                                      ForecastSettings settings, int member, Rng rng, TrainingListener listener) {
        Adam opt = new Adam(net.parameters(), Adam.Options.defaults().withLr(settings.learningRate()));
        double initial = loss(net, val, settings.loss());
        double best = Double.POSITIVE_INFINITY;
        int bestEpoch = 0;
        Map<String, Tensor> bestState = net.stateDict();
        int n = train.count();
        Workspace workspace = new Workspace();
        int perEpoch = Math.max(Math.min(n, settings.windowsPerEpoch()), MIN_BATCHES * Math.min(n, settings.batchSize()));
        int epoch = 0;
        long steps = 0;
        long bestSteps = 0;
        int warmEpoch = 0;
        while (epoch < settings.maxEpochs()) {
            epoch++;
            net.train();
            int[] order = order(rng, n, perEpoch);
            double sum = 0;
            int batches = 0;
            for (int from = 0; from < perEpoch; from += settings.batchSize()) {
                sum += step(net, opt, train, order, from, Math.min(settings.batchSize(), perEpoch - from), settings, workspace);
                batches++;
            }
            steps += batches;
            double v = loss(net, val, settings.loss());
            boolean warm = steps >= settings.warmupSteps();
            if (warm && warmEpoch == 0) {
                warmEpoch = epoch;
            }
            if (warm && v < best) {
                best = v;
                bestEpoch = epoch;
                bestSteps = steps;
                bestState = net.stateDict();
            }
            boolean stop = (warm && epoch - Math.max(bestEpoch, warmEpoch) >= settings.patience()) || epoch == settings.maxEpochs();
            if (stop && bestEpoch == 0) { // the budget ended before the warm-up: keep the last weights
                best = v;
                bestEpoch = epoch;
                bestSteps = steps;
                bestState = net.stateDict();
            }
            listener.epochEnded(new TrainingListener.Epoch(member, settings.members(), epoch, settings.maxEpochs(), sum / batches,
                    v, best, bestEpoch, stop));
            if (stop) {
                break;
            }
        }
        net.loadStateDict(bestState);
        net.eval();
        return new TrainingSummary.Member(epoch, bestEpoch, bestSteps, best, initial);
    }

    /** One optimizer step on windows {@code order[from .. from+b)} of {@code set}; returns the batch loss. */
    private static double step(ForecastNetwork net, Adam opt, Windows.Set set, int[] order, int from, int b, ForecastSettings settings,
                               Workspace workspace) {
        try (Workspace.Step step = workspace.open()) { // the step's arrays are reused by the next one
            Var out = net.forward(Var.constant(rows(set.inputs(), order, from, b)));
            Var l = loss(settings.loss(), out, rows(set.targets(), order, from, b));
            opt.zeroGrad();
            l.backward();
            GradClip.clipGradNorm(net.parameters(), settings.clipNorm());
            opt.step();
            return l.value().item();
        }
    }

    /**
     * Trains a fresh member on every window before the holdout for exactly {@code steps} optimizer steps
     * (the length early stopping chose), sampling windows in whole shuffled passes as in training.
     */
    private static void refitMember(ForecastNetwork net, Windows.Set all, ForecastSettings settings, long steps, Rng rng) {
        Adam opt = new Adam(net.parameters(), Adam.Options.defaults().withLr(settings.learningRate()));
        net.train();
        int n = all.count();
        int b = Math.min(settings.batchSize(), n);
        Workspace workspace = new Workspace();
        int[] order = new int[0];
        int at = 0;
        for (long k = 0; k < steps; k++) {
            if (at + b > order.length) {
                order = order(rng, n, n - n % b); // whole batches only
                at = 0;
            }
            step(net, opt, all, order, at, b, settings, workspace);
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
    private static double loss(ForecastNetwork net, Windows.Set set, ForecastSettings.Loss kind) {
        net.eval();
        try (var off = GradMode.disabled()) {
            return loss(kind, net.forward(Var.constant(set.inputs())), set.targets()).value().item();
        }
    }

    /** MSE, or MAE as {@code mean(relu(e) + relu(-e))} with {@code e = out - target}. */
    static Var loss(ForecastSettings.Loss kind, Var out, Tensor target) {
        if (kind == ForecastSettings.Loss.MSE) {
            return MSE.forward(out, target);
        }
        Var e = F.sub(out, Var.constant(target));
        return F.mean(F.add(F.relu(e), F.relu(F.neg(e))));
    }

    /** The ensemble against the naive baselines on the validation part, forecast horizon by horizon from its start. */
    private static Map<String, Map<String, Double>> validationCheck(RecurrentForecaster model, Series known, int start,
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
        Map<String, Map<String, Double>> out = new LinkedHashMap<>();
        r.metrics().forEach((k, v) -> out.put(k, v.asMap()));
        return out;
    }


}
