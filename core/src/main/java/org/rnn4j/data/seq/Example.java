package org.rnn4j.data.seq;

import java.util.Objects;
import org.rnn4j.data.SourceLocation;

/**
 * One sequence to classify: an id, its label ({@code null} when the input has none, e.g. data to
 * score), the raw sequence text, and where it was read (for error messages).
 */
public record Example(String id, String label, String sequence, SourceLocation source) {

    public Example {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(sequence, "sequence");
        Objects.requireNonNull(source, "source");
    }

    /** An example built in code (location unknown). */
    public Example(String id, String label, String sequence) {
        this(id, label, sequence, SourceLocation.unknown());
    }

    public boolean hasLabel() {
        return label != null;
    }
}
