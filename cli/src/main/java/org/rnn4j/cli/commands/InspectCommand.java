package org.rnn4j.cli.commands;

import org.rnn4j.cli.VersionProvider;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rnn4j.cli.BaseCommand;
import org.rnn4j.cli.ModelFolders;
import org.rnn4j.forecast.ForecastModelFiles;
import org.rnn4j.io.ModelDirectory;
import org.rnn4j.io.SafeTensors;
import org.rnn4j.io.SafeTensorsHeader;
import org.rnn4j.io.TensorInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code rnn4j inspect MODEL}: the parameters of a model folder or a safetensors file. */
@Command(name = "inspect", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "List the parameters of a model folder or .safetensors file: names, dtypes, shapes and counts.")
public final class InspectCommand extends BaseCommand {

    @Parameters(index = "0", paramLabel = "MODEL", description = "A model folder (with model.safetensors) or a .safetensors file.")
    Path model;

    /** JSON form of one tensor. */
    record Entry(String name, String dtype, long[] shape, long count) {
    }

    /**
     * JSON form of the whole listing.
     *
     * @param inputSize  features per step from the folder's config.json ({@code architecture.input_size}), or null
     * @param covariates a forecaster's covariate columns (its input is the target and these), or null
     * @param problem    what makes the folder unusable (an incomplete ensemble), or null
     */
    record Listing(String file, Map<String, String> metadata, List<Entry> tensors, long totalParameters, Integer inputSize,
                   List<String> covariates, String problem) {
    }

    /** What config.json says about the input: {@code architecture.input_size} and, for a forecaster, its covariates. */
    private record Input(int size, Optional<List<String>> covariates) {
        String describe() {
            return "input size " + size + covariates.map(c -> c.isEmpty() ? ": the target" : ": the target and covariate"
                    + (c.size() == 1 ? "" : "s") + " '" + String.join("', '", c) + "'").orElse("");
        }
    }

    @Override
    protected int execute() throws Exception {
        Path weights = ModelDirectory.weightsFile(model);
        SafeTensorsHeader header = SafeTensors.readHeader(weights);
        List<Entry> entries = new ArrayList<>();
        for (TensorInfo t : header.tensors()) {
            entries.add(new Entry(t.name(), t.dtype().name(), t.shape(), t.count()));
        }
        Optional<Input> input = input(weights);
        Optional<String> problem = Files.isDirectory(model) ? ModelFolders.ensembleProblem(model) : Optional.empty();
        if (common.json()) {
            printJson(new Listing(weights.toString(), new LinkedHashMap<>(header.metadata()), entries, header.totalCount(),
                    input.map(Input::size).orElse(null), input.flatMap(Input::covariates).orElse(null),
                    problem.orElse(null)));
            return 0;
        }
        Table table = new Table("name", "dtype", "shape", "count").alignRight(3);
        for (TensorInfo t : header.tensors()) {
            table.row(t.name(), t.dtype().name(), t.shapeString(), String.format("%,d", t.count()));
        }
        table.print(out());
        out().printf("%d tensors, %,d parameters%n", entries.size(), header.totalCount());
        input.ifPresent(i -> out().println(i.describe()));
        problem.ifPresent(p -> out().println("problem: " + p + "; eval and predict refuse this folder"));
        return 0;
    }

    /** The input a model folder's config.json describes; empty for a bare weights file or a config without one. */
    private Optional<Input> input(Path weights) {
        Path config = weights.resolveSibling(ModelDirectory.CONFIG);
        if (!Files.isDirectory(model) || !Files.isRegularFile(config)) {
            return Optional.empty();
        }
        debug("config: " + config);
        JsonNode c;
        try {
            c = JSON.readTree(config.toFile());
        } catch (IOException e) { // the listing is about the weights; a broken config is reported by the commands that use it
            debug("config: " + e.getMessage());
            return Optional.empty();
        }
        JsonNode size = c.path("architecture").path("input_size");
        if (!size.canConvertToInt()) {
            return Optional.empty();
        }
        Optional<List<String>> cov = Optional.empty();
        if (ForecastModelFiles.TASK.equals(c.path("task").asText())) {
            List<String> names = new ArrayList<>();
            c.path("columns").path("covariates").forEach(n -> names.add(n.asText()));
            cov = Optional.of(names);
        }
        return Optional.of(new Input(size.asInt(), cov));
    }
}
