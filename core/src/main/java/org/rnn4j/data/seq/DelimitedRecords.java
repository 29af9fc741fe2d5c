package org.rnn4j.data.seq;

import java.util.ArrayList;
import java.util.List;
import org.rnn4j.data.InputFormatException;
import org.rnn4j.data.LineReader;

/**
 * Splits delimited lines into fields. A field that starts with {@code "} is quoted (RFC 4180): it
 * may hold the delimiter, line breaks, and {@code ""} for one quote. Other fields are taken as they
 * are. Blank lines are skipped.
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
            if (i < line.length() && line.charAt(i) == '"') {
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

    private String nextNonBlank() {
        String line;
        do {
            line = in.readLine();
        } while (line != null && line.isBlank());
        return line;
    }
}
