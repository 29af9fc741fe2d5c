package org.rnn4j.data.encode;

import org.rnn4j.data.dna.Nucleotides;
import org.rnn4j.data.seq.Example;
import org.rnn4j.data.text.Tokenizers;

/**
 * Counts what kind of characters the training sequences hold, to choose an encoding.
 *
 * <p>The rule ({@link #choice()}): <b>DNA</b> if every character is A, C, G, T or an IUPAC code
 * (any case) and A, C, G, T make up at least half of them; otherwise <b>words</b> if at least half
 * of the examples have two or more words (sentences, passages); otherwise <b>characters</b> (single
 * words, names, codes).
 */
public final class AlphabetStats {
    /** The encoding families {@link #choice()} picks from. */
    public enum Choice {
        DNA, WORDS, CHARS
    }

    private long examples;
    private long multiWord;
    private long chars;
    private long bases;
    private long ambiguous;
    private long other;
    private String firstOther; // e.g. "'x' at train.tsv:5"

    /** Statistics over no examples yet; feed them with {@link #accept(Example)}. */
    public AlphabetStats() {
    }

    public void accept(Example e) {
        String s = e.sequence();
        examples++;
        for (int i = 0; i < s.length(); i++) {
            int code = Nucleotides.code(s.charAt(i));
            chars++;
            if (code >= 0) {
                bases++;
            } else if (code == Nucleotides.AMBIGUOUS_CODE) {
                ambiguous++;
            } else {
                if (other++ == 0) {
                    firstOther = "'" + Character.toString(s.codePointAt(i)) + "' at " + e.source();
                }
            }
        }
        if (Tokenizers.hasTwoWords(s)) {
            multiWord++;
        }
    }

    public Choice choice() {
        if (examples == 0) {
            throw new IllegalArgumentException("encoder: cannot choose an encoding from no examples");
        }
        if (other == 0 && 2 * bases >= chars) {
            return Choice.DNA;
        }
        return 2 * multiWord >= examples ? Choice.WORDS : Choice.CHARS;
    }

    /** One line saying what was found and why {@link #choice()} follows, for a user to read. */
    public String explain() {
        Choice c = choice();
        String counts = String.format("%d examples, %d characters: %d A/C/G/T, %d IUPAC ambiguity codes, %d other",
                examples, chars, bases, ambiguous, other);
        return switch (c) {
            case DNA -> "DNA (" + counts + ")";
            case WORDS -> "words: " + multiWord + " of " + examples + " examples have two or more words (" + counts
                    + "; first non-DNA character " + firstOther + ")";
            case CHARS -> (other == 0 ? "characters: A/C/G/T are fewer than half of the characters"
                    : "characters: first non-DNA character " + firstOther) + "; only " + multiWord + " of " + examples
                    + " examples have two or more words (" + counts + ")";
        };
    }

    public long examples() {
        return examples;
    }
}
