package org.rnn4j.classify;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * Class weights of the cross-entropy loss. {@link #BALANCED} weighs class c by {@code N / (C·n_c)}
 * (scikit-learn's "balanced"), so every class contributes equally; {@link #AUTO} does that only
 * when the classes are clearly imbalanced (the largest class at least {@value #AUTO_RATIO} times
 * the smallest).
 */
public enum ClassWeighting {
    NONE, BALANCED, AUTO;

    /** The imbalance (largest / smallest class count) from which {@link #AUTO} weighs classes. */
    public static final double AUTO_RATIO = 3.0;

    /** The weights [C] for the training class counts, or null for none. */
    public float[] weights(long[] counts) {
        long min = Long.MAX_VALUE;
        long max = 0;
        long n = 0;
        for (long c : counts) {
            min = Math.min(min, c);
            max = Math.max(max, c);
            n += c;
        }
        boolean on = this == BALANCED || (this == AUTO && max >= AUTO_RATIO * min);
        if (!on) {
            return null;
        }
        float[] w = new float[counts.length];
        for (int c = 0; c < counts.length; c++) {
            w[c] = counts[c] == 0 ? 0f : (float) ((double) n / (counts.length * (double) counts[c]));
        }
        return w;
    }

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static ClassWeighting parse(String s) {
        for (ClassWeighting w : values()) {
            if (w.id().equalsIgnoreCase(s.trim())) {
                return w;
            }
        }
        throw new IllegalArgumentException("class weights: unknown choice '" + s + "', expected none, balanced or auto");
    }
}
