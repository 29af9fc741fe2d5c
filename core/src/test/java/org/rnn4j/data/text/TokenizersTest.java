package org.rnn4j.data.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TokenizersTest {

    @Test
    void wordsKeepInnerApostrophesAndSplitPunctuation() {
        assertEquals(List.of("Well", "-", "known", ",", "isn't", "it", "?"), Tokenizers.words("Well-known, isn't it?", TextCase.KEEP));
        assertEquals(List.of("l'homme", "über", "straße", "42", "…"), Tokenizers.words("  L'Homme\tÜBER Straße 42…\n", TextCase.LOWER));
        assertEquals(List.of(), Tokenizers.words(" \t\n", TextCase.KEEP));
        assertTrue(Tokenizers.hasTwoWords("a b"));
        assertFalse(Tokenizers.hasTwoWords("abc"));
    }

    @Test
    void charsAreCodePoints() {
        assertEquals(List.of("a", " ", "\uD83D\uDE00", "B"), Tokenizers.chars("a \uD83D\uDE00B", TextCase.KEEP));
        assertEquals(List.of("a", "b"), Tokenizers.chars("AB", TextCase.LOWER));
    }
}
