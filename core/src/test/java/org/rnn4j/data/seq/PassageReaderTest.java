package org.rnn4j.data.seq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.StringReader;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class PassageReaderTest {

    private static final String TEXT = "It is a truth\n  universally acknowledged,\n\n\nthat a single man\n\nin possession\n";

    private static List<Example> read(PassageSplit split, String label) {
        try (Stream<Example> s = PassageReader.read(new StringReader(TEXT), "book.txt", split, label)) {
            return s.toList();
        }
    }

    @Test
    void lines() {
        List<Example> ex = read(PassageSplit.lines(), "en");
        assertEquals(List.of("It is a truth", "universally acknowledged,", "that a single man", "in possession"),
                ex.stream().map(Example::sequence).toList());
        assertEquals(List.of("book.txt#1", "book.txt#2", "book.txt#3", "book.txt#4"), ex.stream().map(Example::id).toList());
        assertEquals(List.of(1L, 2L, 5L, 7L), ex.stream().map(e -> e.source().line()).toList());
        assertEquals("en", ex.get(3).label());
    }

    @Test
    void paragraphs() {
        List<Example> ex = read(PassageSplit.paragraphs(), null);
        assertEquals(List.of("It is a truth universally acknowledged,", "that a single man", "in possession"),
                ex.stream().map(Example::sequence).toList());
        assertEquals(List.of(1L, 5L, 7L), ex.stream().map(e -> e.source().line()).toList());
        assertEquals(false, ex.get(0).hasLabel());
    }

    @Test
    void wordWindowsCrossLinesAndAreDeterministic() {
        List<Example> ex = read(PassageSplit.wordWindows(4), "austen");
        assertEquals(List.of("It is a truth", "universally acknowledged, that a", "single man in possession"),
                ex.stream().map(Example::sequence).toList());
        assertEquals(List.of(1L, 2L, 5L), ex.stream().map(e -> e.source().line()).toList());
        assertEquals(ex, read(PassageSplit.wordWindows(4), "austen"));
        List<Example> five = read(PassageSplit.wordWindows(5), null);
        assertEquals("in possession", five.get(2).sequence()); // 11 words: the last one is shorter
        assertEquals(3, five.size());
        assertThrows(IllegalArgumentException.class, () -> PassageSplit.wordWindows(0));
    }
}
