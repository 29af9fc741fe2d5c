package org.rnn4j.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.rnn4j.classify.ClassifierConfig;
import org.rnn4j.forecast.ForecastModelFiles;
import org.rnn4j.io.ModelDirectory;
import org.rnn4j.io.SafeTensors;

/**
 * Checks a {@code --model} folder before it is loaded, so the message names the path and the real
 * problem: a file given instead of its folder, a classifier given to a forecasting command (or the
 * other way round), an ensemble whose weights file holds fewer members than config.json says.
 */
public final class ModelFolders {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern MEMBER = Pattern.compile("^members\\.(\\d+)\\.");

    /** The kinds of model folder the commands read, by config.json's {@code task}. */
    public enum Kind {
        CLASSIFIER(ClassifierConfig.TASK, "a classifier", "classify"),
        FORECASTER(ForecastModelFiles.TASK, "a forecaster", "forecast");

        final String task;
        final String noun;
        final String command;

        Kind(String task, String noun, String command) {
            this.task = task;
            this.noun = noun;
            this.command = command;
        }
    }

    private ModelFolders() {
    }

    /** Fails with a {@link UserException} naming {@code dir} unless it is a complete model folder of {@code kind}. */
    public static void require(Path dir, Kind kind) throws IOException {
        if (Files.isRegularFile(dir)) {
            Path parent = dir.toAbsolutePath().getParent();
            throw new UserException(dir + ": is a file; --model takes the model folder"
                    + (parent != null && Files.isRegularFile(parent.resolve(ModelDirectory.CONFIG)) ? " (" + dir.getParent() + ")" : ""));
        }
        if (!Files.isDirectory(dir)) {
            throw new UserException(dir + ": no such model folder");
        }
        Path config = dir.resolve(ModelDirectory.CONFIG);
        if (!Files.isRegularFile(config)) {
            throw new UserException(dir + ": not a model folder (it has no " + ModelDirectory.CONFIG + ")");
        }
        JsonNode c;
        try {
            c = JSON.readTree(config.toFile());
        } catch (IOException e) {
            return; // the loader reports a broken config.json with its line and column
        }
        String task = c.path("task").asText();
        if (!kind.task.equals(task)) {
            for (Kind other : Kind.values()) {
                if (other.task.equals(task)) {
                    throw new UserException(dir + ": is " + other.noun + " model folder, not " + kind.noun
                            + "; use 'rnn4j " + other.command + " …' with it");
                }
            }
            throw new UserException(config + ": not " + (kind == Kind.CLASSIFIER ? "a classification model" : "a forecasting model")
                    + " (task '" + task + "', expected '" + kind.task + "')");
        }
        Optional<String> p = ensembleProblem(dir);
        if (p.isPresent()) {
            throw new UserException(dir + ": " + p.get());
        }
    }

    /**
     * What is wrong with the ensemble of a model folder, or empty: config.json's member count
     * ({@code ensemble_size} of a classifier, {@code architecture.members} of a forecaster) against
     * the {@code members.N.…} prefixes in model.safetensors.
     */
    public static Optional<String> ensembleProblem(Path dir) throws IOException {
        Path config = dir.resolve(ModelDirectory.CONFIG);
        Path weights = dir.resolve(ModelDirectory.WEIGHTS);
        if (!Files.isRegularFile(config) || !Files.isRegularFile(weights)) {
            return Optional.empty();
        }
        JsonNode c;
        try {
            c = JSON.readTree(config.toFile());
        } catch (IOException e) {
            return Optional.empty();
        }
        JsonNode n = c.has("ensemble_size") ? c.get("ensemble_size") : c.path("architecture").path("members");
        if (!n.canConvertToInt()) {
            return Optional.empty();
        }
        int expected = n.asInt();
        TreeSet<Integer> found = new TreeSet<>();
        boolean prefixed = false;
        for (var t : SafeTensors.readHeader(weights).tensors()) {
            Matcher m = MEMBER.matcher(t.name());
            if (m.find()) {
                prefixed = true;
                found.add(Integer.parseInt(m.group(1)));
            }
        }
        if (!prefixed) {
            // a single network's weights carry no members. prefix; a config that claims more members
            // than that is a mismatch the loader names in config.json
            return Optional.empty();
        }
        long present = found.stream().filter(i -> i < expected).count();
        long absent = expected - present;
        if (absent <= 0) {
            return Optional.empty();
        }
        // names at most a few missing members: a corrupt ensemble_size may claim millions (the loader
        // refuses such a config by its sizes)
        List<String> named = new ArrayList<>();
        for (int i = 0; i < expected && named.size() < 5; i++) {
            if (!found.contains(i)) {
                named.add(String.valueOf(i));
            }
        }
        return Optional.of("incomplete ensemble: " + ModelDirectory.CONFIG + " says " + expected + " members, "
                + ModelDirectory.WEIGHTS + " holds the weights of " + present + " (missing: member"
                + (absent == 1 ? " " : "s ") + String.join(", ", named) + (absent > named.size() ? ", …" : "") + ")");
    }
}
