package org.rnn4j.cli.commands;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.rnn4j.cli.BaseCommand;
import org.rnn4j.cli.CellKindOption;
import org.rnn4j.cli.Seeded;
import org.rnn4j.cli.VersionProvider;
import org.rnn4j.cli.ui.Progress;
import org.rnn4j.data.series.Series;
import org.rnn4j.forecast.Combination;
import org.rnn4j.forecast.CovariateScaling;
import org.rnn4j.forecast.ForecastModelFiles;
import org.rnn4j.forecast.ForecastSettings;
import org.rnn4j.forecast.ForecastTrainer;
import org.rnn4j.forecast.RecurrentForecaster;
import org.rnn4j.forecast.TrainingSummary;
import org.rnn4j.nn.recurrent.CellKind;
import org.rnn4j.train.TrainingEvent;
import org.rnn4j.train.TrainingListener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code rnn4j forecast train}: fits a recurrent forecaster to a CSV series and saves the model folder. */
@Command(name = "train", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Train a recurrent forecaster (an ensemble of small LSTMs by default) on a CSV series and save it as a "
                + "model folder (model.safetensors + config.json).",
                "The last --holdout points are never used; of the rest, the last part validates (early stopping, best "
                + "weights kept). Values are log-transformed when positive with variation growing with the level, seasonal "
                + "indices are removed when the season is strong, and each window is read relative to its recent level. The "
                + "forecast averages the network's with the Theta and seasonal-naive forecasts (see --combine).",
                "Without tuning options the documented default recipe is used."})
public final class ForecastTrainCommand extends BaseCommand implements Seeded {

    @Mixin
    SeriesOptions series;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Model folder to write (created if needed).")
    Path out;

    @Option(names = OutputFolder.OPTION, description = "Replace the model already in --out (without it, such a folder is an error).")
    boolean overwrite;

    @Option(names = "--holdout", converter = org.rnn4j.cli.OptionValues.NonNegative.class, paramLabel = "N", description = "Keep the last N points out of training, for 'forecast eval' (default: 0).")
    int holdout;

    @Option(names = "--cell", paramLabel = "KIND", converter = CellKindOption.class, completionCandidates = CellKindOption.Ids.class,
            description = "Recurrent cell: ${COMPLETION-CANDIDATES}; rnn = rnn_tanh (default: " + ForecastSettings.CELL_ID + ").")
    CellKind cell;

    @Option(names = "--hidden", converter = org.rnn4j.cli.OptionValues.Positive.class, paramLabel = "N", description = "Hidden units per layer (default: " + ForecastSettings.HIDDEN_SIZE + ").")
    Integer hidden;

    @Option(names = "--layers", converter = org.rnn4j.cli.OptionValues.Positive.class, paramLabel = "N", description = "Stacked recurrent layers (default: " + ForecastSettings.NUM_LAYERS + ").")
    Integer layers;

    @Option(names = "--window", converter = org.rnn4j.cli.OptionValues.Positive.class, paramLabel = "N", description = "Input steps per example (default: 2 seasons or 2 horizons, at least "
            + ForecastSettings.MIN_DEFAULT_WINDOW + "; up to 4 times that for long series, one step per "
            + ForecastSettings.ROWS_PER_WINDOW_STEP + " rows in whole seasons; shrunk for short ones).")
    Integer window;

    @Option(names = "--horizon", converter = org.rnn4j.cli.OptionValues.Positive.class, paramLabel = "N", description = "Steps forecast at once; longer forecasts roll out (default: one season, or "
            + ForecastSettings.NON_SEASONAL_HORIZON + ").")
    Integer horizon;

    @Option(names = "--members", converter = org.rnn4j.cli.OptionValues.Positive.class, paramLabel = "N", description = "Ensemble size: networks from different seeds, averaged (default: "
            + ForecastSettings.MEMBERS + "; " + ForecastSettings.LONG_SERIES_MEMBERS + " when at least " + ForecastSettings.LONG_SERIES_ROWS
            + " rows are left before the holdout).")
    Integer members;

    @Option(names = "--epochs", converter = org.rnn4j.cli.OptionValues.Positive.class, paramLabel = "N", description = "Most epochs per member (default: "
            + ForecastSettings.MAX_EPOCHS + "; early stopping usually ends sooner).")
    Integer epochs;

    @Option(names = "--patience", converter = org.rnn4j.cli.OptionValues.Positive.class, paramLabel = "N", description = "Epochs without a better validation loss before stopping (default: "
            + ForecastSettings.PATIENCE + ").")
    Integer patience;

    @Option(names = "--lr", converter = org.rnn4j.cli.OptionValues.PositiveReal.class, paramLabel = "RATE", description = "Adam learning rate (default: " + ForecastSettings.LEARNING_RATE + ").")
    Double lr;

    @Option(names = "--transform", paramLabel = "KIND", description = "Log transform: ${COMPLETION-CANDIDATES} (default: auto).")
    ForecastSettings.TransformMode transform;

    @Option(names = "--seasonal", paramLabel = "MODE", description = "Seasonal adjustment: ${COMPLETION-CANDIDATES} (default: auto).")
    ForecastSettings.SeasonalMode seasonal;

    @Option(names = "--no-refit", description = "Keep the early-stopped weights instead of retraining each member on all data "
            + "before the holdout for the number of steps early stopping chose (the default).")
    boolean noRefit;

    @Option(names = "--combine", paramLabel = "MODE", description = "Forecast as the mean of the network (1/2), Theta (1/4) and "
            + "seasonal naive (1/4), or the network alone: ${COMPLETION-CANDIDATES} (default: auto = combined unless covariates are given).")
    ForecastSettings.CombineMode combine;

    /** JSON result. */
    record Result(String model, String data, String target, int rows, TrainingSummary training, Map<String, Object> recipe) {
    }

    @Override
    protected int execute() throws Exception {
        org.rnn4j.cli.OutputPaths.of(commandLine()).folder("--out", out);
        OutputFolder.check(spec, out, overwrite);
        Series s = series.read();
        int m = series.season(s);
        if (holdout < 0 || holdout >= s.size()) {
            throw new IllegalArgumentException(series.data + ": --holdout " + holdout + " must be between 0 and " + (s.size() - 1)
                    + " for " + s.size() + " rows");
        }
        ForecastSettings st = settings(s.size(), m);
        String cov = s.covariateNames().isEmpty() ? "" : " with covariates '" + String.join("', '", s.covariateNames()) + "'";
        info(String.format(Locale.ROOT, "training on %s, column '%s'%s: %d rows, holdout %d, season %d; %d × %s(hidden %d, layers %d), "
                        + "window %d, horizon %d", series.data, s.targetName(), cov, s.size(), holdout, m, st.members(),
                st.cell().id(), st.hiddenSize(), st.numLayers(), st.window(), st.horizon()));
        RecurrentForecaster model;
        try (Progress bar = progress().start("train", (long) st.members() * st.maxEpochs())) {
            model = ForecastTrainer.train(s, st, new Reporter(bar, st));
        }
        ForecastModelFiles.save(model, out);
        TrainingSummary r = model.summary().orElseThrow();
        warnIfWorseThanBaselines(r);
        warnAboutConstantCovariates(model, r);
        if (common.json()) {
            printJson(new Result(out.toString(), series.data.toString(), s.targetName(), s.size(), r,
                    Map.of("settings", st, "preprocessing", model.transform(), "combination", model.combination())));
            return 0;
        }
        out().printf("model: %s (%s)%n", out, model.transform());
        out().println("forecast: " + describe(model.combination()));
        out().printf("split: %d training rows, %d validation, %d held out; %d training windows, %d validation windows%s%n",
                r.trainRows(), r.validationRows(), r.holdoutRows(), r.trainWindows(), r.validationWindows(),
                r.refitWindows() > 0 ? "; then refitted on all " + r.refitWindows() + " windows before the holdout" : "");
        StringBuilder eps = new StringBuilder();
        for (TrainingSummary.Member mem : r.members()) {
            eps.append(eps.length() == 0 ? "" : ", ").append(mem.bestEpoch()).append('/').append(mem.epochs());
        }
        out().println("members (best epoch / epochs run): " + eps);
        out().printf("validation part, forecast %d steps at a time:%n", st.horizon());
        Table t = new Table("forecast", "RMSE", "MAE", "sMAPE%", "MASE").alignRight(1, 2, 3, 4);
        r.validation().byForecaster().forEach((k, v) -> t.row(k, fmt(v.rmse()), fmt(v.mae()), fmt(v.smape()), fmt(v.mase())));
        t.print(out());
        return 0;
    }

    /** The default recipe, with the options given on the command line. */
    private ForecastSettings settings(int rows, int m) {
        ForecastSettings st = ForecastSettings.defaults(m, holdout, rows).withSeed(common.seed());
        if (horizon != null) {
            st = st.withHorizon(horizon).withWindow(ForecastSettings.defaultWindow(m, horizon, rows - holdout));
        }
        if (cell != null) {
            st = st.withCell(cell);
        }
        if (hidden != null) {
            st = st.withHiddenSize(hidden);
        }
        if (layers != null) {
            st = st.withNumLayers(layers);
        }
        if (members != null) {
            st = st.withMembers(members);
        }
        if (epochs != null) {
            st = st.withMaxEpochs(epochs);
        }
        if (patience != null) {
            st = st.withPatience(patience);
        }
        if (lr != null) {
            st = st.withLearningRate(lr);
        }
        if (transform != null) {
            st = st.withTransform(transform);
        }
        if (seasonal != null) {
            st = st.withSeasonal(seasonal);
        }
        st = st.withRefit(!noRefit);
        if (combine != null) {
            st = st.withCombine(combine);
        }
        return window != null ? st.withWindow(window) : ForecastTrainer.fitWindowToRows(st, rows);
    }

    /** The combination in words, such as {@code 0.5 × network + 0.25 × theta + 0.25 × seasonal naive}. */
    static String describe(Combination c) {
        if (!c.classical()) {
            return "the network ensemble alone";
        }
        return c.network() + " × network + " + c.theta() + " × theta + " + c.seasonalNaive() + " × seasonal naive";
    }

    /** A measure as the table shows it; one that is not finite as NaN (config.json writes it as null). */
    private static String fmt(double v) {
        return ForecastEvalCommand.fmt(Double.isFinite(v) ? v : Double.NaN);
    }

    private void warnIfWorseThanBaselines(TrainingSummary r) {
        double model = r.validationMae("model");
        for (String baseline : List.of("seasonal_naive", "naive")) {
            double b = r.validationMae(baseline);
            if (model > b) {
                err().printf(Locale.ROOT, "rnn4j: warning: on the validation part the model's MAE %.4g is worse than %s's %.4g; "
                        + "check 'forecast eval' before trusting it%n", model, baseline, b);
                return;
            }
        }
    }

    /** A covariate that does not vary where the model was fitted is fed as 0: say that the model ignores it. */
    private void warnAboutConstantCovariates(RecurrentForecaster model, TrainingSummary r) {
        int fitted = r.refitWindows() > 0 ? r.trainRows() + r.validationRows() : r.trainRows();
        for (CovariateScaling c : model.transform().covariates()) {
            if (c.constant()) {
                err().printf(Locale.ROOT, "rnn4j: warning: covariate '%s' is constant (%s) in the first %d rows, on which the model "
                        + "was fitted, so the model ignores it%n", c.name(), ForecastEvalCommand.fmt(c.mean()), fitted);
            }
        }
    }

    /** Progress bar on a terminal; otherwise a line per member (and per epoch with --verbose), with an ETA. */
    private final class Reporter implements TrainingListener {
        private final Progress bar;
        private final ForecastSettings st;
        private final long start = System.nanoTime();
        private long epochsDone;

        Reporter(Progress bar, ForecastSettings st) {
            this.bar = bar;
            this.st = st;
        }

        @Override
        public void epochEnded(TrainingEvent.EpochEnded e) {
            epochsDone++;
            long budgetDone = (long) e.member() * e.epochs() + (e.stopping() ? e.epochs() : e.epoch());
            bar.stepTo(budgetDone);
            String status = String.format(Locale.ROOT, "m%d/%d ep %d loss %.4f val %.4f%s", e.member() + 1, e.members(), e.epoch(),
                    e.train().loss(), e.validation().loss(), e.bestEpoch() == 0 ? " (warm-up)" : String.format(Locale.ROOT,
                            " best %.4f@%d", e.best().loss(), e.bestEpoch()));
            bar.status(status);
            if (common.verbose() || e.stopping()) {
                String line = e.stopping()
                        ? String.format(Locale.ROOT, "member %d/%d: %d epochs, kept epoch %d (validation loss %.4f)", e.member() + 1,
                                e.members(), e.epoch(), e.bestEpoch(), e.best().loss())
                        : status;
                info(line + ", ETA " + eta(e));
            }
        }

        @Override
        public void refitEnded(TrainingEvent.RefitEnded r) {
            bar.status(String.format(Locale.ROOT, "refit m%d/%d", r.member() + 1, r.members()));
            if (common.verbose() || r.member() + 1 == r.members()) {
                info(String.format(Locale.ROOT, "refitted %d/%d members on all %d windows before the holdout (%d steps for the last)",
                        r.member() + 1, r.members(), r.examples(), r.steps()));
            }
        }

        /** Remaining time, assuming the members still to train take as long as the average one so far. */
        private String eta(TrainingEvent.EpochEnded e) {
            double elapsed = (System.nanoTime() - start) / 1e9;
            double perEpoch = elapsed / epochsDone;
            double membersDone = e.member() + (e.stopping() ? 1.0 : Math.min(1.0, (double) e.epoch() / Math.max(1, e.bestEpoch() + st.patience())));
            double perMember = membersDone > 0 ? elapsed / membersDone : perEpoch * st.maxEpochs();
            double left = Math.max(0, (e.members() - membersDone) * perMember);
            return left < 90 ? String.format(Locale.ROOT, "%.0fs", left) : String.format(Locale.ROOT, "%.1f min", left / 60);
        }
    }
}
