package org.rnn4j.forecast;

import java.util.Optional;
import org.rnn4j.data.series.Forecaster;
import org.rnn4j.data.series.Series;

/**
 * A trained recurrent forecaster: the fitted {@link SeriesTransform}, an ensemble of networks that
 * each map a normalised window to the next {@code horizon} values, and how it was trained. Longer
 * forecasts roll out block by block: each block's forecasts are appended to the history and the
 * next window is read from it.
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
     * @param time   the time column's name
     * @param target the forecast column's name
     */
    public record Columns(String time, String target) {
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
     * The next {@code steps} values after {@code history}, in raw units.
     *
     * @throws IllegalArgumentException naming the file and column when the history is shorter than the window
     */
    @Override
    public double[] forecast(Series history, int steps) {
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
        double[] known = transform.toModel(history);
        double[] d = new double[n + blocks * h];
        System.arraycopy(known, 0, d, 0, n);
        double scale = transform.windowScale();
        for (int pos = n; pos < n + steps; pos += h) {
            WindowData.Input in = WindowData.input(d, pos, w, transform.levelSpan(), scale);
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
