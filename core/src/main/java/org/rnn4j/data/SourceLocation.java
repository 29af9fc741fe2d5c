package org.rnn4j.data;

import java.io.Serializable;
import java.util.Objects;

/**
 * Where a piece of input came from: a file (or stream) name, a 1-based line number and, where one
 * character is at fault, its 1-based column. {@code line} 0 means "the whole file", {@code column} 0
 * "the whole line". Binary formats use the record number in place of the line.
 */
public record SourceLocation(String file, long line, int column) implements Serializable {

    public SourceLocation {
        Objects.requireNonNull(file, "file");
        if (line < 0) {
            throw new IllegalArgumentException("source location: line must be >= 0, got " + line);
        }
        if (column < 0 || column > 0 && line == 0) {
            throw new IllegalArgumentException("source location: column must be >= 0 and needs a line, got line "
                    + line + ", column " + column);
        }
    }

    /** A whole line ({@code line} 0: the whole file). */
    public SourceLocation(String file, long line) {
        this(file, line, 0);
    }

    /** For values built in code rather than read from a file. */
    public static SourceLocation unknown() {
        return new SourceLocation("<input>", 0);
    }

    /** The whole of {@code file}. */
    public static SourceLocation file(String file) {
        return new SourceLocation(file, 0);
    }

    /** The same line, at 1-based {@code column}. */
    public SourceLocation atColumn(int column) {
        return new SourceLocation(file, line, column);
    }

    /** {@code file:line:column}, {@code file:line} when the column is 0, just {@code file} when the line is 0. */
    @Override
    public String toString() {
        return line == 0 ? file : column == 0 ? file + ":" + line : file + ":" + line + ":" + column;
    }
}
