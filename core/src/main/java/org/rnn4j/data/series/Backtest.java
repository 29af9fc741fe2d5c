package org.rnn4j.data.series;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates forecasters on the same points: from origin {@code start}, each forecasts the next
 * {@code horizon} points from the actual history, the origin moves on by {@code horizon}, until
 * the end of the series. With {@code horizon} = the number of points it is one multi-step forecast.
 * MASE is scaled by the in-sample points {@code [0, start)}.
 */
public final class Backtest {

    /**
     * @param start     index of the first evaluated point
     * @param actual    the evaluated points' true values, {@code [n - start]}
     * @param forecasts by forecaster name, aligned with {@code actual}
     * @param metrics   by forecaster name, in the order the forecasters were given
     */
    public record Result(int start, int horizon, int season, double[] actual, Map<String, double[]> forecasts,
                         Map<String, Metrics.Set> metrics) {
    }

    private Backtest() {
    }

    public static Result run(Series series, int start, int horizon, int season, List<Forecaster> forecasters) {
        int n = series.size();
        if (start < 1 || start >= n) {
            throw new IllegalArgumentException("backtest: first evaluated point " + start + " must be in 1.." + (n - 1));
        }
        if (horizon < 1) {
            throw new IllegalArgumentException("backtest: horizon must be >= 1, got " + horizon);
        }
        double[] all = series.target();
        double[] actual = Arrays.copyOfRange(all, start, n);
        double[] inSample = Arrays.copyOf(all, start);
        Map<String, double[]> forecasts = new LinkedHashMap<>();
        Map<String, Metrics.Set> metrics = new LinkedHashMap<>();
        for (Forecaster f : forecasters) {
            if (forecasts.containsKey(f.name())) {
                throw new IllegalArgumentException("backtest: two forecasters are named '" + f.name() + "'");
            }
            double[] out = new double[actual.length];
            for (int origin = start; origin < n; origin += horizon) {
                int steps = Math.min(horizon, n - origin);
                double[] fc = f.forecast(series.head(origin), steps);
                if (fc.length != steps) {
                    throw new IllegalStateException(f.name() + ": asked for " + steps + " steps, returned " + fc.length);
                }
                System.arraycopy(fc, 0, out, origin - start, steps);
            }
            forecasts.put(f.name(), out);
            metrics.put(f.name(), Metrics.all(actual, out, inSample, season));
        }
        return new Result(start, horizon, season, actual, Collections.unmodifiableMap(forecasts),
                Collections.unmodifiableMap(metrics));
    }
}
