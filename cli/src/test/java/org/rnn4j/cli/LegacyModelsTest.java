package org.rnn4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Model folders written by an earlier version, whose configs spell the cell as the old per-job enums did
 * ({@code "gru"}, {@code "rnn_relu"}, {@code "rnn"}): they still load, and predict what that version
 * predicted (files and commands in {@code src/test/resources/legacy-models/README.md}).
 */
class LegacyModelsTest {
    private static final Path DIR = Path.of("src", "test", "resources", "legacy-models");
    private static final Path AIR = Path.of("..", "examples", "data", "AirPassengers.csv");

    @Test
    void classifiersPredictAsTheyDidWhenWritten(@TempDir Path tmp) throws Exception {
        for (String name : new String[] {"classifier-gru", "classifier-rnn-relu"}) {
            Path out = tmp.resolve(name + ".tsv");
            CliRun r = CliRun.of("classify", "predict", "--model", DIR.resolve(name).toString(),
                    "--data", DIR.resolve("splice_predict.tsv").toString(), "--out", out.toString(), "--threads", "1");
            assertEquals(0, r.exit(), r.toString());
            assertEquals(Files.readString(DIR.resolve(name + ".predictions.tsv")), Files.readString(out), name);
        }
    }

    @Test
    void forecasterPredictsAsItDidWhenWritten(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("forecast.csv");
        CliRun r = CliRun.of("forecast", "predict", "--csv", AIR.toString(), "--model", DIR.resolve("forecaster-rnn").toString(),
                "--steps", "12", "--out", out.toString(), "--threads", "1");
        assertEquals(0, r.exit(), r.toString());
        assertEquals(Files.readString(DIR.resolve("forecaster-rnn.forecast.csv")), Files.readString(out));
    }
}
