package org.rnn4j.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** In-process {@code rnn4j classify} runs on tiny files: train → eval → predict, and bad input. */
class ClassifyCommandTest {
    /** Small and fast: a tiny GRU for 3 epochs. */
    static final String[] TINY = {"--cell", "gru", "--hidden", "6", "--epochs", "3", "--batch-size", "8", "--lr", "0.02", "-q"};

    @TempDir
    Path dir;

    Path train;
    Path test;

    /** Class "at" is mostly A/T, "gc" mostly G/C. */
    static List<String> dnaRows(int n, long seed) {
        Random r = new Random(seed);
        List<String> rows = new ArrayList<>(List.of("id\tlabel\tsequence"));
        for (int i = 0; i < n; i++) {
            boolean at = i % 2 == 0;
            StringBuilder sb = new StringBuilder();
            int len = 8 + r.nextInt(8);
            for (int j = 0; j < len; j++) {
                String pair = (r.nextInt(6) != 0) == at ? "AT" : "GC";
                sb.append(pair.charAt(r.nextInt(2)));
            }
            rows.add("x" + i + "\t" + (at ? "at" : "gc") + "\t" + sb);
        }
        return rows;
    }

    @BeforeEach
    void data() throws Exception {
        train = Files.write(dir.resolve("train.tsv"), dnaRows(60, 1));
        test = Files.write(dir.resolve("test.tsv"), dnaRows(20, 2));
    }

    private CliRun trainTiny(Path data, Path out, String... more) {
        List<String> args = new ArrayList<>(List.of("classify", "train", "--data", data.toString(), "--out", out.toString()));
        args.addAll(List.of(TINY));
        args.addAll(List.of(more));
        return CliRun.of(args.toArray(String[]::new));
    }

    @Test
    void trainEvalPredict() throws Exception {
        Path model = dir.resolve("model");
        CliRun t = trainTiny(train, model);
        assertEquals(0, t.exit(), t.toString());
        assertTrue(t.out().contains("validation accuracy"), t.out());
        assertTrue(Files.isRegularFile(model.resolve("model.safetensors")) && Files.isRegularFile(model.resolve("config.json")));
        JsonNode config = new ObjectMapper().readTree(model.resolve("config.json").toFile());
        assertEquals("dna_one_hot", config.get("encoder").get("type").asText()); // chosen from the alphabet
        assertEquals(48, config.get("result").get("train_examples").asInt());   // 20 % held out, stratified
        assertEquals(12, config.get("result").get("validation_examples").asInt());

        CliRun table = CliRun.of("classify", "eval", "--model", model.toString(), "--data", test.toString());
        assertEquals(0, table.exit(), table.toString());
        assertTrue(table.out().startsWith(test + ": 20 examples, accuracy "), table.out());
        assertTrue(table.out().contains("confusion matrix (rows: true class, columns: predicted)"), table.out());

        Path png = dir.resolve("confusion.png");
        CliRun json = CliRun.of("classify", "eval", "--model", model.toString(), "--data", test.toString(), "--json",
                "--plot", png.toString());
        assertEquals(0, json.exit(), json.toString());
        JsonNode j = new ObjectMapper().readTree(json.out());
        long[][] cm = new long[2][2];
        long correct = 0;
        for (int a = 0; a < 2; a++) {
            for (int b = 0; b < 2; b++) {
                cm[a][b] = j.get("confusion").get(a).get(b).asLong();
                correct += a == b ? cm[a][b] : 0;
            }
        }
        assertEquals(20, cm[0][0] + cm[0][1] + cm[1][0] + cm[1][1]);
        assertEquals(correct / 20.0, j.get("accuracy").asDouble(), 1e-12);
        assertEquals(10, j.get("per_class").get("at").get("support").asInt());
        assertTrue(j.has("macro_f1"));
        byte[] magic = java.util.Arrays.copyOf(Files.readAllBytes(png), 4);
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, magic);

        CliRun p = CliRun.of("classify", "predict", "--model", model.toString(), "--data", test.toString());
        assertEquals(0, p.exit(), p.toString());
        String[] lines = p.out().split("\n");
        assertEquals("id\tpredicted\tp_at\tp_gc", lines[0]);
        assertEquals(21, lines.length);
        String[] first = lines[1].split("\t");
        assertEquals("x0", first[0]);
        assertEquals(1.0, Double.parseDouble(first[2]) + Double.parseDouble(first[3]), 1e-5);
        assertEquals(Double.parseDouble(first[2]) > Double.parseDouble(first[3]) ? "at" : "gc", first[1]);
        Path tsv = dir.resolve("pred.tsv");
        CliRun toFile = CliRun.of("classify", "predict", "--model", model.toString(), "--data", test.toString(), "--out", tsv.toString());
        assertEquals(0, toFile.exit(), toFile.toString());
        assertEquals(p.out(), Files.readString(tsv));
    }

    @Test
    void anEnsembleWithAValidationFile() throws Exception {
        Path model = dir.resolve("ens");
        CliRun t = trainTiny(train, model, "--ensemble", "2", "--validation", test.toString(), "--json");
        assertEquals(0, t.exit(), t.toString());
        JsonNode j = new ObjectMapper().readTree(t.out());
        assertEquals(2, j.get("ensemble_size").asInt());
        assertEquals(60, j.get("train_examples").asInt()); // all of --data: validation comes from the file
        JsonNode config = new ObjectMapper().readTree(model.resolve("config.json").toFile());
        assertEquals(2, config.get("ensemble_size").asInt());
        assertEquals(2, config.get("result").get("members").size());
        CliRun e = CliRun.of("classify", "eval", "--model", model.toString(), "--data", test.toString(), "--json");
        assertEquals(j.get("ensemble_validation_accuracy").asDouble(), new ObjectMapper().readTree(e.out()).get("accuracy").asDouble());
    }

    @Test
    void anAmbiguousBaseUnderTheStrictPolicyNamesFileAndLine() throws Exception {
        Path model = dir.resolve("strict");
        assertEquals(0, trainTiny(train, model, "--ambiguous", "error").exit());
        List<String> rows = new ArrayList<>(dnaRows(4, 3));
        rows.set(3, "x2\tat\tATTANTA");
        Path bad = Files.write(dir.resolve("bad.tsv"), rows);
        CliRun r = CliRun.of("classify", "predict", "--model", model.toString(), "--data", bad.toString());
        assertEquals(1, r.exit(), r.toString());
        assertTrue(r.err().startsWith("rnn4j: " + bad + ":4: ambiguous base 'N' at position 5"), r.err());
        rows.set(3, "x2\tat\tATTAXTA"); // not a nucleotide code at all: an error under any policy
        Files.write(bad, rows);
        CliRun x = CliRun.of("classify", "eval", "--model", model.toString(), "--data", bad.toString());
        assertEquals(1, x.exit(), x.toString());
        assertTrue(x.err().startsWith("rnn4j: " + bad + ":4: unknown character 'X'"), x.err());
    }

    @Test
    void anEmptySequenceNamesFileAndLine() throws Exception {
        List<String> rows = new ArrayList<>(dnaRows(10, 4));
        rows.set(6, "x5\tgc\t ");
        Path bad = Files.write(dir.resolve("empty.tsv"), rows);
        CliRun r = trainTiny(bad, dir.resolve("m"));
        assertEquals(1, r.exit(), r.toString());
        assertTrue(r.err().startsWith("rnn4j: " + bad + ":7: empty sequence"), r.err());
    }

    @Test
    void aLabelTrainingNeverSawNamesFileAndLine() throws Exception {
        Path model = dir.resolve("model");
        assertEquals(0, trainTiny(train, model).exit());
        List<String> rows = new ArrayList<>(dnaRows(6, 5));
        rows.set(5, "x4\tcpg\tACGCGCGT");
        Path bad = Files.write(dir.resolve("new-label.tsv"), rows);
        CliRun r = CliRun.of("classify", "eval", "--model", model.toString(), "--data", bad.toString());
        assertEquals(1, r.exit(), r.toString());
        assertTrue(r.err().startsWith("rnn4j: " + bad + ":6: unknown label 'cpg' for example 'x4' (known labels: at, gc)"), r.err());
    }

    @Test
    void pretrainedEmbeddingsForWordsAndAMalformedLine() throws Exception {
        List<String> rows = new ArrayList<>(List.of("id\tlabel\ttext"));
        String[] pos = {"good fine film", "fine good story", "great good fun"};
        String[] neg = {"bad awful film", "awful bad story", "dull bad plot"};
        for (int i = 0; i < 30; i++) {
            rows.add("t" + i + "\t" + (i % 2 == 0 ? "pos\t" + pos[i / 2 % 3] : "neg\t" + neg[i / 2 % 3]));
        }
        Path words = Files.write(dir.resolve("words.tsv"), rows);
        Path glove = Files.write(dir.resolve("vectors.txt"), List.of("good 0.5 0.1 0.0", "bad -0.5 0.2 0.1", "film 0 0 1"));
        Path model = dir.resolve("emb");
        CliRun ok = CliRun.of("classify", "train", "--data", words.toString(), "--out", model.toString(), "--embeddings",
                glove.toString(), "--freeze", "--cell", "gru", "--hidden", "4", "--epochs", "2");
        assertEquals(0, ok.exit(), ok.toString());
        assertTrue(ok.err().contains("encoding words"), ok.err());
        assertTrue(ok.err().contains("3 of "), ok.err()); // the embeddings report: good, bad, film found
        assertEquals(3, new ObjectMapper().readTree(model.resolve("config.json").toFile()).get("architecture").get("embedding_dim").asInt());

        Path bad = Files.write(dir.resolve("bad-vectors.txt"), List.of("good 0.5 0.1 0.0", "bad -0.5 oops 0.1"));
        CliRun r = CliRun.of("classify", "train", "--data", words.toString(), "--out", dir.resolve("x").toString(),
                "--embeddings", bad.toString(), "--epochs", "1", "-q");
        assertEquals(1, r.exit(), r.toString());
        assertTrue(r.err().startsWith("rnn4j: " + bad + ":2: "), r.err());
    }

    @Test
    void usageErrors() {
        assertEquals(2, CliRun.of("classify", "train", "--data", train.toString()).exit()); // no --out
        assertEquals(2, CliRun.of("classify").exit());
        CliRun help = CliRun.of("classify", "train", "--help");
        assertEquals(0, help.exit());
        assertTrue(help.out().contains("--embeddings"), help.out());
    }
}
