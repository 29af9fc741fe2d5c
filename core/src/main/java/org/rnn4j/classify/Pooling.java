package org.rnn4j.classify;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * How a sequence classifier turns the recurrent outputs of one sequence into one vector. Every kind
 * looks only at the sequence's valid steps, never at padding. Several kinds are concatenated in
 * the order given.
 */
public enum Pooling {
    /** The final hidden state {@code h_n} of the last layer (both directions when bidirectional). */
    LAST,
    /** The mean of the last layer's outputs over the valid steps. */
    MEAN,
    /** The per-feature maximum of the last layer's outputs over the valid steps. */
    MAX;

    /** The name in configs and on the command line: {@code last}, {@code mean}, {@code max}. */
    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Pooling parse(String s) {
        for (Pooling p : values()) {
            if (p.id().equalsIgnoreCase(s.trim())) {
                return p;
            }
        }
        throw new IllegalArgumentException("pooling: unknown kind '" + s + "', expected last, mean or max");
    }
}
