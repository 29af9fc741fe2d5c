package org.rnn4j.data.seq;

import java.util.Objects;

/**
 * How to read a TSV / CSV file of examples.
 *
 * <p>Defaults ({@link #DEFAULTS}): the delimiter from the file name ({@code .tsv}/{@code .tab} →
 * tab, {@code .csv} → comma; otherwise tab if the first line has one, else comma); a header row;
 * the sequence column is the first header named {@code sequence}, {@code seq}, {@code text} or
 * {@code sentence}; the label column the first named {@code label}, {@code class}, {@code category}
 * or {@code target} (none found: examples are unlabelled); the id column {@code id} or {@code name}
 * (none found: the line number).
 */
public record DelimitedOptions(Delimiter delimiter, HeaderRow header, Column sequence, Column label, Column id) {

    /** The field separator. */
    public enum Delimiter {
        AUTO, TAB, COMMA;

        char character() {
            return this == COMMA ? ',' : '\t';
        }
    }

    /** Whether the first row names the columns. */
    public enum HeaderRow {
        PRESENT, ABSENT
    }

    public static final DelimitedOptions DEFAULTS =
            new DelimitedOptions(Delimiter.AUTO, HeaderRow.PRESENT, Column.usual(), Column.usual(), Column.usual());

    public DelimitedOptions {
        Objects.requireNonNull(delimiter, "delimiter");
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(sequence, "sequence");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(id, "id");
        if (sequence instanceof Column.Absent) {
            throw new IllegalArgumentException("delimited options: the sequence column cannot be absent");
        }
    }

    public DelimitedOptions withDelimiter(Delimiter d) {
        return new DelimitedOptions(d, header, sequence, label, id);
    }

    public DelimitedOptions withHeader(HeaderRow h) {
        return new DelimitedOptions(delimiter, h, sequence, label, id);
    }

    public DelimitedOptions withSequence(Column c) {
        return new DelimitedOptions(delimiter, header, c, label, id);
    }

    public DelimitedOptions withLabel(Column c) {
        return new DelimitedOptions(delimiter, header, sequence, c, id);
    }

    public DelimitedOptions withId(Column c) {
        return new DelimitedOptions(delimiter, header, sequence, label, c);
    }
}
