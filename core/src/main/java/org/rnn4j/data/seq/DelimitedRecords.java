package org.rnn4j.data.seq;

import java.util.ArrayList;
import java.util.List;
import org.rnn4j.data.InputFormatException;
import org.rnn4j.data.LineReader;

/**
 * Splits delimited lines into fields. A field that starts with {@code "} is quoted (RFC 4180): it
 * may hold the delimiter, line breaks, and {@code ""} for one quote. Other fields are taken as they
 * are. Blank lines are skipped.
 *
 * <p>Tab-separated text has no quoting of its own (IANA {@code text/tab-separated-values}), yet
 * some writers quote as in CSV. So with a tab delimiter a field starting with {@code "} is read as
 * quoted only when it is a well-formed quoted field on its line (closed, then a tab or the end of
 * the line); otherwise it is taken as it is: prose such as {@code "Oh!" she said} stays intact.
 */
final class DelimitedRecords {
    private final LineReader in;
    private char delimiter;
    private String pending;
    private long recordLine;

    DelimitedRecords(LineReader in) {
        this.in = in;
    }

    /** Reads ahead the first non-blank line so that the caller can choose the delimiter from it. */
    String peekFirstLine() {
        if (pending == null) {
            pending = nextNonBlank();
        }
        return pending;
    }

    void delimiter(char d) {
        this.delimiter = d;
    }

    /** The line on which the record last returned starts. */
    long recordLine() {
        return recordLine;
    }

    /** The next record's fields, or null at the end of the input. */
    List<String> next() {
        String line = pending != null ? pending : nextNonBlank();
        pending = null;
        if (line == null) {
            return null;
        }
        recordLine = in.lineNumber();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = 0;
        while (true) {
            int closed = delimiter == '\t' ? quotedEnd(line, i) : -1;
            if (closed >= 0) {
                // tab-separated: quotes are text unless they enclose the whole field
                if (closed == line.length() || closed < line.length() && line.charAt(closed) == delimiter) {
                    field.append(line, i + 1, closed - 1);
                    replaceDoubledQuotes(field);
                    i = closed;
                } else {
                    int end = line.indexOf(delimiter, i);
                    end = end < 0 ? line.length() : end;
                    field.append(line, i, end);
                    i = end;
                }
            } else if (i < line.length() && line.charAt(i) == '"') {
                // quoted field: up to the closing quote, possibly across lines
                i++;
                while (true) {
                    if (i == line.length()) {
                        String more = in.readLine();
                        if (more == null) {
                            throw new InputFormatException(in.at(recordLine),
                                    "quoted field " + (fields.size() + 1) + " is not closed before the end of the file");
                        }
                        field.append('\n');
                        line = more;
                        i = 0;
                        continue;
                    }
                    char c = line.charAt(i++);
                    if (c == '"') {
                        if (i < line.length() && line.charAt(i) == '"') {
                            field.append('"');
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        field.append(c);
                    }
                }
                if (i < line.length() && line.charAt(i) != delimiter) {
                    throw in.error("unexpected character '" + line.charAt(i) + "' after the closing quote of field "
                            + (fields.size() + 1));
                }
            } else {
                int end = line.indexOf(delimiter, i);
                end = end < 0 ? line.length() : end;
                field.append(line, i, end);
                i = end;
            }
            fields.add(field.toString());
            field.setLength(0);
            if (i >= line.length()) {
                return fields;
            }
            i++; // skip the delimiter
        }
    }

    /**
     * For a field of a tab-separated line starting at {@code from}: -1 if it does not start with a
     * quote; else the index just past its closing quote when it is closed on this line (a doubled
     * quote {@code ""} is one quote), or {@code line.length() + 1} when it is not closed.
     */
    private static int quotedEnd(String line, int from) {
        if (from >= line.length() || line.charAt(from) != '"') {
            return -1;
        }
        int i = from + 1;
        while (i < line.length()) {
            if (line.charAt(i) == '"') {
                if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return line.length() + 1;
    }

    private static void replaceDoubledQuotes(StringBuilder field) {
        for (int k = field.indexOf("\"\""); k >= 0; k = field.indexOf("\"\"", k + 1)) {
            field.deleteCharAt(k);
        }
    }

    private String nextNonBlank() {
        String line;
        do {
            line = in.readLine();
        } while (line != null && line.isBlank());
        return line;
    }
}
