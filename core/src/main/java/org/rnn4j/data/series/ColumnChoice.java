package org.rnn4j.data.series;

import java.util.List;
import java.util.Optional;

/**
 * Which CSV columns make the series. Empty choices take the defaults: the time column is the one
 * named {@code time}, {@code date}, {@code datetime}, {@code timestamp} or {@code ds} (any case),
 * else the first column; the target is the column named {@code value}, else the only numeric
 * column; covariates are none.
 *
 * @param time       the time column, or empty for the default
 * @param target     the column to forecast, or empty for the default
 * @param covariates further numeric columns fed to the model as inputs
 */
public record ColumnChoice(Optional<String> time, Optional<String> target, List<String> covariates) {
    /** The default target column name. */
    public static final String DEFAULT_TARGET = "value";
    /** Names recognised as the time column, in order of preference. */
    public static final List<String> TIME_NAMES = List.of("time", "date", "datetime", "timestamp", "ds");

    public ColumnChoice {
        covariates = List.copyOf(covariates);
    }

    public static ColumnChoice defaults() {
        return new ColumnChoice(Optional.empty(), Optional.empty(), List.of());
    }

    public ColumnChoice withTime(String name) {
        return new ColumnChoice(Optional.of(name), target, covariates);
    }

    public ColumnChoice withTarget(String name) {
        return new ColumnChoice(time, Optional.of(name), covariates);
    }

    public ColumnChoice withCovariates(List<String> names) {
        return new ColumnChoice(time, target, names);
    }
}
