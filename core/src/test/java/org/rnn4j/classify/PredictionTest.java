package org.rnn4j.classify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rnn4j.data.encode.Encoder;
import org.rnn4j.data.encode.EncoderFitter;
import org.rnn4j.data.encode.EncoderSpec;
import org.rnn4j.data.seq.Example;
import org.rnn4j.data.seq.LabelSet;
import org.rnn4j.data.text.TextCase;
import org.rnn4j.data.text.VocabularyOptions;
import org.rnn4j.rand.Rng;
import org.rnn4j.tensor.Shape;
import org.rnn4j.tensor.Tensor;

class PredictionTest {
    private static final Tensor P = Tensor.of(Shape.of(2, 3), 0.2f, 0.7f, 0.1f, 0.5f, 0.25f, 0.25f);

    @Test
    void eachRowHasItsLabelScoreAndProbabilities() {
        Prediction p = new Prediction(List.of("a", "b"), new int[] {1, 0}, P, List.of("de", "en", "fr"));
        assertEquals(2, p.size());
        assertEquals("en", p.label(0));
        assertEquals("de", p.label(1));
        assertEquals(0.7f, p.score(0));
        assertEquals(0.5f, p.score(1));
        assertArrayEquals(new float[] {0.5f, 0.25f, 0.25f}, p.probabilities(1));
        p.probabilities(0)[0] = 9f; // a copy: the prediction is unchanged
        assertEquals(0.2f, p.probabilities().get(0, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> p.label(2));
        assertThrows(IndexOutOfBoundsException.class, () -> p.probabilities(-1));
    }

    @Test
    void sizesThatDisagreeAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Prediction(List.of("a", "b"), new int[] {1, 0}, P, List.of("de", "en")));
        assertEquals("prediction: 2 ids, 2 predictions, probabilities [2, 3] and 2 classes do not agree "
                + "(expected probabilities [2, 2])", e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new Prediction(List.of("a"), new int[] {1, 0}, P, List.of("de", "en", "fr")));
    }

    @Test
    void aModelsPredictionsNameItsLabelsRowByRow() {
        List<Example> words = List.of(new Example("1", "en", "hello"), new Example("2", "de", "hallo"),
                new Example("3", "fr", "monde"));
        Encoder chars = EncoderFitter.fit(new EncoderSpec.CharVocabulary(TextCase.LOWER, VocabularyOptions.DEFAULTS), words.stream());
        LabelSet labels = LabelSet.of(List.of("de", "en", "fr"));
        ClassifierArchitecture a = ClassifierDefaults.architecture(chars, 3, 50).withHiddenSize(5);
        ClassifierModel m = new ClassifierModel(new SequenceClassifier(a, new Rng(4)), chars, labels, 50, TrainSettings.DEFAULTS);
        Prediction p = m.predict(words.iterator()).next();
        assertEquals(labels.labels(), p.classes());
        float[] all = p.probabilities().data();
        for (int i = 0; i < p.size(); i++) {
            int k = p.predicted()[i];
            assertEquals(labels.label(k), p.label(i));
            assertEquals(all[i * 3 + k], p.score(i));
            assertArrayEquals(java.util.Arrays.copyOfRange(all, i * 3, i * 3 + 3), p.probabilities(i));
        }
    }
}
