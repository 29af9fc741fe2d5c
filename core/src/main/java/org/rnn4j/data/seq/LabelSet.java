package org.rnn4j.data.seq;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.rnn4j.data.InputFormatException;

/**
 * The class labels of a classifier and their indices. Labels are kept in <b>sorted order</b>
 * ({@link String#compareTo}), so the same labels give the same indices whatever order the data
 * arrive in (shuffled or not). Serialises to JSON as a plain array, e.g. {@code ["ei","ie","n"]}.
 */
public final class LabelSet {
    private final List<String> labels;
    private final Map<String, Integer> index = new HashMap<>();

    private LabelSet(List<String> sortedDistinct) {
        if (sortedDistinct.isEmpty()) {
            throw new IllegalArgumentException("label set: needs at least one label, got none");
        }
        this.labels = List.copyOf(sortedDistinct);
        for (int i = 0; i < labels.size(); i++) {
            index.put(labels.get(i), i);
        }
    }

    /** The distinct labels of {@code labels}, sorted. */
    public static LabelSet of(Collection<String> labels) {
        for (String l : labels) {
            if (l == null || l.isEmpty()) {
                throw new IllegalArgumentException("label set: labels must be non-empty strings, got " + (l == null ? "null" : "\"\""));
            }
        }
        return new LabelSet(List.copyOf(new TreeSet<>(labels)));
    }

    /** Reads the JSON form; the array must be sorted and without duplicates. */
    @JsonCreator
    public static LabelSet fromJson(List<String> labels) {
        LabelSet s = of(labels);
        if (!s.labels.equals(labels)) {
            throw new IllegalArgumentException("label set: stored labels must be sorted and distinct, got " + labels);
        }
        return s;
    }

    /** The labels of examples, collected while streaming; every example must have a label. */
    public static final class Builder {
        private final TreeSet<String> seen = new TreeSet<>();

        /** An empty builder. */
        public Builder() {
        }

        public Builder add(Example e) {
            if (!e.hasLabel()) {
                throw new InputFormatException(e.source(), "example '" + e.id() + "' has no label");
            }
            if (e.label().isEmpty()) {
                throw new InputFormatException(e.source(), "example '" + e.id() + "' has an empty label");
            }
            seen.add(e.label());
            return this;
        }

        public LabelSet build() {
            if (seen.isEmpty()) {
                throw new IllegalArgumentException("label set: no labelled examples");
            }
            return new LabelSet(List.copyOf(seen));
        }
    }

    /** The index of {@code e}'s label; an error naming the example's file and line if it has none or an unknown one. */
    public int index(Example e) {
        if (!e.hasLabel()) {
            throw new InputFormatException(e.source(), "example '" + e.id() + "' has no label");
        }
        Integer i = index.get(e.label());
        if (i == null) {
            throw new InputFormatException(e.source(), "unknown label '" + e.label() + "' for example '" + e.id()
                    + "' (known labels: " + String.join(", ", labels) + ")");
        }
        return i;
    }

    /** The index of {@code label}, or -1 if it is not in the set. */
    public int indexOf(String label) {
        return index.getOrDefault(label, -1);
    }

    public String label(int i) {
        if (i < 0 || i >= labels.size()) {
            throw new IllegalArgumentException("label set: index must be in [0, " + labels.size() + "), got " + i);
        }
        return labels.get(i);
    }

    public int size() {
        return labels.size();
    }

    @JsonValue
    public List<String> labels() {
        return labels;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LabelSet s && s.labels.equals(labels);
    }

    @Override
    public int hashCode() {
        return labels.hashCode();
    }

    @Override
    public String toString() {
        return "LabelSet" + labels;
    }
}
