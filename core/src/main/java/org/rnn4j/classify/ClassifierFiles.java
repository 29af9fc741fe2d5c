package org.rnn4j.classify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rnn4j.Version;
import org.rnn4j.io.FileFormatException;
import org.rnn4j.io.ModelDirectory;
import org.rnn4j.rand.Rng;
import org.rnn4j.tensor.Tensor;

/**
 * Saves and loads a {@link ClassifierModel} as a model directory ({@link ModelDirectory}):
 * {@code model.safetensors} with PyTorch's parameter names ({@code embedding.weight},
 * {@code rnn.weight_ih_l0}, …, {@code head.weight}, {@code head.bias}; {@code members.N.…} for the
 * N-th network of an ensemble) and {@code config.json} ({@link ClassifierConfig}). Both files are written atomically, the config last.
 */
public final class ClassifierFiles {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The key in a config's {@code result} that records whether every ensemble member is in the folder. */
    public static final String COMPLETE = "complete";

    private ClassifierFiles() {
    }

    /** Writes {@code model} into {@code dir} with {@code result} (free-form facts about the run) in its config. */
    public static void save(Path dir, ClassifierModel model, Map<String, Object> result) throws IOException {
        ClassifierConfig c = new ClassifierConfig(ClassifierConfig.TASK, ClassifierConfig.FORMAT_VERSION, Version.get(),
                model.architecture(), model.members().size(), model.encoder(), model.labels(), model.maxLength(),
                model.training(), result);
        ModelDirectory.save(dir, model.stateDict(), JSON.valueToTree(c));
    }

    /** The model of a directory written by {@link #save}; a wrong or incomplete config names the file. */
    public static ClassifierModel load(Path dir) throws IOException {
        ModelDirectory.Saved saved = ModelDirectory.load(dir);
        ClassifierConfig c = config(saved);
        requireComplete(dir, c);
        checkSizes(dir, c, saved.stateDict());
        List<SequenceClassifier> members = new ArrayList<>();
        for (int i = 0; i < c.ensembleSize(); i++) {
            members.add(new SequenceClassifier(c.architecture(), new Rng(0)));
        }
        try {
            if (members.size() == 1) {
                members.get(0).loadStateDict(saved.stateDict());
            } else {
                for (int i = 0; i < members.size(); i++) {
                    members.get(i).loadStateDict(withoutPrefix(saved.stateDict(), "members." + i + ".", dir));
                }
            }
            return new ClassifierModel(members, c.encoder(), c.labels(), c.maxLength(), c.training());
        } catch (IllegalArgumentException e) {
            throw new FileFormatException(dir.resolve(ModelDirectory.WEIGHTS), "does not fit " + ModelDirectory.CONFIG
                    + ": " + e.getMessage());
        }
    }

    /**
     * {@code result.complete} (written by training: false while an ensemble is still being trained) is
     * the folder's record of whether every member is there; a folder without it (an older writer, or a
     * library save) is taken as complete.
     */
    private static void requireComplete(Path dir, ClassifierConfig c) throws FileFormatException {
        Object complete = c.result() == null ? null : c.result().get(COMPLETE);
        int planned = c.training() == null ? c.ensembleSize() : Math.max(c.ensembleSize(), c.training().ensemble());
        if (Boolean.FALSE.equals(complete)) {
            throw new FileFormatException(dir.resolve(ModelDirectory.CONFIG), "an incomplete ensemble: " + c.ensembleSize() + " of "
                    + planned + " members were trained before the run ended; train it again (with --overwrite)");
        }
    }

    /**
     * The config's sizes against the weights read and against {@link ClassifierSizes#MAX_PARAMETERS},
     * before any network is built: a corrupt {@code hidden_size}, {@code num_layers} or
     * {@code ensemble_size} is refused here instead of allocating gigabytes.
     */
    private static void checkSizes(Path dir, ClassifierConfig c, Map<String, Tensor> weights) throws FileFormatException {
        Path file = dir.resolve(ModelDirectory.CONFIG);
        long one = ClassifierSizes.parameterCount(c.architecture());
        long all = one < 0 ? -1 : one > Long.MAX_VALUE / c.ensembleSize() ? -1 : one * c.ensembleSize();
        if (all < 0 || all > ClassifierSizes.MAX_PARAMETERS) {
            throw new FileFormatException(file, "architecture and ensemble_size describe "
                    + (all < 0 ? "too many" : String.valueOf(all)) + " parameters, more than the limit of "
                    + ClassifierSizes.MAX_PARAMETERS);
        }
        long held = 0;
        for (Tensor t : weights.values()) {
            held += t.size();
        }
        // a small mismatch is left to load_state_dict, which names the first tensor that differs; a config
        // that would build far more than the weights hold is refused before building anything
        if (all > 2 * held + (1L << 20)) {
            throw new FileFormatException(file, "architecture (hidden_size " + c.architecture().hiddenSize()
                    + ", num_layers " + c.architecture().numLayers() + ") and ensemble_size " + c.ensembleSize()
                    + " describe " + all + " parameters, far more than the " + held + " that " + ModelDirectory.WEIGHTS + " holds");
        }
    }

    /** The tensors named {@code prefix…}, with the prefix removed. */
    private static Map<String, Tensor> withoutPrefix(Map<String, Tensor> all, String prefix, Path dir) throws FileFormatException {
        Map<String, Tensor> out = new LinkedHashMap<>();
        all.forEach((n, t) -> {
            if (n.startsWith(prefix)) {
                out.put(n.substring(prefix.length()), t);
            }
        });
        for (String n : all.keySet()) {
            if (!n.startsWith("members.")) {
                throw new FileFormatException(dir.resolve(ModelDirectory.WEIGHTS), "ensemble weights must all be named members.N.…, found "
                        + n);
            }
        }
        return out;
    }

    /** The parsed config of a loaded directory. */
    public static ClassifierConfig config(ModelDirectory.Saved saved) throws FileFormatException {
        Path file = saved.dir().resolve(ModelDirectory.CONFIG);
        JsonNode task = saved.config().get("task");
        if (task == null || !ClassifierConfig.TASK.equals(task.asText())) {
            throw new FileFormatException(file, "not a sequence classifier (task is "
                    + (task == null ? "missing" : "'" + task.asText() + "'") + ", expected '" + ClassifierConfig.TASK + "')");
        }
        try {
            ClassifierConfig c = JSON.treeToValue(saved.config(), ClassifierConfig.class);
            if (c.architecture() == null || c.encoder() == null || c.labels() == null) {
                throw new FileFormatException(file, "needs architecture, encoder and labels");
            }
            if (c.formatVersion() != ClassifierConfig.FORMAT_VERSION) {
                throw new FileFormatException(file, "format_version " + c.formatVersion() + " is not supported (this version reads "
                        + ClassifierConfig.FORMAT_VERSION + ")");
            }
            if (c.maxLength() < 0) {
                throw new FileFormatException(file, "max_length must be >= 0, got " + c.maxLength());
            }
            if (c.ensembleSize() < 1) {
                throw new FileFormatException(file, "ensemble_size must be >= 1, got " + c.ensembleSize());
            }
            return c;
        } catch (IOException | IllegalArgumentException e) {
            if (e instanceof FileFormatException f) {
                throw f;
            }
            String m = e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
            throw new FileFormatException(file, "invalid classifier config: " + m);
        }
    }
}
