package org.rnn4j.data;

import java.util.Objects;

/**
 * Where a piece of input came from: a file (or stream) name and a 1-based line number; {@code line}
 * 0 means "the whole file". Binary formats use the record number in place of the line.
 */
public record SourceLocation(String file, long line) {

    public SourceLocation {
        Objects.requireNonNull(file, "file");
        if (line < 0) {
            throw new IllegalArgumentException("source location: line must be >= 0, got " + line);
        }
    }

    /** For values built in code rather than read from a file. */
    public static SourceLocation unknown() {
        return new SourceLocation("<input>", 0);
    }

    /** The whole of {@code file}. */
    public static SourceLocation file(String file) {
        return new SourceLocation(file, 0);
    }

    /** {@code file:line}, or just {@code file} when the line is 0. */
    @Override
    public String toString() {
        return line == 0 ? file : file + ":" + line;
    }
}
