package org.rnn4j.data.series;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.rnn4j.data.DelimitedRecords;
import org.rnn4j.data.InputFormatException;
import org.rnn4j.data.LineReader;
import org.rnn4j.data.SourceLocation;

/**
 * A CSV file as text cells: a header row of column names and data rows, each remembering its line.
 * Comma-separated by default; a header with no comma but tabs or semicolons selects that separator.
 * Fields are split by {@link DelimitedRecords} (RFC 4180 quoting: {@code "a, b"}, {@code ""} for a
 * quote, line breaks inside quotes); blank lines are skipped; the file is strict UTF-8, a byte-order
 * mark is ignored and a name ending in {@code .gz} is decompressed.
 */
public final class CsvTable {
    private final Path file;
    private final List<String> columns;
    private final List<String[]> rows;
    private final int[] lines;

    private CsvTable(Path file, List<String> columns, List<String[]> rows, int[] lines) {
        this.file = file;
        this.columns = List.copyOf(columns);
        this.rows = rows;
        this.lines = lines;
    }

    /**
     * Reads {@code file}; every format problem is an {@link InputFormatException} naming the file and
     * line (and column, for a quoting problem).
     *
     * @throws NoSuchFileException if there is no such file
     */
    public static CsvTable read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, Files.exists(file) ? "not a file" : "no such file");
        }
        List<String[]> rows = new ArrayList<>();
        List<Integer> lineNumbers = new ArrayList<>();
        List<String> header;
        try (LineReader in = LineReader.open(file)) {
            DelimitedRecords records = new DelimitedRecords(in);
            String first = records.peekFirstLine();
            if (first == null) {
                throw new InputFormatException(SourceLocation.file(file.toString()),
                        "empty file: expected a header row with column names");
            }
            records.delimiter(separatorOf(first));
            header = parseHeader(records.next(), records.recordLocation());
            for (List<String> fields = records.next(); fields != null; fields = records.next()) {
                if (fields.size() != header.size()) {
                    throw new InputFormatException(records.recordLocation(), "expected " + header.size() + " fields ("
                            + String.join(", ", header) + "), found " + fields.size());
                }
                rows.add(fields.toArray(new String[0]));
                lineNumbers.add(Math.toIntExact(records.recordLine()));
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return new CsvTable(file, header, rows, lineNumbers.stream().mapToInt(Integer::intValue).toArray());
    }

    /** Comma, unless the header has none outside quotes but a tab or a semicolon. */
    private static char separatorOf(String headerLine) {
        StringBuilder outside = new StringBuilder();
        boolean quoted = false;
        for (char c : headerLine.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted) {
                outside.append(c);
            }
        }
        String o = outside.toString();
        if (o.indexOf(',') >= 0) {
            return ',';
        }
        if (o.indexOf('\t') >= 0) {
            return '\t';
        }
        return o.indexOf(';') >= 0 ? ';' : ',';
    }

    private static List<String> parseHeader(List<String> names, SourceLocation at) {
        Map<String, Integer> seen = new HashMap<>();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String n = names.get(i).trim();
            if (n.isEmpty()) {
                throw new InputFormatException(at, "header: column " + (i + 1) + " has no name");
            }
            Integer before = seen.put(n, i + 1);
            if (before != null) {
                throw new InputFormatException(at, "header: column name '" + n + "' appears twice (columns "
                        + before + " and " + (i + 1) + ")");
            }
            out.add(n);
        }
        return out;
    }

    public Path file() {
        return file;
    }

    /** Column names in file order. */
    public List<String> columns() {
        return columns;
    }

    public int rowCount() {
        return rows.size();
    }

    /** The cell of data row {@code row} (0-based) and column {@code col} (0-based). */
    public String cell(int row, int col) {
        return rows.get(row)[col];
    }

    /** The 1-based file line of data row {@code row}. */
    public int line(int row) {
        return lines[row];
    }

    /** The 0-based index of {@code name}, or -1. */
    public int indexOf(String name) {
        return columns.indexOf(name);
    }

    /** {@code column 'value' (2)}: how errors name a column. */
    public String describe(int col) {
        return "column '" + columns.get(col) + "' (" + (col + 1) + ")";
    }
}
