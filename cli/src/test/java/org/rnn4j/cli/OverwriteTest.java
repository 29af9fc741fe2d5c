package org.rnn4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Training into a folder that already holds a model needs --overwrite: exit 2 naming the folder and the
 * option, before training; a folder recorded as incomplete is refused by the loader.
 */
class OverwriteTest {
    @TempDir
    Path dir;

    @Test
    void classifyTrainRefusesAnExistingModelUnlessOverwrite() throws Exception {
        Path data = Files.write(dir.resolve("train.tsv"), ClassifyCommandTest.dnaRows(60, 1));
        Path out = dir.resolve("model");
        Files.createDirectories(out);
        byte[] before = "{\"stand_in\": true}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Files.write(out.resolve("config.json"), before);
        CliRun again = train(data, out, "--seed", "7");
        assertEquals(2, again.exit(), again.toString());
        assertTrue(again.err().contains(out + " already holds a model; pass --overwrite"), again.err());
        assertEquals(List.of(), List.of(again.out().split("\n")).stream().filter(l -> l.contains("epoch")).toList());
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(out.resolve("config.json"))), "the model was touched");
        CliRun over = train(data, out, "--seed", "7", "--overwrite");
        assertEquals(0, over.exit(), over.toString());
        assertTrue(Files.isRegularFile(out.resolve("model.safetensors")));
        assertTrue(Files.readString(out.resolve("config.json")).contains("\"encoder\""), "replaced as a whole");

        // the folder records whether every ensemble member is in it; loaders refuse an incomplete one
        String config = Files.readString(out.resolve("config.json"));
        assertTrue(config.contains("\"complete\" : true"), config);
        Files.writeString(out.resolve("config.json"), config.replace("\"complete\" : true", "\"complete\" : false"));
        CliRun eval = CliRun.of("classify", "eval", "--model", out.toString(), "--data", data.toString());
        assertEquals(1, eval.exit(), eval.toString());
        assertTrue(eval.err().contains("config.json: an incomplete ensemble: 1 of 1 members were trained before the run ended"),
                eval.err());
    }

    @Test
    void forecastTrainRefusesAnExistingModelUnlessOverwrite() throws Exception {
        Path out = Files.createDirectories(dir.resolve("fc"));
        Files.writeString(out.resolve("config.json"), "{}");
        CliRun r = CliRun.of("forecast", "train", "--csv", dir.resolve("none.csv").toString(), "--column", "y", "--out", out.toString());
        assertEquals(2, r.exit(), r.toString());
        assertTrue(r.err().contains(out + " already holds a model; pass --overwrite"), r.err());
    }

    private static CliRun train(Path data, Path out, String... more) {
        List<String> a = new ArrayList<>(List.of("classify", "train", "--data", data.toString(), "--out", out.toString()));
        a.addAll(List.of(ClassifyCommandTest.TINY));
        a.addAll(List.of("--ensemble", "1"));
        a.addAll(List.of(more));
        return CliRun.of(a.toArray(String[]::new));
    }
}
