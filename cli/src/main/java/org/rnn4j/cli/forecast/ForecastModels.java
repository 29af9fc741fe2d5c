package org.rnn4j.cli.forecast;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.rnn4j.data.series.Forecaster;
import org.rnn4j.forecast.CovariateScaling;
import org.rnn4j.forecast.ForecastModelFiles;
import org.rnn4j.forecast.RecurrentForecaster;
import org.rnn4j.io.FileFormatException;
import org.rnn4j.io.ModelDirectory;

/**
 * Opens a saved model folder as a {@link Forecaster}. Each kind of forecasting model registers a
 * {@link Loader} in {@link #LOADERS}; the folder's config.json decides which one applies.
 */
public final class ForecastModels {

    /** Builds a forecaster from a saved model whose config it accepts. */
    public interface Loader {
        /** True if {@code config} (config.json) describes a model this loader can run. */
        boolean accepts(JsonNode config);

        Forecaster load(ModelDirectory.Saved saved) throws IOException;
    }

    /** The known model kinds. */
    static final List<Loader> LOADERS = List.of(new Loader() {
        @Override
        public boolean accepts(JsonNode config) {
            return ForecastModelFiles.accepts(config);
        }

        @Override
        public Forecaster load(ModelDirectory.Saved saved) throws IOException {
            return ForecastModelFiles.load(saved);
        }
    });

    private ForecastModels() {
    }

    /** The column a trained model forecasts, to read by default; empty for baselines or a null forecaster. */
    public static Optional<String> targetColumn(Forecaster f) {
        return f instanceof RecurrentForecaster r ? Optional.of(r.columns().target()) : Optional.empty();
    }

    /** The last points a trained model was kept from (its {@code holdout}); empty for baselines or a null forecaster. */
    public static java.util.OptionalInt trainedHoldout(Forecaster f) {
        return f instanceof RecurrentForecaster r ? java.util.OptionalInt.of(r.settings().holdout()) : java.util.OptionalInt.empty();
    }

    /** The time column a trained model was trained with; empty for baselines or a null forecaster. */
    public static Optional<String> timeColumn(Forecaster f) {
        return f instanceof RecurrentForecaster r ? Optional.of(r.columns().time()) : Optional.empty();
    }

    /** The covariate columns a trained model reads; empty for baselines, univariate models or a null forecaster. */
    public static List<String> covariateColumns(Forecaster f) {
        return f instanceof RecurrentForecaster r ? r.columns().covariates() : List.of();
    }

    /**
     * A one-line notice for stderr when a forecast of {@code steps} steps rolls out past the model's horizon with
     * covariates held at their last known value (their values after the history are not known); empty otherwise.
     *
     * @param lastKnown where the history ends, for the message ({@code "1960-12"})
     */
    public static Optional<String> rollOutNotice(Forecaster f, int steps, String lastKnown) {
        if (!(f instanceof RecurrentForecaster r) || r.stepsAssumingCovariates(steps) == 0) {
            return Optional.empty();
        }
        List<String> used = r.transform().covariates().stream().filter(c -> !c.constant()).map(CovariateScaling::name).toList();
        int h = r.settings().horizon();
        return Optional.of(String.format(Locale.ROOT, "rnn4j: note: steps %d..%d roll out past the model's horizon of %d with %s '%s' "
                        + "held at %s (%s); later values are not known to the model", h + 1, steps, h,
                used.size() == 1 ? "covariate" : "covariates", String.join("', '", used),
                used.size() == 1 ? "its last known value" : "their last known values", lastKnown));
    }

    public static Forecaster open(Path dir) throws IOException {
        org.rnn4j.cli.ModelFolders.require(dir, org.rnn4j.cli.ModelFolders.Kind.FORECASTER);
        return open(dir, LOADERS);
    }

    static Forecaster open(Path dir, List<Loader> loaders) throws IOException {
        ModelDirectory.Saved saved = ModelDirectory.load(dir);
        Optional<Loader> loader = loaders.stream().filter(l -> l.accepts(saved.config())).findFirst();
        if (loader.isEmpty()) {
            JsonNode task = saved.config().path("task");
            JsonNode arch = saved.config().path("architecture");
            throw new FileFormatException(dir.resolve(ModelDirectory.CONFIG), "not a forecasting model this version of "
                    + "rnn4j can run (task " + (task.isMissingNode() ? "unknown" : task) + ", architecture "
                    + (arch.isMissingNode() ? "unknown" : arch) + ")");
        }
        return loader.get().load(saved);
    }
}
