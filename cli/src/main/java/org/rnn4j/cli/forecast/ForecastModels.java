package org.rnn4j.cli.forecast;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.rnn4j.data.series.Forecaster;
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

    public static Forecaster open(Path dir) throws IOException {
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
