package org.rnn4j.data;

import java.util.ArrayList;
import java.util.List;

/**
 * The one reader of delimited text (CSV, TSV, semicolon-separated): splits the lines of a
 * {@link LineReader} into records of fields. Used by the series reader ({@code data.series.CsvTable})
 * and the example reader ({@code data.seq.DelimitedReader}), which choose the delimiter and give the
 * fields their meaning.
 *
 * <ul>
 *   <li>A field that starts with {@code "} is quoted (RFC 4180): it may hold the delimiter, line
 *       breaks, and {@code ""} for one quote; its text is kept exactly. Spaces around the quotes
 *       are ignored; anything else between the closing quote and the delimiter is an error.
 *   <li>Other fields are taken up to the next delimiter and trimmed of surrounding spaces.
 *   <li>Blank lines between records are skipped.
 *   <li>Tab-separated text has no quoting of its own (IANA {@code text/tab-separated-values}), yet
 *       some writers quote as in CSV. So with a tab delimiter a field is read as quoted only when it
 *       is a well-formed quoted field on its line (closed, then a tab or the end of the line);
 *       otherwise it is plain text: prose such as {@code "Oh!" she said} stays intact.
 * </ul>
 *
 * <p>Errors are {@link InputFormatException}s naming file, line and column. The encoding ({@code .gz},
 * strict UTF-8, byte-order mark, line ends) is the {@link LineReader}'s.
 */
public final class DelimitedRecords {
    private final LineReader in;
    private char delimiter = ',';
    private String pending;
    private long recordLine;

    public DelimitedRecords(LineReader in) {
        this.in = in;
    }

    /** Reads ahead the first non-blank line (null if none) so that the caller can choose the delimiter from it. */
    public String peekFirstLine() {
        if (pending == null) {
            pending = nextNonBlank();
        }
        return pending;
    }

    /** The field separator for the records that follow (default: comma). */
    public void delimiter(char d) {
        if (d == '"' || d == '\n' || d == '\r' || d == ' ') {
            throw new IllegalArgumentException("delimited records: " + (int) d + " cannot be a delimiter");
        }
        this.delimiter = d;
    }

    /** The 1-based line on which the record last returned starts. */
    public long recordLine() {
        return recordLine;
    }

    /** Where the record last returned starts. */
    public SourceLocation recordLocation() {
        return in.at(recordLine);
    }

    /** The next record's fields, or null at the end of the input. */
    public List<String> next() {
        String line = pending != null ? pending : nextNonBlank();
        pending = null;
        if (line == null) {
            return null;
        }
        recordLine = in.lineNumber();
        List<String> fields = new ArrayList<>();
        int i = 0;
        while (true) {
            int q = skipSpaces(line, i);
            if (q < line.length() && line.charAt(q) == '"' && (delimiter != '\t' || enclosesField(line, q))) {
                // quoted field: up to the closing quote, possibly across lines
                StringBuilder field = new StringBuilder();
                SourceLocation opened = in.location().atColumn(q + 1);
                i = q + 1;
                while (true) {
                    if (i == line.length()) {
                        String more = in.readLine();
                        if (more == null) {
                            throw new InputFormatException(opened,
                                    "quoted field " + (fields.size() + 1) + " is not closed before the end of the file");
                        }
                        field.append('\n');
                        line = more;
                        i = 0;
                        continue;
                    }
                    char c = line.charAt(i++);
                    if (c != '"') {
                        field.append(c);
                    } else if (i < line.length() && line.charAt(i) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        break;
                    }
                }
                i = skipSpaces(line, i);
                if (i < line.length() && line.charAt(i) != delimiter) {
                    throw new InputFormatException(in.location().atColumn(i + 1), "unexpected character '"
                            + line.charAt(i) + "' after the closing quote of field " + (fields.size() + 1));
                }
                fields.add(field.toString());
            } else {
                int end = line.indexOf(delimiter, i);
                end = end < 0 ? line.length() : end;
                fields.add(line.substring(i, end).trim());
                i = end;
            }
            if (i >= line.length()) {
                return fields;
            }
            i++; // skip the delimiter
        }
    }

    private static int skipSpaces(String line, int i) {
        while (i < line.length() && line.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    /**
     * For a tab-separated line: whether the quote at {@code from} opens a quoted field that closes on
     * this line (a doubled quote {@code ""} is one quote) and is followed, after spaces, by a tab or
     * the end of the line.
     */
    private static boolean enclosesField(String line, int from) {
        int i = from + 1;
        while (i < line.length()) {
            if (line.charAt(i) == '"') {
                if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    i += 2;
                    continue;
                }
                int after = skipSpaces(line, i + 1);
                return after == line.length() || line.charAt(after) == '\t';
            }
            i++;
        }
        return false;
    }

    private String nextNonBlank() {
        String line;
        do {
            line = in.readLine();
        } while (line != null && line.isBlank());
        return line;
    }
}
