package org.rnn4j.cli.commands;

import org.rnn4j.cli.VersionProvider;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.rnn4j.cli.BaseCommand;
import org.rnn4j.cli.OutputPaths;
import org.rnn4j.cli.forecast.ForecastModels;
import org.rnn4j.cli.ui.Plots;
import org.rnn4j.data.series.Forecaster;
import org.rnn4j.data.series.Series;
import org.rnn4j.data.series.TimeAxis;
import org.rnn4j.io.AtomicFiles;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code rnn4j forecast predict}: a multi-step forecast after the end of the series (or before its
 * last {@code --holdout} points, to compare with what happened), as CSV and as a PNG plot.
 */
@Command(name = "predict", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Forecast the next --steps points of a series, as CSV (time,forecast[,actual]) on stdout or "
                + "in --out, and optionally a PNG plot of history, forecast and actuals.",
                "With --holdout N the forecast starts before the last N points, so the actual values are shown beside it."})
public final class ForecastPredictCommand extends BaseCommand {
    /** Steps forecast when none is given and no holdout is set. */
    static final int DEFAULT_STEPS = 12;

    @Mixin
    SeriesOptions series;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    static final class Source {
        @Option(names = "--model", paramLabel = "DIR", description = "A trained forecasting model folder.")
        Path model;

        @Option(names = "--baseline", paramLabel = "KIND",
                description = "Forecast with a baseline instead of a model: ${COMPLETION-CANDIDATES}.")
        Baseline baseline;
    }

    /** Forecasts that need no training. */
    enum Baseline { naive, seasonal_naive }

    @Option(names = "--steps", converter = org.rnn4j.cli.OptionValues.Positive.class, paramLabel = "N", description = "Points to forecast (default: the holdout, else " + DEFAULT_STEPS + ").")
    Integer steps;

    @Option(names = "--holdout", converter = org.rnn4j.cli.OptionValues.NonNegative.class, paramLabel = "N", description = "Start the forecast before the last N points (default: 0, after the end).")
    int holdout;

    @Option(names = "--out", paramLabel = "FILE.csv", description = "Write the forecast CSV here instead of stdout.")
    Path out;

    @Option(names = "--plot", paramLabel = "FILE.png", description = "Draw history, forecast and actuals to a PNG file.")
    Path plot;

    @Option(names = "--plot-history", converter = org.rnn4j.cli.OptionValues.Positive.class, paramLabel = "N", description = "History points shown in the plot (default: all, at most 10 times the forecast).")
    Integer plotHistory;

    /** One forecast point; actual is null past the end of the data. */
    record Point(String time, double forecast, Double actual) {
    }

    /** JSON result. */
    record Result(String data, String target, String forecaster, String origin, List<Point> forecast) {
    }

    @Override
    protected int execute() throws Exception {
        OutputPaths.of(commandLine()).file("--out", out).file("--plot", plot);
        Forecaster trained = source.model == null ? null : ForecastModels.open(source.model);
        Series s = series.readFor(trained);
        int n = s.size();
        if (holdout < 0 || holdout >= n) {
            throw new IllegalArgumentException(series.data + ": --holdout " + holdout + " must be between 0 and " + (n - 1)
                    + " for " + n + " rows");
        }
        int k = steps != null ? steps : holdout > 0 ? holdout : DEFAULT_STEPS;
        if (k < 1) {
            throw new IllegalArgumentException("--steps must be at least 1, got " + k);
        }
        int origin = n - holdout;
        Series history = s.head(origin);
        Forecaster f = trained != null ? trained
                : source.baseline == Baseline.naive ? Forecaster.naive() : Forecaster.seasonalNaive(series.season(s));
        info("forecasting " + k + " steps of '" + s.targetName() + "' after " + s.time().label(origin - 1) + " with the "
                + (trained != null ? f.name() + " model " + source.model : f.name() + " baseline"));
        ForecastModels.rollOutNotice(trained, k, s.time().label(origin - 1)).ifPresent(err()::println);
        double[] fc = f.forecast(history, k);

        List<String> times = new ArrayList<>(k);
        List<String> future = s.time().extend(Math.max(0, origin + k - n)); // stamps after the data's end
        for (int i = 0; i < k; i++) {
            times.add(origin + i < n ? s.time().label(origin + i) : future.get(origin + i - n));
        }
        List<Point> points = new ArrayList<>(k);
        for (int i = 0; i < k; i++) {
            points.add(new Point(times.get(i), fc[i], origin + i < n ? s.target(origin + i) : null));
        }
        if (plot != null) {
            drawPlot(s, origin, times, fc);
            info("plot: " + plot);
        }
        if (common.json()) {
            printJson(new Result(series.data.toString(), s.targetName(), f.name(), s.time().label(origin - 1), points));
        } else if (out != null) {
            AtomicFiles.writeString(out, csv(s, points));
            info("forecast: " + out);
        } else {
            out().print(csv(s, points));
        }
        return 0;
    }

    private static String csv(Series s, List<Point> points) {
        boolean actuals = points.stream().anyMatch(p -> p.actual() != null);
        StringWriter sw = new StringWriter();
        PrintWriter w = new PrintWriter(sw);
        w.print(quote(s.timeName()) + ",forecast" + (actuals ? ",actual" : "") + "\n");
        for (Point p : points) {
            w.print(quote(p.time()) + "," + num(p.forecast()) + (actuals ? "," + (p.actual() == null ? "" : num(p.actual())) : "") + "\n");
        }
        w.flush();
        return sw.toString();
    }

    private static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.format(Locale.ROOT, "%.1f", v) : Double.toString(v);
    }

    private static String quote(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    private void drawPlot(Series s, int origin, List<String> times, double[] fc) throws Exception {
        int k = fc.length;
        int shown = plotHistory != null ? Math.max(1, Math.min(plotHistory, origin)) : Math.min(origin, Math.max(10 * k, 120));
        int from = origin - shown;
        int actualEnd = Math.min(s.size(), origin + k);
        List<String> histLabels = s.time().labels().subList(from, origin);
        List<String> actualLabels = s.time().labels().subList(origin, actualEnd);
        double[] all = s.target();
        double[] hist = Arrays.copyOfRange(all, from, origin);
        double[] actual = Arrays.copyOfRange(all, origin, actualEnd);
        // Forecast and actual lines start at the last history point, so the chart has no gap.
        double[] fcLine = prepend(hist[shown - 1], fc);
        double[] actualLine = prepend(hist[shown - 1], actual);
        List<String> everything = new ArrayList<>(histLabels);
        everything.addAll(times);
        Optional<List<Instant>> inst = TimeAxis.instants(s.time().kind(), everything);
        List<Plots.Line> lines = new ArrayList<>();
        String title = s.targetName() + " (" + series.data.getFileName() + ")";
        if (inst.isPresent()) {
            List<Instant> x = inst.get();
            lines.add(Plots.Line.timed("history", x.subList(0, shown), hist, Plots.Stroke.SOLID));
            if (actual.length > 0) { // no legend entry for actuals that are not known
                lines.add(Plots.Line.timed("actual", x.subList(shown - 1, shown + actual.length), actualLine, Plots.Stroke.SOLID));
            }
            lines.add(Plots.Line.timed("forecast", x.subList(shown - 1, shown + k), fcLine, Plots.Stroke.DASHED));
            Plots.lines(plot, title, s.timeName(), s.targetName(), lines);
            return;
        }
        double[] xh = new double[shown];
        for (int i = 0; i < shown; i++) {
            xh[i] = from + i;
        }
        double[] xf = new double[k + 1];
        for (int i = 0; i <= k; i++) {
            xf[i] = origin - 1 + i;
        }
        lines.add(Plots.Line.numeric("history", xh, hist, Plots.Stroke.SOLID));
        if (actual.length > 0) {
            lines.add(Plots.Line.numeric("actual", Arrays.copyOf(xf, actualLine.length), actualLine, Plots.Stroke.SOLID));
        }
        lines.add(Plots.Line.numeric("forecast", xf, fcLine, Plots.Stroke.DASHED));
        Plots.lines(plot, title, "step", s.targetName(), lines);
    }

    private static double[] prepend(double first, double[] rest) {
        double[] out = new double[rest.length + 1];
        out[0] = first;
        System.arraycopy(rest, 0, out, 1, rest.length);
        return out;
    }
}
