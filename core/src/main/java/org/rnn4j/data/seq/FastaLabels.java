package org.rnn4j.data.seq;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where a FASTA record's label comes from. The record id is always the header's first
 * whitespace-separated word (after {@code >}).
 *
 * <ul>
 *   <li>{@link HeaderKey} (the default, key {@code label}): the value of {@code label=VALUE} anywhere
 *       in the header; the value ends at whitespace, {@code |}, {@code ;} or {@code ,}. E.g.
 *       {@code >seq7 label=ei len=60} and {@code >seq7|label=ei} both give {@code ei}. A header
 *       without the key gives an unlabelled record.</li>
 *   <li>{@link LastField}: the last field of the header split on a separator, e.g. with {@code |}
 *       {@code >chr1:100-160|ei} gives {@code ei}.</li>
 *   <li>{@link Table}: a separate labels file mapping id → label ({@link LabelsFile}); a record whose
 *       id is missing from it is an error.</li>
 *   <li>{@link None}: unlabelled (data to score).</li>
 * </ul>
 */
public sealed interface FastaLabels {

    /** The value of {@code key=VALUE} in the header. */
    record HeaderKey(String key) implements FastaLabels {
        public HeaderKey {
            if (key == null || key.isEmpty() || !key.matches("[A-Za-z0-9_.-]+")) {
                throw new IllegalArgumentException("fasta labels: header key must be letters, digits, '_', '.' or '-', got " + key);
            }
        }

        Pattern pattern() {
            return Pattern.compile("(?:^|[\\s|;,])" + Pattern.quote(key) + "=([^\\s|;,]+)");
        }
    }

    /** The last field of the header split on {@code separator}. */
    record LastField(String separator) implements FastaLabels {
        public LastField {
            if (separator == null || separator.isEmpty()) {
                throw new IllegalArgumentException("fasta labels: separator must be non-empty, got " + separator);
            }
        }
    }

    /** Labels by record id; {@code source} names the table in error messages. */
    record Table(Map<String, String> labels, String source) implements FastaLabels {
        public Table {
            labels = Map.copyOf(labels);
            Objects.requireNonNull(source, "source");
        }
    }

    /** No labels: the records are data to score. */
    record None() implements FastaLabels {
    }

    /** {@code label=VALUE} in the header. */
    FastaLabels DEFAULT = new HeaderKey("label");

    static FastaLabels headerKey(String key) {
        return new HeaderKey(key);
    }

    static FastaLabels lastField(String separator) {
        return new LastField(separator);
    }

    /** Reads a labels file now (see {@link LabelsFile}). */
    static FastaLabels file(Path path) {
        return new Table(LabelsFile.read(path), path.toString());
    }

    static FastaLabels none() {
        return new None();
    }
}
