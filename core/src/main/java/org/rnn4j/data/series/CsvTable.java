package org.rnn4j.data.series;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.rnn4j.io.FileFormatException;

/**
 * A CSV file as text cells: a header row of column names and data rows, each remembering its line.
 * Comma-separated by default; a header with no comma but tabs or semicolons selects that separator.
 * Fields may be quoted ({@code "a, b"}, {@code ""} for a quote) within one line. Blank lines are
 * skipped; a UTF-8 byte-order mark is ignored.
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

    /** Reads {@code file}; every format problem is a {@link FileFormatException} naming file and line. */
    public static CsvTable read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, Files.exists(file) ? "not a file" : "no such file");
        }
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        List<String> header = null;
        char sep = ',';
        List<String[]> rows = new ArrayList<>();
        List<Integer> lineNumbers = new ArrayList<>();
        int lineNo = 0;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Files.newInputStream(file), decoder))) {
            String line;
            while ((line = in.readLine()) != null) {
                lineNo++;
                if (lineNo == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                if (line.isBlank()) {
                    continue;
                }
                if (header == null) {
                    sep = separatorOf(line);
                    header = parseHeader(file, lineNo, split(file, lineNo, line, sep));
                    continue;
                }
                String[] fields = split(file, lineNo, line, sep);
                if (fields.length != header.size()) {
                    throw new FileFormatException(file, lineNo, "expected " + header.size() + " fields ("
                            + String.join(", ", header) + "), found " + fields.length);
                }
                rows.add(fields);
                lineNumbers.add(lineNo);
            }
        } catch (CharacterCodingException e) {
            throw new FileFormatException(file, "not UTF-8 text (near line " + (lineNo + 1) + ")");
        }
        if (header == null) {
            throw new FileFormatException(file, "empty file: expected a header row with column names");
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

    private static List<String> parseHeader(Path file, int lineNo, String[] names) throws FileFormatException {
        Map<String, Integer> seen = new HashMap<>();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            String n = names[i].trim();
            if (n.isEmpty()) {
                throw new FileFormatException(file, lineNo, "header: column " + (i + 1) + " has no name");
            }
            Integer before = seen.put(n, i + 1);
            if (before != null) {
                throw new FileFormatException(file, lineNo, "header: column name '" + n + "' appears twice (columns "
                        + before + " and " + (i + 1) + ")");
            }
            out.add(n);
        }
        return out;
    }

    /** Splits one line into fields, honouring double quotes; fields are trimmed unless quoted. */
    static String[] split(Path file, int lineNo, String line, char sep) throws FileFormatException {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        int i = 0;
        int n = line.length();
        while (true) {
            // Start of a field: skip leading blanks, then a quoted or a plain field.
            while (i < n && line.charAt(i) == ' ') {
                i++;
            }
            cur.setLength(0);
            if (i < n && line.charAt(i) == '"') {
                i++;
                while (true) {
                    if (i >= n) {
                        throw new FileFormatException(file, lineNo, "field " + (out.size() + 1) + ": unterminated quote");
                    }
                    char c = line.charAt(i++);
                    if (c == '"') {
                        if (i < n && line.charAt(i) == '"') {
                            cur.append('"');
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        cur.append(c);
                    }
                }
                while (i < n && line.charAt(i) == ' ') {
                    i++;
                }
                if (i < n && line.charAt(i) != sep) {
                    throw new FileFormatException(file, lineNo, "field " + (out.size() + 1) + ": text after closing quote");
                }
                out.add(cur.toString());
            } else {
                int start = i;
                while (i < n && line.charAt(i) != sep) {
                    i++;
                }
                out.add(line.substring(start, i).trim());
            }
            if (i >= n) {
                return out.toArray(new String[0]);
            }
            i++; // the separator
        }
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
