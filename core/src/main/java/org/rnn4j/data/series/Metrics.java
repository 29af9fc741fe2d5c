package org.rnn4j.data.series;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Point-forecast accuracy measures (Hyndman &amp; Koehler 2006). All take actual and forecast
 * values of the same points.
 */
public final class Metrics {

    /**
     * The four measures of one forecast.
     *
     * @param rmse  root mean squared error
     * @param mae   mean absolute error
     * @param smape symmetric MAPE in percent, 0..200: {@code 100/n Σ 2|F-A| / (|A|+|F|)}, a point with A = F = 0 counting 0
     * @param mase  MAE divided by the in-sample MAE of the seasonal naive forecast; NaN when that is 0
     */
    public record Set(double rmse, double mae, double smape, double mase) {
        /** Metric name to value in a fixed order; a value that is not finite becomes null (JSON has no NaN). */
        public Map<String, Double> asMap() {
            Map<String, Double> m = new LinkedHashMap<>();
            m.put("rmse", finiteOrNull(rmse));
            m.put("mae", finiteOrNull(mae));
            m.put("smape", finiteOrNull(smape));
            m.put("mase", finiteOrNull(mase));
            return m;
        }

        private static Double finiteOrNull(double v) {
            return Double.isFinite(v) ? v : null;
        }
    }

    private Metrics() {
    }

    public static Set all(double[] actual, double[] forecast, double[] inSample, int season) {
        return new Set(rmse(actual, forecast), mae(actual, forecast), smape(actual, forecast),
                mase(actual, forecast, inSample, season));
    }

    public static double rmse(double[] actual, double[] forecast) {
        check("rmse", actual, forecast);
        double s = 0;
        for (int i = 0; i < actual.length; i++) {
            double e = actual[i] - forecast[i];
            s += e * e;
        }
        return Math.sqrt(s / actual.length);
    }

    public static double mae(double[] actual, double[] forecast) {
        check("mae", actual, forecast);
        double s = 0;
        for (int i = 0; i < actual.length; i++) {
            s += Math.abs(actual[i] - forecast[i]);
        }
        return s / actual.length;
    }

    public static double smape(double[] actual, double[] forecast) {
        check("smape", actual, forecast);
        double s = 0;
        for (int i = 0; i < actual.length; i++) {
            double denom = Math.abs(actual[i]) + Math.abs(forecast[i]);
            s += denom == 0 ? 0 : 2 * Math.abs(forecast[i] - actual[i]) / denom;
        }
        return 100 * s / actual.length;
    }

    /**
     * MAE scaled by {@code mean_{t>=m} |y_t - y_{t-m}|} over the in-sample series {@code y} (the
     * points before the forecast origin); {@code m = 1} scales by the naive forecast's error.
     */
    public static double mase(double[] actual, double[] forecast, double[] inSample, int season) {
        double scale = seasonalNaiveInSampleMae(inSample, season);
        return scale == 0 ? Double.NaN : mae(actual, forecast) / scale;
    }

    /** Mean of {@code |y_t - y_{t-m}|} for {@code t = m..n-1}. */
    public static double seasonalNaiveInSampleMae(double[] y, int season) {
        if (season < 1) {
            throw new IllegalArgumentException("mase: season must be >= 1, got " + season);
        }
        if (y.length <= season) {
            throw new IllegalArgumentException("mase: the in-sample series has " + y.length
                    + " points, needs more than the season " + season);
        }
        double s = 0;
        for (int t = season; t < y.length; t++) {
            s += Math.abs(y[t] - y[t - season]);
        }
        return s / (y.length - season);
    }

    private static void check(String what, double[] actual, double[] forecast) {
        if (actual.length != forecast.length) {
            throw new IllegalArgumentException(what + ": " + actual.length + " actual values but " + forecast.length
                    + " forecasts");
        }
        if (actual.length == 0) {
            throw new IllegalArgumentException(what + ": no points to evaluate");
        }
    }
}
