package org.rnn4j.data.text;

/**
 * How a {@link Vocabulary} is built from counts: tokens seen fewer than {@code minFrequency} times
 * are left out, and at most {@code maxSize} entries are kept <b>including</b> the two specials
 * (as torchtext's {@code max_tokens}). {@link #DEFAULTS}: every token seen once, no limit.
 */
public record VocabularyOptions(int minFrequency, int maxSize) {
    public static final int UNLIMITED = Integer.MAX_VALUE;
    public static final VocabularyOptions DEFAULTS = new VocabularyOptions(1, UNLIMITED);

    public VocabularyOptions {
        if (minFrequency < 1) {
            throw new IllegalArgumentException("vocabulary: min frequency must be >= 1, got " + minFrequency);
        }
        if (maxSize < Vocabulary.SPECIALS.size()) {
            throw new IllegalArgumentException("vocabulary: max size counts the specials <pad> and <unk>, so must be >= 2, got " + maxSize);
        }
    }
}
