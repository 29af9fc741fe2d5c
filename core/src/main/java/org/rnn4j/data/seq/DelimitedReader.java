package org.rnn4j.data.seq;

import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.rnn4j.data.DelimitedRecords;
import org.rnn4j.data.InputFormatException;
import org.rnn4j.data.LineReader;
import org.rnn4j.data.SourceLocation;

/**
 * Reads examples from a TSV or CSV file, one per row, streaming (the file is never held in memory).
 * Columns are chosen by {@link DelimitedOptions}. Fields are trimmed of surrounding spaces. Every
 * row must have as many fields as the header (or, without a header, as the first row). An empty
 * sequence is an error; an empty label means "no label".
 *
 * <pre>{@code
 * try (Stream<Example> s = DelimitedReader.read(Path.of("splice_train.tsv"), DelimitedOptions.DEFAULTS)) { ... }
 * }</pre>
 */
public final class DelimitedReader {
    private static final List<String> SEQUENCE_NAMES = List.of("sequence", "seq", "text", "sentence");
    private static final List<String> LABEL_NAMES = List.of("label", "class", "category", "target");
    private static final List<String> ID_NAMES = List.of("id", "name");

    private DelimitedReader() {
    }

    /** The examples of {@code path}; close the stream to close the file. */
    public static Stream<Example> read(Path path, DelimitedOptions options) {
        String name = path.getFileName() == null ? "" : path.getFileName().toString().toLowerCase(Locale.ROOT);
        return read(LineReader.open(path), options, name.replaceFirst("\\.gz$", ""));
    }

    /** The examples of {@code reader}; {@code name} is used in error messages and to choose the delimiter. */
    public static Stream<Example> read(Reader reader, String name, DelimitedOptions options) {
        return read(new LineReader(reader, name), options, name.toLowerCase(Locale.ROOT));
    }

    private static Stream<Example> read(LineReader in, DelimitedOptions options, String lowerName) {
        try {
            return ExampleIterator.stream(new Rows(in, options, lowerName));
        } catch (RuntimeException e) {
            in.close();
            throw e;
        }
    }

    private static final class Rows extends ExampleIterator {
        private final LineReader in;
        private final DelimitedRecords records;
        private final int fieldCount;
        private final int seqCol;
        private final int labelCol; // -1: none
        private final int idCol; // -1: line numbers
        private final List<String> columnNames; // null: no header row
        private List<String> firstRow;
        private long firstRowLine;

        Rows(LineReader in, DelimitedOptions o, String lowerName) {
            this.in = in;
            this.records = new DelimitedRecords(in);
            String first = records.peekFirstLine();
            if (first == null) {
                throw new InputFormatException(SourceLocation.file(in.name()), "the file is empty");
            }
            records.delimiter(chooseDelimiter(o.delimiter(), lowerName, first));
            List<String> firstRecord = records.next();
            if (o.header() == DelimitedOptions.HeaderRow.PRESENT) {
                List<String> names = new ArrayList<>();
                for (String h : firstRecord) {
                    names.add(h.trim());
                }
                this.columnNames = names;
            } else {
                this.columnNames = null;
                this.firstRow = firstRecord; // data: returned by the first computeNext
                this.firstRowLine = records.recordLine();
            }
            this.fieldCount = firstRecord.size();
            SourceLocation headerAt = in.at(records.recordLine());
            this.seqCol = resolve(o.sequence(), SEQUENCE_NAMES, "sequence", headerAt, true);
            this.labelCol = resolve(o.label(), LABEL_NAMES, "label", headerAt, false);
            this.idCol = resolve(o.id(), ID_NAMES, "id", headerAt, false);
        }

        private int resolve(Column c, List<String> usual, String role, SourceLocation headerAt, boolean required) {
            if (c instanceof Column.Absent) {
                return -1;
            }
            if (c instanceof Column.Numbered n) {
                if (n.number() > fieldCount) {
                    throw new InputFormatException(headerAt, role + " column " + n.number() + " does not exist: rows have "
                            + fieldCount + " fields");
                }
                return n.number() - 1;
            }
            if (c instanceof Column.Named n) {
                int i = findHeader(List.of(n.name()));
                if (i < 0) {
                    throw new InputFormatException(headerAt, columnNames == null
                            ? "cannot find " + role + " column '" + n.name() + "': the file has no header row; choose it by number"
                            : "no " + role + " column '" + n.name() + "' in the header (columns: " + String.join(", ", columnNames) + ")");
                }
                return i;
            }
            int i = findHeader(usual); // Column.Usual
            if (i < 0 && required) {
                throw new InputFormatException(headerAt, columnNames == null
                        ? "the file has no header row: choose the " + role + " column by number"
                        : "no " + role + " column in the header (looked for " + String.join(", ", usual) + "; columns: "
                                + String.join(", ", columnNames) + "); choose one by name or number");
            }
            return i;
        }

        private int findHeader(List<String> wanted) {
            if (columnNames == null) {
                return -1;
            }
            for (String w : wanted) {
                for (int i = 0; i < columnNames.size(); i++) {
                    if (columnNames.get(i).equalsIgnoreCase(w.trim())) {
                        return i;
                    }
                }
            }
            return -1;
        }

        @Override
        protected Example computeNext() {
            List<String> row;
            long line;
            if (firstRow != null) {
                row = firstRow;
                line = firstRowLine;
                firstRow = null;
            } else {
                row = records.next();
                line = records.recordLine();
            }
            if (row == null) {
                return null;
            }
            SourceLocation at = in.at(line);
            if (row.size() != fieldCount) {
                throw new InputFormatException(at, "expected " + fieldCount + " fields"
                        + (columnNames == null ? "" : " (" + String.join(", ", columnNames) + ")") + ", found " + row.size());
            }
            String seq = row.get(seqCol).trim();
            if (seq.isEmpty()) {
                throw new InputFormatException(at, "empty sequence in column " + describe(seqCol));
            }
            String label = labelCol < 0 ? null : row.get(labelCol).trim();
            String id = idCol < 0 ? Long.toString(line) : row.get(idCol).trim();
            return new Example(id, label == null || label.isEmpty() ? null : label, seq, at);
        }

        private String describe(int col) {
            return columnNames == null ? Integer.toString(col + 1) : "'" + columnNames.get(col) + "'";
        }

        @Override
        public void close() {
            in.close();
        }
    }

    static char chooseDelimiter(DelimitedOptions.Delimiter d, String lowerName, String firstLine) {
        if (d != DelimitedOptions.Delimiter.AUTO) {
            return d.character();
        }
        if (lowerName.endsWith(".tsv") || lowerName.endsWith(".tab")) {
            return '\t';
        }
        if (lowerName.endsWith(".csv")) {
            return ',';
        }
        return firstLine.indexOf('\t') >= 0 ? '\t' : ',';
    }
}
