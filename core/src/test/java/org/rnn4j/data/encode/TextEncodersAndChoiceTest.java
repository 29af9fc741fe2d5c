package org.rnn4j.data.encode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.rnn4j.data.InputFormatException;
import org.rnn4j.data.SourceLocation;
import org.rnn4j.data.dna.AmbiguityPolicy;
import org.rnn4j.data.seq.Example;
import org.rnn4j.data.text.TextCase;
import org.rnn4j.data.text.Tokenizers;
import org.rnn4j.data.text.Vocabulary;
import org.rnn4j.data.text.VocabularyOptions;

class TextEncodersAndChoiceTest {

    private static Stream<Example> examples(String... seqs) {
        return Stream.of(seqs).map(s -> new Example("x", "l", s, new SourceLocation("d.tsv", 2)));
    }

    @Test
    void charsRoundTripAndUnknowns() {
        Encoder enc = EncoderFitter.fit(new EncoderSpec.CharVocabulary(TextCase.KEEP, VocabularyOptions.DEFAULTS),
                examples("Straße", "naïve café"));
        Chars chars = assertInstanceOf(Chars.class, enc);
        for (String s : List.of("Straße", "naïve café", "café naïve")) {
            assertEquals(s, chars.decode(chars.encode(s)));
        }
        int[] ids = chars.encode("Sx");
        assertEquals(Vocabulary.UNK_ID, ids[1]);
        assertEquals("S\uFFFD", chars.decode(ids));
        assertEquals("d.tsv:3: empty sequence",
                assertThrows(InputFormatException.class, () -> chars.encode("", new SourceLocation("d.tsv", 3))).getMessage());
    }

    @Test
    void wordsRoundTripThroughTheTokenizer() {
        String a = "It is a truth universally acknowledged, that a single man";
        String b = "in possession of a good fortune, must be in want of a wife.";
        Words words = assertInstanceOf(Words.class, EncoderFitter.fit(
                new EncoderSpec.WordVocabulary(TextCase.LOWER, VocabularyOptions.DEFAULTS), examples(a, b)));
        for (String s : List.of(a, b)) {
            assertEquals(String.join(" ", Tokenizers.words(s, TextCase.LOWER)), words.decode(words.encode(s)));
        }
        assertEquals("a", words.vocabulary().token(2)); // the most frequent word ("a" x3)
        assertEquals("it is <unk> truth", words.decode(words.encode("IT IS the TRUTH")));
        assertEquals("no words in the text", assertThrows(InputFormatException.class, () -> words.encode("  ")).problem());
        // min frequency 2 keeps only the repeated words
        Words frequent = (Words) EncoderFitter.fit(new EncoderSpec.WordVocabulary(TextCase.LOWER, new VocabularyOptions(2, 1000)),
                examples(a, b));
        assertEquals(List.of("<pad>", "<unk>", "a", ",", "in", "of"), frequent.vocabulary().tokens());
    }

    @Test
    void encodersSurviveJson() throws Exception {
        ObjectMapper json = new ObjectMapper();
        Vocabulary v = Vocabulary.of(List.of("a", "b"));
        List<Encoder> all = List.of(new DnaOneHot(AmbiguityPolicy.ERROR), new Kmer(4, 2, AmbiguityPolicy.ZERO),
                new Chars(v, TextCase.KEEP), new Words(v, TextCase.LOWER));
        for (Encoder e : all) {
            String text = json.writeValueAsString(e);
            assertEquals(e, json.readValue(text, Encoder.class), text);
        }
        assertEquals("{\"type\":\"kmer\",\"k\":4,\"stride\":2,\"policy\":\"ZERO\"}", json.writeValueAsString(all.get(1)));
        assertEquals("{\"type\":\"words\",\"vocabulary\":[\"<pad>\",\"<unk>\",\"a\",\"b\"],\"textCase\":\"LOWER\"}",
                json.writeValueAsString(all.get(3)));
    }

    @Test
    void automaticChoiceFollowsTheAlphabet() {
        // DNA: ACGT, soft-masked lower case, N and other IUPAC codes
        assertEquals(new DnaOneHot(AmbiguityPolicy.ZERO), EncoderFitter.fit(EncoderSpec.DEFAULT, examples("ACGTNNacgtRY", "GATTACA")));
        // single words whose letters happen to be IUPAC codes are not DNA once A/C/G/T are too few
        Encoder words = EncoderFitter.fit(EncoderSpec.DEFAULT, examples("band", "hand", "sand"));
        assertInstanceOf(Chars.class, words);
        // a word list with other letters: characters
        assertInstanceOf(Chars.class, EncoderFitter.fit(EncoderSpec.DEFAULT, examples("Haus", "maison", "casa")));
        // sentences: words (lower-cased by default)
        Words w = assertInstanceOf(Words.class, EncoderFitter.fit(EncoderSpec.DEFAULT,
                examples("The cat sat.", "A dog ran", "word")));
        assertEquals(TextCase.LOWER, w.textCase());
        // one stray character makes it text, and the explanation points at it
        EncoderFitter f = new EncoderFitter(EncoderSpec.DEFAULT);
        examples("ACGT", "ACGU").forEach(f::accept);
        assertEquals(AlphabetStats.Choice.CHARS, f.stats().choice());
        assertTrue(f.stats().explain().contains("first non-DNA character 'U' at d.tsv:2"), f.stats().explain());
        assertThrows(IllegalArgumentException.class, () -> EncoderFitter.fit(EncoderSpec.DEFAULT, Stream.of()));
        assertThrows(InputFormatException.class, () -> EncoderFitter.fit(EncoderSpec.DEFAULT, examples("ACGT", "")));
        // a given encoder is returned as it is
        Kmer k = new Kmer(3, 1, AmbiguityPolicy.ZERO);
        assertEquals(k, EncoderFitter.fit(new EncoderSpec.Given(k), examples("hello world")));
        assertArrayEquals(new int[] {1, 2}, new DnaOneHot(AmbiguityPolicy.ZERO).encode("ac"));
    }
}
