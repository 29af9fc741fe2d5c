package org.rnn4j.data.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VocabularyTest {

    private static TokenCounts counts(String... tokens) {
        TokenCounts c = new TokenCounts();
        c.addAll(List.of(tokens));
        return c;
    }

    @Test
    void specialsFirstThenByFrequencyThenAlphabetical() {
        Vocabulary v = Vocabulary.build(counts("b", "a", "c", "a", "b", "d", "a"), VocabularyOptions.DEFAULTS);
        assertEquals(List.of("<pad>", "<unk>", "a", "b", "c", "d"), v.tokens());
        assertEquals(0, v.id("<pad>"));
        assertEquals(Vocabulary.UNK_ID, v.id("zzz"));
        assertFalse(v.contains("zzz"));
        assertTrue(v.contains("c"));
        assertEquals("b", v.token(3));
        // the order of arrival does not matter
        assertEquals(v, Vocabulary.build(counts("d", "c", "a", "a", "a", "b", "b"), VocabularyOptions.DEFAULTS));
    }

    @Test
    void minFrequencyAndMaxSizeCountingSpecials() {
        TokenCounts c = counts("x", "x", "x", "y", "y", "z", "<unk>", "<unk>", "<unk>", "<unk>");
        assertEquals(List.of("<pad>", "<unk>", "x", "y"), Vocabulary.build(c, new VocabularyOptions(2, 100)).tokens());
        assertEquals(List.of("<pad>", "<unk>", "x"), Vocabulary.build(c, new VocabularyOptions(1, 3)).tokens());
        assertEquals(List.of("<pad>", "<unk>"), Vocabulary.build(c, new VocabularyOptions(1, 2)).tokens());
        assertThrows(IllegalArgumentException.class, () -> new VocabularyOptions(0, 10));
        assertThrows(IllegalArgumentException.class, () -> new VocabularyOptions(1, 1));
    }

    @Test
    void jsonRoundTrip(@TempDir Path dir) throws Exception {
        Vocabulary v = Vocabulary.of(List.of("the", ",", "\"quoted\"", "é"));
        Path f = dir.resolve("vocab.json");
        v.save(f);
        assertEquals("[\"<pad>\",\"<unk>\",\"the\",\",\",\"\\\"quoted\\\"\",\"é\"]", Files.readString(f));
        assertEquals(v, Vocabulary.load(f));
        Files.writeString(f, "[\"<unk>\",\"<pad>\",\"a\"]");
        org.rnn4j.data.InputFormatException e = assertThrows(org.rnn4j.data.InputFormatException.class, () -> Vocabulary.load(f));
        assertTrue(e.getMessage().startsWith(f + ": invalid vocabulary"), e.getMessage());
        assertTrue(e.getMessage().contains("must start with <pad>, <unk>"), e.getMessage());
        Files.writeString(f, "[\"<pad>\",\"<unk>\",\"a\",\"a\"]");
        assertTrue(assertThrows(org.rnn4j.data.InputFormatException.class, () -> Vocabulary.load(f)).getMessage().contains("'a' appears twice"));
        assertThrows(IllegalArgumentException.class, () -> Vocabulary.of(List.of("a", "<pad>")));
    }
}
