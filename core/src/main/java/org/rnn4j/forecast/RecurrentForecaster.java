package org.rnn4j.forecast;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.rnn4j.data.series.Forecaster;
import org.rnn4j.data.series.Series;

/**
 * A trained recurrent forecaster: the fitted {@link SeriesTransform}, an ensemble of networks that
 * each map a normalised window to the next {@code horizon} values, and how it was trained. Longer
 * forecasts roll out block by block: each block's forecasts are appended to the history and the
 * next window is read from it.
 *
 * <p>Covariates are observed past inputs: a forecast reads them only from the history, up to its
 * last point, never at the forecast steps (a backtest's history ends at its origin, so neither the
 * holdout's targets nor its covariates reach the model). A roll-out past the first block reads windows
 * that reach beyond the history, where no covariate value is known: there each covariate's last known
 * value is carried forward. {@link #stepsAssumingCovariates} says how many forecast steps rest on that.
 *
 * <p>The forecast is the ensemble's, or, as {@link ForecastSettings#combination} decides, its weighted mean
 * with the {@link Theta} and seasonal-naive forecasts of the same history ({@link Combination}).
 */
public final class RecurrentForecaster implements Forecaster {
    private final ForecastSettings settings;
    private final SeriesTransform transform;
    private final ForecastEnsemble ensemble;
    private final Columns columns;
    private final TrainingSummary summary;

    /**
     * The CSV columns a model was trained on.
     *
     * @param time       the time column's name
     * @param target     the forecast column's name
     * @param covariates the columns read beside the target, in input order (none in a config without them)
     */
    public record Columns(String time, String target, List<String> covariates) {
        public Columns {
            covariates = covariates == null ? List.of() : List.copyOf(covariates);
        }
    }

    /** @param summary how it was trained, empty while it is being validated */
    public RecurrentForecaster(ForecastSettings settings, SeriesTransform transform, ForecastEnsemble ensemble, Columns columns,
                               Optional<TrainingSummary> summary) {
        if (ensemble.members().size() != settings.members()) {
            throw new IllegalArgumentException("recurrent forecaster: " + ensemble.members().size() + " networks, settings say "
                    + settings.members());
        }
        this.settings = settings;
        this.transform = transform;
        this.ensemble = ensemble;
        this.columns = columns;
        this.summary = summary.orElse(null);
    }

    @Override
    public String name() {
        return "recurrent";
    }

    /**
     * The next {@code steps} values after {@code history}, in raw units: the network ensemble's forecast
     * ({@link #networkForecast}), combined with the classical ones when {@link #combination} says so.
     *
     * @throws IllegalArgumentException naming the file and column when the history is shorter than the window or
     *                                  lacks a covariate the model needs
     */
    @Override
    public double[] forecast(Series history, int steps) {
        double[] out = networkForecast(history, steps);
        Combination c = combination();
        if (c.classical()) {
            int m = settings.season();
            double[] theta = new Theta(m).forecast(history, steps);
            double[] seasonal = Forecaster.seasonalNaive(history.size() >= m ? m : 1).forecast(history, steps);
            for (int i = 0; i < steps; i++) {
                out[i] = c.network() * out[i] + c.theta() * theta[i] + c.seasonalNaive() * seasonal[i];
            }
        }
        return out;
    }

    /** The network ensemble alone ({@link #networkForecast}), as a forecaster named {@code network}. */
    public Forecaster network() {
        RecurrentForecaster self = this;
        return new Forecaster() {
            @Override
            public String name() {
                return "network";
            }

            @Override
            public double[] forecast(Series history, int steps) {
                return self.networkForecast(history, steps);
            }
        };
    }

    /** How the forecast mixes the network's with classical ones. */
    public Combination combination() {
        return settings.combination(columns.covariates().size());
    }

    /**
     * The network ensemble's own next {@code steps} values after {@code history}, in raw units. The covariates are
     * read from {@code history} by name; past its end their last values are carried forward.
     *
     * @throws IllegalArgumentException as {@link #forecast}
     */
    public double[] networkForecast(Series history, int steps) {
        if (steps < 1) {
            throw new IllegalArgumentException("forecast: steps must be >= 1, got " + steps);
        }
        int n = history.size();
        int w = settings.window();
        int h = settings.horizon();
        if (n < w) {
            throw new IllegalArgumentException(history.sourceName() + ": column '" + history.targetName() + "': " + n
                    + " rows are too few for the model's input window of " + w);
        }
        int blocks = (steps + h - 1) / h;
        double[][] known = transform.features(history); // [F][n]
        double[][] f = new double[known.length][n + blocks * h];
        for (int c = 0; c < f.length; c++) {
            System.arraycopy(known[c], 0, f[c], 0, n);
            if (c > 0) { // a covariate: not known after the history, its last value carried forward
                Arrays.fill(f[c], n, f[c].length, known[c][n - 1]);
            }
        }
        double[] d = f[0];
        double scale = transform.windowScale();
        for (int pos = n; pos < n + steps; pos += h) {
            WindowData.Input in = WindowData.input(f, pos, w, transform.levelSpan(), scale);
            double[] v = ensemble.predict(in.x());
            for (int k = 0; k < h; k++) {
                d[pos + k] = in.level() + scale * v[k];
            }
        }
        int offset = transform.phaseOffset(history);
        double[] out = new double[steps];
        for (int i = 0; i < steps; i++) {
            out[i] = transform.toRaw(d[n + i], n + i, offset);
        }
        return out;
    }

    /**
     * How many of the last steps of a {@code steps}-step forecast rest on assumed covariates: those past the first
     * block, whose input windows reach beyond the history where each covariate's last value is carried forward.
     * 0 for a univariate model, one whose covariates are all constant (ignored), or {@code steps <= horizon}.
     */
    public int stepsAssumingCovariates(int steps) {
        boolean used = transform.covariates().stream().anyMatch(c -> !c.constant());
        return used ? Math.max(0, steps - settings.horizon()) : 0;
    }

    public ForecastSettings settings() {
        return settings;
    }

    public SeriesTransform transform() {
        return transform;
    }

    public ForecastEnsemble ensemble() {
        return ensemble;
    }

    public Columns columns() {
        return columns;
    }

    /** How it was trained; empty only during training's own validation check. */
    public Optional<TrainingSummary> summary() {
        return Optional.ofNullable(summary);
    }

    /** The same model with its training summary attached. */
    RecurrentForecaster withSummary(TrainingSummary s) {
        return new RecurrentForecaster(settings, transform, ensemble, columns, Optional.of(s));
    }
}
