package org.rnn4j.lm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.rnn4j.Version;
import org.rnn4j.data.text.CharVocabulary;
import org.rnn4j.io.FileFormatException;
import org.rnn4j.io.ModelDirectory;
import org.rnn4j.rand.Rng;

/**
 * Saves and loads a language model as a {@link ModelDirectory}: {@code model.safetensors} under PyTorch's
 * names and {@code config.json} ({@link LmConfig}, the vocabulary inside), each written atomically, the config last.
 */
public final class LmFiles {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A loaded model and its vocabulary. */
    public record Loaded(CharLanguageModel model, CharVocabulary vocabulary, LmConfig config) {
    }

    private LmFiles() {
    }

    public static void save(Path dir, CharLanguageModel model, CharVocabulary vocabulary, LmSettings training,
                            Map<String, Object> result) throws IOException {
        LmConfig c = new LmConfig(LmConfig.TASK, LmConfig.FORMAT_VERSION, Version.get(), model.architecture(), vocabulary.chars(),
                training, result);
        ModelDirectory.save(dir, model.stateDict(), JSON.valueToTree(c));
    }

    public static Loaded load(Path dir) throws IOException {
        ModelDirectory.Saved saved = ModelDirectory.load(dir);
        Path file = dir.resolve(ModelDirectory.CONFIG);
        JsonNode task = saved.config().get("task");
        if (task == null || !LmConfig.TASK.equals(task.asText())) {
            throw new FileFormatException(file, "not a character language model (task is "
                    + (task == null ? "missing" : "'" + task.asText() + "'") + ", expected '" + LmConfig.TASK + "')");
        }
        LmConfig c;
        CharVocabulary vocabulary;
        try {
            c = JSON.treeToValue(saved.config(), LmConfig.class);
            vocabulary = new CharVocabulary(c.vocabulary());
            if (c.architecture() == null || vocabulary.size() != c.architecture().vocabSize()) {
                throw new FileFormatException(file, "needs an architecture whose vocab_size is the vocabulary's size");
            }
        } catch (IOException | IllegalArgumentException e) {
            if (e instanceof FileFormatException f) {
                throw f;
            }
            throw new FileFormatException(file, "invalid language-model config: " + e.getMessage());
        }
        CharLanguageModel model = new CharLanguageModel(c.architecture(), new Rng(0));
        try {
            model.loadStateDict(saved.stateDict());
        } catch (IllegalArgumentException e) {
            throw new FileFormatException(dir.resolve(ModelDirectory.WEIGHTS), "does not fit " + ModelDirectory.CONFIG + ": "
                    + e.getMessage());
        }
        model.eval();
        return new Loaded(model, vocabulary, c);
    }
}
