package org.rnn4j.forecast;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.rnn4j.Version;
import org.rnn4j.io.FileFormatException;
import org.rnn4j.io.ModelDirectory;
import org.rnn4j.nn.recurrent.CellKind;
import org.rnn4j.rand.Rng;

/**
 * A {@link RecurrentForecaster} as a model folder ({@link ModelDirectory}): {@code model.safetensors}
 * with the ensemble's parameters under PyTorch names ({@code members.0.rnn.weight_ih_l0}, …) and
 * {@code config.json} with {@code task: "forecast"}, the architecture, the columns, the fitted
 * preprocessing, the training settings (seed included), what training did and the library version.
 * Loading rebuilds exactly the same forecaster: its forecasts are bit-identical. A model with
 * covariates lists them in {@code columns.covariates} and their scaling in {@code preprocessing.covariates};
 * {@code architecture.input_size} is then 1 + their number. A config written before covariates existed
 * has neither list and loads as a univariate model. {@code combination} gives the weights of the network's
 * forecast and the classical ones ({@link Combination}), as {@code training.combine} decides them; a config without
 * either predates them and loads as the network alone.
 */
public final class ForecastModelFiles {
    /** {@code task} in config.json. */
    public static final String TASK = "forecast";
    /** {@code architecture.type} in config.json. */
    public static final String TYPE = "recurrent_forecaster";

    private static final ObjectMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** The architecture block of config.json. */
    record Architecture(String type, CellKind cell, int inputSize, int hiddenSize, int numLayers, int window,
                        int horizon, int members, boolean batchFirst, String pytorch) {
    }

    private ForecastModelFiles() {
    }

    /** True when {@code config} (a config.json) describes a model this class can load. */
    public static boolean accepts(JsonNode config) {
        return TASK.equals(config.path("task").asText()) && TYPE.equals(config.path("architecture").path("type").asText());
    }

    /** The config.json content of {@code model}. */
    public static ObjectNode config(RecurrentForecaster model) {
        ForecastSettings s = model.settings();
        int inputSize = model.ensemble().members().get(0).inputSize();
        String cls = s.cell().moduleName();
        String pytorch = "members = nn.ModuleList(Member() for _ in range(" + s.members() + ")); Member: rnn = nn." + cls + "("
                + inputSize + ", " + s.hiddenSize() + ", num_layers=" + s.numLayers() + ", batch_first=True"
                + (s.cell() == CellKind.RNN_RELU ? ", nonlinearity='relu'" : "") + "), head = nn.Linear("
                + s.hiddenSize() + ", " + s.horizon() + "); forward(x [B, window, " + inputSize + "]) = head(h_n[-1]); "
                + "ensemble output = mean over members";
        ObjectNode root = JSON.createObjectNode();
        root.put("task", TASK);
        root.set("architecture", JSON.valueToTree(new Architecture(TYPE, s.cell(), inputSize, s.hiddenSize(), s.numLayers(),
                s.window(), s.horizon(), s.members(), true, pytorch)));
        root.set("columns", JSON.valueToTree(model.columns()));
        root.set("preprocessing", JSON.valueToTree(model.transform()));
        root.set("combination", JSON.valueToTree(model.combination()));
        root.set("training", JSON.valueToTree(s));
        model.summary().ifPresent(r -> root.set("result", JSON.valueToTree(r)));
        ObjectNode lib = root.putObject("library");
        lib.put("name", "rnn4j");
        lib.put("version", Version.get());
        return root;
    }

    /** Writes the model folder (each file atomically, the config last). */
    public static void save(RecurrentForecaster model, Path dir) throws IOException {
        ModelDirectory.save(dir, model.ensemble().stateDict(), config(model));
    }

    /** Reads a model folder written by {@link #save}. */
    public static RecurrentForecaster load(Path dir) throws IOException {
        return load(ModelDirectory.load(dir));
    }

    /**
     * Rebuilds the forecaster of a loaded model folder.
     *
     * @throws FileFormatException naming config.json or model.safetensors when they do not describe one model
     */
    public static RecurrentForecaster load(ModelDirectory.Saved saved) throws IOException {
        try {
            return loadChecked(saved);
        } catch (RuntimeException e) {
            // a field that passed Jackson but that the model cannot use (missing, out of range, unparsable)
            throw new FileFormatException(saved.dir().resolve(ModelDirectory.CONFIG), "invalid forecasting model config: "
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
    }

    /** More parameters than this in one model folder are refused as corrupt (16 GB of float32). */
    static final long MAX_PARAMETERS = 4L << 30;

    /** Per member G·H·(in + H) + 2·G·H per layer, plus the head horizon·H + horizon; -1 on overflow. */
    static long parameterCount(Architecture a) {
        try {
            long g = a.cell().gates();
            long h = a.hiddenSize();
            long one = 0;
            for (long layer = 0; layer < a.numLayers() && one <= MAX_PARAMETERS; layer++) {
                long in = layer == 0 ? a.inputSize() : h;
                one = Math.addExact(one, Math.addExact(Math.multiplyExact(Math.multiplyExact(g, h), Math.addExact(in, h)),
                        Math.multiplyExact(2 * g, h)));
            }
            one = Math.addExact(one, Math.addExact(Math.multiplyExact((long) a.horizon(), h), a.horizon()));
            return Math.multiplyExact(one, (long) a.members());
        } catch (ArithmeticException e) {
            return -1;
        }
    }

    private static void checkSizes(Path configFile, Architecture arch, ModelDirectory.Saved saved) throws FileFormatException {
        if (arch.cell() == null || arch.hiddenSize() < 1 || arch.numLayers() < 1 || arch.members() < 1 || arch.horizon() < 1
                || arch.inputSize() < 1 || arch.window() < 1) {
            throw new FileFormatException(configFile, "architecture needs cell and hidden_size, num_layers, members, horizon,"
                    + " input_size, window >= 1");
        }
        long all = parameterCount(arch);
        if (all < 0 || all > MAX_PARAMETERS) {
            throw new FileFormatException(configFile, "architecture describes " + (all < 0 ? "too many" : String.valueOf(all))
                    + " parameters, more than the limit of " + MAX_PARAMETERS);
        }
        long held = 0;
        for (org.rnn4j.tensor.Tensor t : saved.stateDict().values()) {
            held += t.size();
        }
        // a small mismatch is left to load_state_dict, which names the first tensor that differs; a config
        // that would build far more than the weights hold is refused before building anything
        if (all > 2 * held + (1L << 20)) {
            throw new FileFormatException(configFile, "architecture (hidden_size " + arch.hiddenSize() + ", num_layers "
                    + arch.numLayers() + ", members " + arch.members() + ") describes " + all + " parameters, but "
                    + ModelDirectory.WEIGHTS + " holds " + held);
        }
    }

    private static RecurrentForecaster loadChecked(ModelDirectory.Saved saved) throws IOException {
        Path configFile = saved.dir().resolve(ModelDirectory.CONFIG);
        JsonNode c = saved.config();
        if (!accepts(c)) {
            throw new FileFormatException(configFile, "not a recurrent forecasting model (task '" + c.path("task").asText()
                    + "', architecture type '" + c.path("architecture").path("type").asText() + "')");
        }
        Architecture arch;
        ForecastSettings settings;
        SeriesTransform transform;
        RecurrentForecaster.Columns columns;
        TrainingSummary summary;
        Combination written;
        try {
            arch = read(c, "architecture", Architecture.class);
            settings = read(c, "training", ForecastSettings.class);
            transform = read(c, "preprocessing", SeriesTransform.class);
            columns = read(c, "columns", RecurrentForecaster.Columns.class);
            summary = c.has("result") ? read(c, "result", TrainingSummary.class) : null;
            written = c.has("combination") ? read(c, "combination", Combination.class) : null;
        } catch (JsonProcessingException | IllegalArgumentException e) {
            String m = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
            throw new FileFormatException(configFile, "invalid forecasting model config: " + m);
        }
        if (arch.cell() != settings.cell() || arch.hiddenSize() != settings.hiddenSize() || arch.numLayers() != settings.numLayers()
                || arch.horizon() != settings.horizon() || arch.window() != settings.window() || arch.members() != settings.members()) {
            throw new FileFormatException(configFile, "architecture and training settings disagree");
        }
        List<String> scaled = transform.covariates().stream().map(CovariateScaling::name).toList();
        if (!scaled.equals(columns.covariates())) {
            throw new FileFormatException(configFile, "columns.covariates " + columns.covariates()
                    + " and preprocessing.covariates " + scaled + " disagree");
        }
        if (arch.inputSize() != transform.inputSize()) {
            throw new FileFormatException(configFile, "architecture.input_size " + arch.inputSize() + " does not match the target and "
                    + scaled.size() + " covariate(s): expected " + transform.inputSize());
        }
        Combination derived = settings.combination(columns.covariates().size());
        if (written != null && !written.equals(derived)) {
            throw new FileFormatException(configFile, "combination " + written + " does not follow from training.combine '"
                    + settings.combine().name().toLowerCase(Locale.ROOT) + "': expected " + derived);
        }
        checkSizes(configFile, arch, saved);
        if (transform.scaling() == null) {
            throw new FileFormatException(configFile, "preprocessing.scaling is missing");
        }
        if (transform.season() < 1) {
            throw new FileFormatException(configFile, "preprocessing.season must be >= 1, got " + transform.season());
        }
        if (transform.levelSpan() > arch.window()) {
            throw new FileFormatException(configFile, "preprocessing.level_span " + transform.levelSpan()
                    + " is longer than the window " + arch.window());
        }
        if (transform.anchorKind() == null || transform.anchorTime() == null
                || transform.anchorKind() != org.rnn4j.data.series.TimeAxis.Kind.LABEL
                && org.rnn4j.data.series.TimeAxis.detect(transform.anchorTime()) != transform.anchorKind()) {
            throw new FileFormatException(configFile, "preprocessing.anchor_time is not a time of kind "
                    + transform.anchorKind());
        }
        List<ForecastNetwork> nets = new ArrayList<>();
        Rng unused = new Rng(0); // every parameter is overwritten by the checkpoint
        for (int i = 0; i < arch.members(); i++) {
            nets.add(new ForecastNetwork(arch.cell(), arch.inputSize(), arch.hiddenSize(), arch.numLayers(), arch.horizon(), unused));
        }
        ForecastEnsemble ensemble = new ForecastEnsemble(nets);
        try {
            ensemble.loadStateDict(saved.stateDict());
        } catch (IllegalArgumentException e) {
            throw new FileFormatException(saved.dir().resolve(ModelDirectory.WEIGHTS), "does not match config.json: " + e.getMessage());
        }
        return new RecurrentForecaster(settings, transform, ensemble, columns, Optional.ofNullable(summary));
    }

    private static <T> T read(JsonNode c, String field, Class<T> type) throws JsonProcessingException {
        JsonNode n = c.get(field);
        if (n == null || !n.isObject()) {
            throw new IllegalArgumentException("missing object '" + field + "'");
        }
        try {
            return JSON.treeToValue(n, type);
        } catch (JsonProcessingException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("'" + field + "': " + e.getMessage(), e);
        }
    }
}
