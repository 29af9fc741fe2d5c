package org.rnn4j.classify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnn4j.data.encode.Encoder;
import org.rnn4j.data.encode.EncoderFitter;
import org.rnn4j.data.encode.EncoderSpec;
import org.rnn4j.data.seq.Example;
import org.rnn4j.data.seq.LabelSet;
import org.rnn4j.data.text.TextCase;
import org.rnn4j.data.text.VocabularyOptions;
import org.rnn4j.io.FileFormatException;
import org.rnn4j.io.ModelDirectory;
import org.rnn4j.io.SafeTensors;
import org.rnn4j.rand.Rng;

class ClassifierFilesTest {
    @TempDir
    Path dir;

    private static final List<Example> WORDS = List.of(
            new Example("1", "en", "hello"), new Example("2", "de", "hallo"), new Example("3", "en", "world"),
            new Example("4", "de", "welt"), new Example("5", "fr", "monde"), new Example("6", "fr", "bonjour"));

    @Test
    void savedModelPredictsBitIdentically() throws Exception {
        Encoder chars = EncoderFitter.fit(new EncoderSpec.CharVocabulary(TextCase.LOWER, VocabularyOptions.DEFAULTS), WORDS.stream());
        LabelSet labels = LabelSet.of(List.of("de", "en", "fr"));
        ClassifierArchitecture a = ClassifierDefaults.architecture(chars, 3, 50).withHiddenSize(7).withNumLayers(2);
        ClassifierModel m = new ClassifierModel(new SequenceClassifier(a, new Rng(11)), chars, labels, 50, TrainSettings.DEFAULTS);
        ClassifierFiles.save(dir, m, Map.of("best_epoch", 3));

        ClassifierModel back = ClassifierFiles.load(dir);
        assertEquals(chars, back.encoder());
        assertEquals(labels, back.labels());
        assertEquals(a, back.network().architecture());
        assertEquals(TrainSettings.DEFAULTS, back.training());
        Prediction p = m.predict(WORDS.iterator()).next();
        Prediction q = back.predict(WORDS.iterator()).next();
        assertArrayEquals(p.probabilities().data(), q.probabilities().data()); // bitwise
        assertArrayEquals(p.predicted(), q.predicted());

        JsonNode config = new ObjectMapper().readTree(dir.resolve(ModelDirectory.CONFIG).toFile());
        assertEquals("sequence_classification", config.get("task").asText());
        assertEquals("chars", config.get("encoder").get("type").asText());
        assertTrue(config.get("encoder").get("vocabulary").toString().contains("\"w\""));
        assertEquals(7, config.get("architecture").get("hidden_size").asInt());
        assertEquals(List.of("de", "en", "fr"), List.of(config.get("labels").get(0).asText(), config.get("labels").get(1).asText(),
                config.get("labels").get(2).asText()));
        assertEquals(3, config.get("result").get("best_epoch").asInt());
        assertTrue(config.has("rnn4j_version"));
        assertTrue(SafeTensors.read(dir.resolve(ModelDirectory.WEIGHTS)).stateDict().containsKey("rnn.weight_hh_l1_reverse"));
    }

    @Test
    void anEnsembleAveragesItsMembersAndReloadsBitIdentically() throws Exception {
        Encoder chars = EncoderFitter.fit(new EncoderSpec.CharVocabulary(TextCase.LOWER, VocabularyOptions.DEFAULTS), WORDS.stream());
        LabelSet labels = LabelSet.of(List.of("de", "en", "fr"));
        ClassifierArchitecture a = ClassifierDefaults.architecture(chars, 3, 50).withHiddenSize(5).withPositions(3, 50);
        ClassifierModel one = new ClassifierModel(new SequenceClassifier(a, new Rng(1)), chars, labels, 50, TrainSettings.DEFAULTS);
        ClassifierModel two = new ClassifierModel(new SequenceClassifier(a, new Rng(2)), chars, labels, 50, TrainSettings.DEFAULTS);
        ClassifierModel e = ClassifierModel.ensemble(List.of(one, two));
        float[] p1 = one.predict(WORDS.iterator()).next().probabilities().data();
        float[] p2 = two.predict(WORDS.iterator()).next().probabilities().data();
        float[] pe = e.predict(WORDS.iterator()).next().probabilities().data();
        for (int i = 0; i < pe.length; i++) {
            assertEquals((p1[i] + p2[i]) / 2, pe[i], 1e-6);
        }
        ClassifierFiles.save(dir, e, Map.of());
        assertTrue(SafeTensors.read(dir.resolve(ModelDirectory.WEIGHTS)).stateDict().keySet().containsAll(List.of(
                "members.0.embedding.weight", "members.1.position_embedding.weight", "members.1.head.bias")));
        ClassifierModel back = ClassifierFiles.load(dir);
        assertEquals(2, back.members().size());
        assertArrayEquals(pe, back.predict(WORDS.iterator()).next().probabilities().data());
    }

    @Test
    void aModelDirectoryOfAnotherKindIsRejectedNamingTheFile() throws Exception {
        Encoder chars = EncoderFitter.fit(new EncoderSpec.CharVocabulary(TextCase.LOWER, VocabularyOptions.DEFAULTS), WORDS.stream());
        ClassifierModel m = new ClassifierModel(new SequenceClassifier(ClassifierDefaults.architecture(chars, 3, 50).withHiddenSize(4),
                new Rng(1)), chars, LabelSet.of(List.of("de", "en", "fr")), 50, TrainSettings.DEFAULTS);
        ClassifierFiles.save(dir, m, Map.of());
        Path config = dir.resolve(ModelDirectory.CONFIG);
        Files.writeString(config, Files.readString(config).replace("sequence_classification", "forecast"));
        FileFormatException e = assertThrows(FileFormatException.class, () -> ClassifierFiles.load(dir));
        assertTrue(e.getMessage().startsWith(config.toString()) && e.getMessage().contains("not a sequence classifier"), e.getMessage());
    }
}
