package org.rnn4j.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.rnn4j.Version;
import org.rnn4j.classify.ClassifierConfig;
import org.rnn4j.classify.ClassifierFiles;
import org.rnn4j.classify.SequenceClassifier;
import org.rnn4j.cli.BaseCommand;
import org.rnn4j.cli.UserException;
import org.rnn4j.cli.VersionProvider;
import org.rnn4j.io.FileFormatException;
import org.rnn4j.io.ModelDirectory;
import org.rnn4j.io.torch.LayerSpec;
import org.rnn4j.io.torch.TorchCheckpoint;
import org.rnn4j.nn.Module;
import org.rnn4j.rand.Rng;
import org.rnn4j.tensor.Tensor;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code rnn4j import pt}: a PyTorch state_dict ({@code torch.save(model.state_dict(), …)}) as an
 * rnn4j model folder. The file is read without executing its pickle; the architecture it belongs
 * to is given as PyTorch's constructor call of a plain recurrent layer ({@code --arch}) or as the
 * config.json of an rnn4j sequence classifier ({@code --config}).
 */
@Command(name = "pt", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Convert a PyTorch state_dict (.pt, torch.save zip format) into an rnn4j model folder.",
                "The file's pickle is never executed: only dicts, tensors and storages are read."})
public final class ImportPtCommand extends BaseCommand {
    /** config.json's {@code task} of a folder holding one recurrent layer. */
    static final String LAYER_TASK = "recurrent_layer";

    @Option(names = "--state-dict", required = true, paramLabel = "FILE.pt", description = "The torch.save file of a state_dict.")
    Path stateDict;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Architecture architecture;

    static final class Architecture {
        @Option(names = "--arch", paramLabel = "CALL", description = {"A plain nn.LSTM / nn.GRU / nn.RNN, as PyTorch constructs it:",
                "\"LSTM(8, 32, num_layers=2, batch_first=True, bidirectional=True, proj_size=4)\"."})
        String arch;

        @Option(names = "--config", paramLabel = "CONFIG.json", description = "The config.json of an rnn4j sequence classifier "
                + "(e.g. from `classify train`), whose architecture the weights are for.")
        Path config;
    }

    @Option(names = "--prefix", paramLabel = "PREFIX", description = "Take only the tensors named PREFIX… and drop the prefix "
            + "(e.g. rnn. for the LSTM inside a bigger model). A DataParallel module. prefix on every name is always dropped.")
    String prefix;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "The model folder to write.")
    Path out;

    @Override
    protected int execute() throws Exception {
        Map<String, Tensor> state = TorchCheckpoint.read(stateDict);
        if (!state.isEmpty() && state.keySet().stream().allMatch(n -> n.startsWith("module."))) {
            state = TorchCheckpoint.withoutPrefix(state, "module.");
        }
        if (prefix != null) {
            Map<String, Tensor> under = new LinkedHashMap<>();
            state.forEach((n, t) -> {
                if (n.startsWith(prefix)) {
                    under.put(n.substring(prefix.length()), t);
                }
            });
            if (under.isEmpty()) {
                throw new UserException(stateDict + ": no tensor is named " + prefix + "…; names are " + state.keySet());
            }
            state = under;
        }
        Module model;
        JsonNode config;
        String what;
        if (architecture.arch != null) {
            LayerSpec spec = LayerSpec.parse(architecture.arch);
            model = spec.create(new Rng(0));
            config = layerConfig(spec);
            what = spec.toString();
        } else {
            config = readConfig(architecture.config);
            ClassifierConfig c = ClassifierFiles.config(new ModelDirectory.Saved(architecture.config.toAbsolutePath().getParent(),
                    Map.of(), config, Map.of()));
            if (c.ensembleSize() != 1) {
                throw new UserException(architecture.config + ": an ensemble of " + c.ensembleSize() + " networks; import one "
                        + "PyTorch network with ensemble_size 1");
            }
            model = new SequenceClassifier(c.architecture(), new Rng(0));
            what = "sequence classifier (" + c.architecture().cell().moduleName() + ", " + c.architecture().numClasses() + " classes)";
        }
        try {
            model.loadStateDict(state);
        } catch (IllegalArgumentException e) {
            throw new UserException(stateDict + " does not fit " + what + ": " + e.getMessage());
        }
        ModelDirectory.save(out, model.stateDict(), config);
        info("wrote " + out + ": " + what + ", " + state.size() + " tensors, " + model.numParameters() + " parameters");
        return 0;
    }

    private static ObjectNode layerConfig(LayerSpec spec) {
        ObjectNode c = JSON.createObjectNode();
        c.put("task", LAYER_TASK);
        c.put("rnn4j_version", Version.get());
        c.put("layer", spec.toString());
        c.put("cell", spec.cell().id());
        c.put("input_size", spec.inputSize());
        c.put("hidden_size", spec.hiddenSize());
        c.put("num_layers", spec.options().numLayers());
        c.put("bias", spec.options().bias());
        c.put("batch_first", spec.options().batchFirst());
        c.put("dropout", spec.options().dropout());
        c.put("bidirectional", spec.options().bidirectional());
        c.put("proj_size", spec.options().projSize());
        return c;
    }

    private static JsonNode readConfig(Path file) throws IOException {
        try {
            JsonNode c = JSON.readTree(file.toFile());
            if (c == null || !c.isObject()) {
                throw new FileFormatException(file, "expected a JSON object");
            }
            return c;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new FileFormatException(file, "not valid JSON: " + e.getOriginalMessage());
        }
    }
}
