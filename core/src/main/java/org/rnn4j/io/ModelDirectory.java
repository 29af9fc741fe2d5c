package org.rnn4j.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.rnn4j.Version;
import org.rnn4j.tensor.Tensor;

/**
 * A saved model: a folder with {@value #WEIGHTS} (the state dict under PyTorch's parameter names,
 * so {@code model.load_state_dict(safetensors.torch.load_file(...))} works in PyTorch) and
 * {@value #CONFIG} (architecture, scaling, columns or vocabulary, training settings, library version).
 *
 * <p>Each file is written atomically; the config is written last, so a folder with a config has
 * complete weights.
 */
public final class ModelDirectory {
    public static final String WEIGHTS = "model.safetensors";
    public static final String CONFIG = "config.json";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** A loaded model folder. */
    public record Saved(Path dir, Map<String, Tensor> stateDict, JsonNode config, Map<String, String> metadata) {
    }

    private ModelDirectory() {
    }

    /** Metadata written into every weights file: PyTorch's format tag and this library's version. */
    public static Map<String, String> defaultMetadata() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("format", "pt");
        m.put("rnn4j_version", Version.get());
        return m;
    }

    /** Writes {@code stateDict} and {@code config} into {@code dir}, creating it if needed. */
    public static void save(Path dir, Map<String, Tensor> stateDict, JsonNode config) throws IOException {
        if (!config.isObject()) {
            throw new IllegalArgumentException("model config must be a JSON object, got " + config.getNodeType());
        }
        Files.createDirectories(dir);
        SafeTensors.write(dir.resolve(WEIGHTS), stateDict, defaultMetadata());
        try {
            AtomicFiles.write(dir.resolve(CONFIG), JSON.writeValueAsBytes(config));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("model config cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Reads the weights and config of a model folder. */
    public static Saved load(Path dir) throws IOException {
        Path weights = weightsFile(dir);
        Path configFile = dir.resolve(CONFIG);
        if (!Files.isRegularFile(configFile)) {
            throw new NoSuchFileException(configFile.toString(), null, "model folder has no " + CONFIG);
        }
        JsonNode config;
        try {
            config = JSON.readTree(configFile.toFile());
        } catch (JsonProcessingException e) {
            throw new FileFormatException(configFile, "not valid JSON: " + e.getOriginalMessage());
        }
        if (config == null || !config.isObject()) {
            throw new FileFormatException(configFile, "expected a JSON object");
        }
        SafeTensorsFile file = SafeTensors.read(weights);
        return new Saved(dir, file.stateDict(), config, file.metadata());
    }

    /**
     * The weights file of {@code path}: the path itself if it is a file, else its {@value #WEIGHTS}.
     * Fails with a clear message if neither exists.
     */
    public static Path weightsFile(Path path) throws IOException {
        if (Files.isDirectory(path)) {
            Path w = path.resolve(WEIGHTS);
            if (!Files.isRegularFile(w)) {
                throw new NoSuchFileException(path.toString(), null, "model folder has no " + WEIGHTS);
            }
            return w;
        }
        if (!Files.exists(path)) {
            throw new NoSuchFileException(path.toString(), null, "no such file or folder");
        }
        return path;
    }
}
