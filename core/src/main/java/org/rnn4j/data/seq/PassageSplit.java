package org.rnn4j.data.seq;

/** How {@link PassageReader} cuts plain text into passages. All rules are deterministic. */
public sealed interface PassageSplit {

    /** Each non-blank line is a passage (e.g. a word list with one word per line), trimmed. */
    record Lines() implements PassageSplit {
    }

    /** Blocks of non-blank lines separated by blank lines; the lines are trimmed and joined with one space. */
    record Paragraphs() implements PassageSplit {
    }

    /**
     * Consecutive, non-overlapping runs of {@code words} whitespace-separated words, ignoring line and
     * paragraph breaks and joined with one space; the last passage may be shorter.
     */
    record WordWindows(int words) implements PassageSplit {
        public WordWindows {
            if (words < 1) {
                throw new IllegalArgumentException("passage split: words per passage must be >= 1, got " + words);
            }
        }
    }

    static PassageSplit lines() {
        return new Lines();
    }

    static PassageSplit paragraphs() {
        return new Paragraphs();
    }

    static PassageSplit wordWindows(int words) {
        return new WordWindows(words);
    }
}
