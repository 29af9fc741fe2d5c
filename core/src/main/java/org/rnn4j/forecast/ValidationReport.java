package org.rnn4j.forecast;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rnn4j.data.series.Metrics;

/**
 * The ensemble's forecasts of the validation part beside the baselines', horizon by horizon from its
 * start: each forecaster's measures, in the order they were run ({@code model}, then {@code network}
 * and {@code theta} when combined, {@code naive}, {@code seasonal_naive}). In config.json it is written
 * as {@code {"model": {"rmse": …, "mae": …, "smape": …, "mase": …}, …}}, a measure that is not finite as null.
 */
public record ValidationReport(Map<String, Metrics.Set> byForecaster) {
    public ValidationReport {
        byForecaster = Collections.unmodifiableMap(new LinkedHashMap<>(byForecaster));
    }

    /** The forecasters' names, in order. */
    public List<String> forecasters() {
        return List.copyOf(byForecaster.keySet());
    }

    /** The measures of {@code forecaster}, or null when it was not run. */
    public Metrics.Set get(String forecaster) {
        return byForecaster.get(forecaster);
    }

    /** MAE of {@code forecaster}, or NaN when it was not run or is not finite. */
    public double mae(String forecaster) {
        Metrics.Set m = byForecaster.get(forecaster);
        return m == null || !Double.isFinite(m.mae()) ? Double.NaN : m.mae();
    }

    /** The config.json form. */
    @JsonValue
    public Map<String, Map<String, Double>> asMap() {
        Map<String, Map<String, Double>> out = new LinkedHashMap<>();
        byForecaster.forEach((k, v) -> out.put(k, v.asMap()));
        return out;
    }

    /** Reads the config.json form; a null measure reads as NaN. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static ValidationReport fromMap(Map<String, Map<String, Double>> m) {
        Map<String, Metrics.Set> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(k, new Metrics.Set(value(v, "rmse"), value(v, "mae"), value(v, "smape"), value(v, "mase"))));
        return new ValidationReport(out);
    }

    private static double value(Map<String, Double> m, String key) {
        Double v = m == null ? null : m.get(key);
        return v == null ? Double.NaN : v;
    }
}
