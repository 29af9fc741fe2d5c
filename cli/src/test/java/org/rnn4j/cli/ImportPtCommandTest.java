package org.rnn4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnn4j.classify.ClassifierArchitecture;
import org.rnn4j.classify.ClassifierFiles;
import org.rnn4j.classify.ClassifierModel;
import org.rnn4j.classify.Pooling;
import org.rnn4j.classify.SequenceClassifier;
import org.rnn4j.classify.TrainSettings;
import org.rnn4j.data.encode.Encoder;
import org.rnn4j.data.encode.EncoderFitter;
import org.rnn4j.data.encode.EncoderSpec;
import org.rnn4j.data.encode.InputKind;
import org.rnn4j.data.seq.Example;
import org.rnn4j.data.seq.LabelSet;
import org.rnn4j.data.text.TextCase;
import org.rnn4j.data.text.VocabularyOptions;
import org.rnn4j.io.ModelDirectory;
import org.rnn4j.io.torch.LayerSpec;
import org.rnn4j.io.torch.TorchCheckpoint;
import org.rnn4j.nn.recurrent.CellKind;
import org.rnn4j.nn.recurrent.RecurrentLayer;
import org.rnn4j.rand.Rng;
import org.rnn4j.tensor.Tensor;

class ImportPtCommandTest {
    /** The .pt fixtures made by examples/pytorch/make_pt_fixtures.py (tests run in the cli folder). */
    static final Path FIXTURES = Path.of("").toAbsolutePath().getParent().resolve("core/src/test/resources/torch");

    @TempDir
    Path dir;

    @Test
    void plainLayerBecomesAModelFolder() throws Exception {
        Path pt = FIXTURES.resolve("lstm_proj_bidirectional.pt");
        Path out = dir.resolve("lstm");
        CliRun r = CliRun.of("import", "pt", "--state-dict", pt.toString(),
                "--arch", "LSTM(3, 5, batch_first=True, bidirectional=True, proj_size=3)", "--out", out.toString());
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.err().contains("wrote " + out + ": LSTM(3, 5, batch_first=True, bidirectional=True, proj_size=3)"), r.err());
        ModelDirectory.Saved saved = ModelDirectory.load(out);
        assertEquals("recurrent_layer", saved.config().get("task").asText());
        RecurrentLayer layer = LayerSpec.parse(saved.config().get("layer").asText()).create(new Rng(5));
        layer.loadStateDict(saved.stateDict());
        Map<String, Tensor> original = TorchCheckpoint.read(pt);
        assertEquals(original.keySet(), saved.stateDict().keySet());
        original.forEach((n, t) -> assertEquals(java.util.Arrays.toString(t.data()),
                java.util.Arrays.toString(saved.stateDict().get(n).data()), n));
    }

    @Test
    void classifierConfigAndDataParallelPrefix() throws Exception {
        // the config of an rnn4j classifier with the fixture's architecture: 6 token ids, GRU 4 bidirectional, 2 classes
        List<Example> words = List.of(new Example("1", "a", "ab"), new Example("2", "b", "cd"));
        Encoder chars = EncoderFitter.fit(new EncoderSpec.CharVocabulary(TextCase.LOWER, VocabularyOptions.DEFAULTS), words.stream());
        ClassifierArchitecture arch = new ClassifierArchitecture(InputKind.TOKEN_IDS, 6, 3, 0, 0, CellKind.GRU, 4, 1, true, 0.0,
                List.of(Pooling.LAST), 2);
        Path template = dir.resolve("template");
        ClassifierFiles.save(template, new ClassifierModel(new SequenceClassifier(arch, new Rng(1)), chars,
                LabelSet.of(List.of("a", "b")), 20, TrainSettings.DEFAULTS), Map.of());
        Path out = dir.resolve("imported");
        CliRun r = CliRun.of("import", "pt", "--state-dict", FIXTURES.resolve("classifier_dataparallel.pt").toString(),
                "--config", template.resolve("config.json").toString(), "--out", out.toString());
        assertEquals(0, r.exit(), r.toString());
        ClassifierModel m = ClassifierFiles.load(out);
        Map<String, Tensor> pt = TorchCheckpoint.withoutPrefix(TorchCheckpoint.read(FIXTURES.resolve("classifier_dataparallel.pt")), "module.");
        assertEquals(java.util.Arrays.toString(pt.get("head.weight").data()),
                java.util.Arrays.toString(m.network().stateDict().get("head.weight").data()));
    }

    @Test
    void wrongShapesNameTheTensor() {
        CliRun r = CliRun.of("import", "pt", "--state-dict", FIXTURES.resolve("lstm.pt").toString(), "--arch", "LSTM(3, 5)",
                "--out", dir.resolve("x").toString());
        assertEquals(1, r.exit(), r.toString());
        assertTrue(r.err().contains("weight_ih_l0 has shape [16, 3] in the checkpoint, the model expects [20, 3]"), r.err());
        assertTrue(!Files.exists(dir.resolve("x")));
        CliRun gru = CliRun.of("import", "pt", "--state-dict", FIXTURES.resolve("lstm.pt").toString(), "--arch", "GRU(3, 4)",
                "--out", dir.resolve("y").toString());
        assertEquals(1, gru.exit(), gru.toString());
        assertTrue(gru.err().contains("shape [16, 3] in the checkpoint, the model expects [12, 3]"), gru.err());
    }

    @Test
    void hostileFilesAndBadCallsAreRefused() throws Exception {
        Path legacy = dir.resolve("old.pt");
        Files.write(legacy, new byte[] {(byte) 0x80, 2, (byte) 0x8a, 10});
        CliRun r = CliRun.of("import", "pt", "--state-dict", legacy.toString(), "--arch", "LSTM(3, 4)", "--out", dir.resolve("z").toString());
        assertEquals(1, r.exit(), r.toString());
        assertTrue(r.err().contains("legacy (pre-1.6)"), r.err());
        CliRun bad = CliRun.of("import", "pt", "--state-dict", FIXTURES.resolve("lstm.pt").toString(), "--arch", "LSTM(3, 4, peepholes=True)",
                "--out", dir.resolve("z").toString());
        assertEquals(1, bad.exit(), bad.toString());
        assertTrue(bad.err().contains("unknown argument 'peepholes' of LSTM"), bad.err());
        CliRun both = CliRun.of("import", "pt", "--state-dict", "x.pt", "--out", "d");
        assertEquals(2, both.exit(), both.toString());
    }
}
