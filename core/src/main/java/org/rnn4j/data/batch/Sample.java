package org.rnn4j.data.batch;

import java.util.Arrays;
import java.util.Objects;
import org.rnn4j.data.SourceLocation;
import org.rnn4j.data.encode.Encoder;
import org.rnn4j.data.seq.Example;
import org.rnn4j.data.seq.LabelSet;

/**
 * An encoded example: its token ids (never empty), its label index ({@link #NO_LABEL} when
 * unlabelled) and where it came from.
 */
public record Sample(String id, int[] tokens, int label, SourceLocation source) {
    public static final int NO_LABEL = -1;

    public Sample {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        if (tokens.length == 0) {
            throw new IllegalArgumentException("sample: tokens must not be empty (" + source + ")");
        }
        if (label < NO_LABEL) {
            throw new IllegalArgumentException("sample: label must be >= 0 or NO_LABEL, got " + label);
        }
    }

    /**
     * Encodes {@code e}, keeping at most {@code maxLength} tokens (the first ones). With
     * {@code labels} null the sample is unlabelled; otherwise the label must be known (an error
     * naming the example's file and line).
     */
    public static Sample of(Example e, Encoder encoder, LabelSet labels, int maxLength) {
        if (maxLength < 1) {
            throw new IllegalArgumentException("sample: max length must be >= 1, got " + maxLength);
        }
        int[] ids = encoder.encode(e.sequence(), e.source());
        if (ids.length > maxLength) {
            ids = Arrays.copyOf(ids, maxLength);
        }
        return new Sample(e.id(), ids, labels == null ? NO_LABEL : labels.index(e), e.source());
    }

    public int length() {
        return tokens.length;
    }

    public boolean hasLabel() {
        return label != NO_LABEL;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Sample s && s.id.equals(id) && Arrays.equals(s.tokens, tokens) && s.label == label
                && s.source.equals(source);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, Arrays.hashCode(tokens), label, source);
    }

    @Override
    public String toString() {
        return "Sample(" + id + ", length " + tokens.length + ", label " + label + ", " + source + ")";
    }
}
