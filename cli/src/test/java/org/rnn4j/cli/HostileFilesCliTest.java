package org.rnn4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files kept by the readers' fuzzer, fed through the commands: exit 1, one line naming the file, no stack trace. */
class HostileFilesCliTest {
    private static final Path REGRESSIONS = Path.of("..", "core", "src", "test", "resources", "fuzz-regressions");
    private static final Path LEGACY = Path.of("src", "test", "resources", "legacy-models");

    @TempDir
    Path tmp;

    private static void refused(CliRun r, Path file) {
        assertEquals(1, r.exit(), r.toString());
        String err = r.err().strip();
        assertEquals(1, err.lines().count(), r.toString());
        assertTrue(err.contains(file.toString()), r.toString());
        assertFalse(err.contains("internal error") || err.contains("Exception") || err.contains("\tat "), r.toString());
    }

    /** A copy of a legacy classifier folder with {@code name} replaced by the regression file {@code with}. */
    private Path classifierWith(String name, Path with) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("model-" + with.getFileName()));
        try (Stream<Path> s = Files.list(LEGACY.resolve("classifier-gru"))) {
            for (Path f : s.toList()) {
                Files.copy(f, dir.resolve(f.getFileName()));
            }
        }
        Files.copy(with, dir.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return dir;
    }

    private CliRun predict(Path model, Path data) {
        return CliRun.of("classify", "predict", "--model", model.toString(), "--data", data.toString(),
                "--out", tmp.resolve("out.tsv").toString(), "--threads", "1");
    }

    @Test
    void brokenClassifierConfigsAndWeightsAreRefused() throws IOException {
        Path data = LEGACY.resolve("splice_predict.tsv");
        for (String c : new String[] {"hidden-20000.json", "hidden-30000.json", "layers-huge.json", "ensemble-huge.json",
            "format-version-999.json"}) {
            Path m = classifierWith("config.json", REGRESSIONS.resolve("classifier-config").resolve(c));
            refused(predict(m, data), m.resolve("config.json"));
        }
        for (String w : new String[] {"trailing-garbage.safetensors", "nul-padding.safetensors", "second-object.safetensors",
            "invalid-utf8-name.safetensors"}) {
            Path m = classifierWith("model.safetensors", REGRESSIONS.resolve("safetensors").resolve(w));
            refused(predict(m, data), m.resolve("model.safetensors"));
        }
    }

    @Test
    void brokenDataFilesAreRefused() {
        Path fasta = REGRESSIONS.resolve("fasta").resolve("invalid-utf8.fa");
        refused(predict(LEGACY.resolve("classifier-gru"), fasta), fasta);
        for (String csv : new String[] {"value-1e400.csv", "cell-50000-digits.csv", "stamp-1e9999999.csv"}) {
            Path f = REGRESSIONS.resolve("series-csv").resolve(csv);
            CliRun r = CliRun.of("forecast", "predict", "--csv", f.toString(), "--model", LEGACY.resolve("forecaster-rnn").toString(),
                    "--steps", "2", "--out", tmp.resolve("f.csv").toString(), "--threads", "1");
            refused(r, f);
        }
    }
}
