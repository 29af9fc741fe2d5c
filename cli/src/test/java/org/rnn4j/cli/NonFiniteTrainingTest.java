package org.rnn4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A learning rate that blows the weights up stops training with exit 1 and a message naming the step, never NaN weights. */
class NonFiniteTrainingTest {
    @TempDir
    Path dir;

    @Test
    void classifyTrainWithAHugeLearningRateStopsNamingTheStep() throws Exception {
        Path data = Files.write(dir.resolve("train.tsv"), ClassifyCommandTest.dnaRows(60, 1));
        Path out = dir.resolve("model");
        List<String> args = new ArrayList<>(List.of("classify", "train", "--data", data.toString(), "--out", out.toString()));
        args.addAll(List.of("--cell", "gru", "--hidden", "6", "--epochs", "3", "--batch-size", "8", "-q", "--lr", "1e30",
                "--ensemble", "1"));
        CliRun r = CliRun.of(args.toArray(String[]::new));
        assertEquals(1, r.exit(), r.toString());
        assertTrue(r.err().contains("rnn4j: training stopped at step "), r.err());
        assertFalse(r.err().contains("looks like a bug"), r.err());
        assertNoNaNModel(out);
    }

    @Test
    void forecastTrainWithAHugeLearningRateStopsNamingTheStep() throws Exception {
        StringBuilder sb = new StringBuilder("t,y\n");
        for (int t = 0; t < 60; t++) {
            sb.append(t).append(',').append(String.format(Locale.ROOT, "%.3f", 10 + Math.sin(t / 3.0))).append('\n');
        }
        Path csv = Files.writeString(dir.resolve("y.csv"), sb);
        Path out = dir.resolve("fc");
        CliRun r = CliRun.of("forecast", "train", "--csv", csv.toString(), "--column", "y", "--members", "1", "--hidden", "8",
                "--epochs", "2", "--lr", "1e30", "--out", out.toString());
        assertEquals(1, r.exit(), r.toString());
        assertTrue(r.err().contains("rnn4j: training stopped"), r.err());
        assertFalse(r.err().contains("looks like a bug"), r.err());
        assertNoNaNModel(out);
    }

    /** Whatever model the run left (a best epoch before the blow-up, or none) loads: its weights are finite. */
    private static void assertNoNaNModel(Path out) {
        if (Files.isRegularFile(out.resolve("model.safetensors"))) {
            CliRun i = CliRun.of("inspect", out.toString());
            assertFalse(i.out().contains("NaN"), i.toString());
        }
    }
}
