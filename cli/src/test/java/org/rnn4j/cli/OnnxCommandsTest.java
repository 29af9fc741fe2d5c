package org.rnn4j.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnn4j.classify.ClassifierArchitecture;
import org.rnn4j.classify.ClassifierDefaults;
import org.rnn4j.classify.ClassifierFiles;
import org.rnn4j.classify.ClassifierModel;
import org.rnn4j.classify.SequenceClassifier;
import org.rnn4j.classify.TrainSettings;
import org.rnn4j.data.encode.Encoder;
import org.rnn4j.data.encode.EncoderFitter;
import org.rnn4j.data.encode.EncoderSpec;
import org.rnn4j.data.seq.Example;
import org.rnn4j.data.seq.LabelSet;
import org.rnn4j.data.text.TextCase;
import org.rnn4j.data.text.VocabularyOptions;
import org.rnn4j.rand.Rng;

/** {@code rnn4j export onnx} and {@code rnn4j import onnx} from the command line. */
class OnnxCommandsTest {
    @TempDir
    Path dir;

    @Test
    void aClassifierFolderGoesOutAndComesBack() throws Exception {
        List<Example> words = List.of(new Example("1", "en", "hello"), new Example("2", "de", "hallo"));
        Encoder chars = EncoderFitter.fit(new EncoderSpec.CharVocabulary(TextCase.LOWER, VocabularyOptions.DEFAULTS), words.stream());
        ClassifierArchitecture a = ClassifierDefaults.architecture(chars, 2, 30).withHiddenSize(5);
        ClassifierModel m = new ClassifierModel(new SequenceClassifier(a, new Rng(3)), chars, LabelSet.of(List.of("de", "en")), 30,
                TrainSettings.DEFAULTS);
        Path src = dir.resolve("src");
        ClassifierFiles.save(src, m, Map.of());
        Path file = dir.resolve("m.onnx");

        CliRun out = CliRun.of("export", "onnx", "--model", src.toString(), "--out", file.toString());
        assertEquals(0, out.exit(), out.toString());
        assertTrue(Files.size(file) > 0);
        assertTrue(out.err().contains("opset 17"), out.toString());

        Path back = dir.resolve("back");
        CliRun in = CliRun.of("import", "onnx", "--model", file.toString(), "--out", back.toString());
        assertEquals(0, in.exit(), in.toString());
        assertArrayEquals(m.stateDict().get("head.weight").data(), ClassifierFiles.load(back).stateDict().get("head.weight").data());

        Files.write(dir.resolve("junk.onnx"), new byte[] {0x3a, 0x7f});
        CliRun bad = CliRun.of("import", "onnx", "--model", dir.resolve("junk.onnx").toString(), "--out", dir.resolve("x").toString());
        assertEquals(1, bad.exit(), bad.toString());
        assertTrue(bad.err().contains("junk.onnx"), bad.toString());
    }
}
