package org.rnn4j.cli.commands;

import org.rnn4j.cli.VersionProvider;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import org.rnn4j.cli.BaseCommand;
import org.rnn4j.cli.forecast.ForecastModels;
import org.rnn4j.data.series.Backtest;
import org.rnn4j.data.series.Forecaster;
import org.rnn4j.data.series.Series;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code rnn4j forecast eval}: RMSE, MAE, sMAPE and MASE on the last points of a series, for a
 * model and for the naive and seasonal-naive forecasts of the same points.
 */
@Command(name = "eval", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Score forecasts of the last --holdout points: RMSE, MAE, sMAPE (%%) and MASE, side by side "
                + "with the naive and seasonal-naive forecasts of the same points.",
                "Each forecast starts from the actual history: from the first holdout point, --horizon steps at a "
                + "time (default: all holdout points in one multi-step forecast). MASE is scaled by the in-sample "
                + "seasonal-naive error of the points before the holdout."})
public final class ForecastEvalCommand extends BaseCommand {
    /** Points held out for scoring when none is given. */
    static final int DEFAULT_HOLDOUT = 12;

    @Mixin
    SeriesOptions series;

    @Option(names = "--model", paramLabel = "DIR", description = "A trained forecasting model folder (omit to score the baselines only).")
    Path model;

    @Option(names = "--holdout", converter = org.rnn4j.cli.OptionValues.Positive.class, paramLabel = "N",
            description = "Score the last N points (default: the holdout the model was trained with, else " + DEFAULT_HOLDOUT + ").")
    Integer holdoutOption;

    @Option(names = "--horizon", converter = org.rnn4j.cli.OptionValues.Positive.class, paramLabel = "H", description = "Steps forecast from each origin (default: all holdout points).")
    Integer horizon;

    /** JSON result. */
    record Result(String data, String target, int points, String first, String last, int horizon, int season,
                  Map<String, Map<String, Double>> metrics) {
    }

    @Override
    protected int execute() throws Exception {
        Forecaster trained = model == null ? null : ForecastModels.open(model);
        Series s = series.readFor(trained);
        int n = s.size();
        int holdout = holdout(trained);
        if (holdout < 1 || holdout >= n) {
            throw new IllegalArgumentException(series.data + ": --holdout " + holdout + " must be between 1 and "
                    + (n - 1) + " for " + n + " rows");
        }
        int h = horizon == null ? holdout : horizon;
        if (h < 1) {
            throw new IllegalArgumentException("--horizon must be at least 1, got " + h);
        }
        int m = series.season(s);
        int start = n - holdout;
        if (start <= m) {
            throw new IllegalArgumentException(series.data + ": " + start + " rows before the holdout are too few for "
                    + "season " + m + " (MASE and seasonal-naive need more than one season)");
        }
        List<Forecaster> forecasters = new ArrayList<>();
        if (trained != null) {
            forecasters.add(Forecaster.named("model", trained));
        }
        forecasters.add(Forecaster.naive());
        forecasters.add(Forecaster.seasonalNaive(m));
        ForecastModels.rollOutNotice(trained, Math.min(h, holdout), "the point before each forecast origin").ifPresent(err()::println);
        Backtest.Result r = Backtest.run(s, start, h, m, forecasters);
        Map<String, Map<String, Double>> metrics = new LinkedHashMap<>();
        r.metrics().forEach((k, v) -> metrics.put(k, v.asMap()));
        String first = s.time().label(start);
        String last = s.time().label(n - 1);
        if (common.json()) {
            printJson(new Result(series.data.toString(), s.targetName(), holdout, first, last, h, m, metrics));
            return 0;
        }
        out().printf("%s: '%s', %d points %s .. %s, %s, season %d%n", series.data, s.targetName(), holdout, first, last,
                h == holdout ? "one " + h + "-step forecast" : "forecasts of " + h + " steps", m);
        Table t = new Table("forecast", "RMSE", "MAE", "sMAPE%", "MASE").alignRight(1, 2, 3, 4);
        r.metrics().forEach((k, v) -> t.row(k, fmt(v.rmse()), fmt(v.mae()), fmt(v.smape()), fmt(v.mase())));
        t.print(out());
        return 0;
    }



    /**
     * {@code --holdout}, else the model's own holdout (said on stderr); a warning when the scored points
     * include ones the model trained on.
     */
    private int holdout(Forecaster trained) {
        OptionalInt own = ForecastModels.trainedHoldout(trained);
        int h;
        if (holdoutOption != null) {
            h = holdoutOption;
        } else if (own.isPresent() && own.getAsInt() > 0) {
            h = own.getAsInt();
            info("holdout: " + h + " points, the holdout the model was trained with (config.json)");
        } else {
            h = DEFAULT_HOLDOUT;
        }
        if (own.isPresent() && h > own.getAsInt()) {
            err().println("rnn4j: warning: the model was trained with holdout " + own.getAsInt() + ", so " + (h - own.getAsInt())
                    + " of the " + h + " points scored were seen in training and the model's scores are optimistic; "
                    + "train with --holdout " + h + " to score it on unseen points");
        }
        return h;
    }

    static String fmt(double v) {
        if (!Double.isFinite(v)) {
            return "n/a";
        }
        double a = Math.abs(v);
        if (a != 0 && (a >= 1e6 || a < 1e-3)) {
            return String.format(Locale.ROOT, "%.3e", v);
        }
        return String.format(Locale.ROOT, "%.3f", v);
    }
}
