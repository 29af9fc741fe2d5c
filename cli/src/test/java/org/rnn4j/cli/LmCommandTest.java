package org.rnn4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** In-process {@code rnn4j lm} runs on a tiny text: the invocations as written, and their promises. */
class LmCommandTest {
    static final String TEXT = "It is a truth universally acknowledged, that a single man in possession\n"
            + "of a good fortune, must be in want of a wife.\n\n";

    @TempDir
    static Path dir;

    static Path text;
    static Path model;

    @BeforeAll
    static void train() throws Exception {
        text = Files.writeString(dir.resolve("book.txt"), TEXT.repeat(20));
        model = dir.resolve("model");
        CliRun r = CliRun.of("lm", "train", "--text", text.toString(), "--out", model.toString(), "--max-minutes", "5",
                "--steps", "30", "--hidden", "24", "--embedding", "8", "--batch", "4", "--seq", "16", "--eval-every", "10",
                "--warmup", "3", "--lr", "0.01", "-q");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("best validation bpc"), r.toString());
        assertTrue(Files.isRegularFile(model.resolve("model.safetensors")) && Files.isRegularFile(model.resolve("config.json")));
    }

    @Test
    void evalPrintsBpcAsJsonAndIsTheSameForAnyThreadCount() throws Exception {
        Path other = Files.writeString(dir.resolve("other.txt"), "A truth universally acknowledged: a wife!\n");
        CliRun one = CliRun.of("lm", "eval", "--model", model.toString(), "--text", other.toString(), "--json", "--threads", "1");
        CliRun two = CliRun.of("lm", "eval", "--model", model.toString(), "--text", other.toString(), "--json", "--threads", "2");
        assertEquals(0, one.exit(), one.toString());
        JsonNode j = new ObjectMapper().readTree(one.out());
        assertTrue(j.get("bpc").asDouble() > 0);
        assertEquals(3, j.get("unknown").asLong()); // "A", ":" and "!" are not in the training text
        assertEquals(one.out(), two.out());
        CliRun plain = CliRun.of("lm", "eval", "--model", model.toString(), "--text", text.toString());
        assertTrue(plain.out().contains("bits per character"), plain.toString());
    }

    @Test
    void generateIsReproducibleForASeed() {
        String[] args = {"lm", "generate", "--model", model.toString(), "--prompt", "It is", "--length", "80", "--temperature", "0.9",
            "--top-k", "5", "--top-p", "0.95", "--seed", "3"};
        CliRun a = CliRun.of(args);
        CliRun b = CliRun.of(args);
        assertEquals(0, a.exit(), a.toString());
        assertEquals(a.out(), b.out());
        assertTrue(a.out().startsWith("It is"));
        assertEquals("It is".length() + 80 + System.lineSeparator().length(), a.out().length(), a.toString());
        CliRun plain = CliRun.of("lm", "generate", "--model", model.toString());
        assertEquals(0, plain.exit(), plain.toString());
    }

    @Test
    void missingCommandIsAUsageError() {
        assertEquals(2, CliRun.of("lm").exit());
    }
}
