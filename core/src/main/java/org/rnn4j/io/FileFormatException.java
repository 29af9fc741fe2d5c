package org.rnn4j.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.OptionalInt;

/**
 * A file that cannot be read because its content is wrong. The message names the file and, where
 * known, the line and column, compiler-style: {@code data.csv:57: column 'value' (2): 'abc' is not a number}.
 */
public class FileFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final int line;

    /** A problem with the whole file or its header. */
    public FileFormatException(Path file, String what) {
        this(file, 0, what);
    }

    /** A problem at a 1-based {@code line} (0 when no line applies). */
    public FileFormatException(Path file, int line, String what) {
        super(file + (line > 0 ? ":" + line : "") + ": " + what);
        this.file = file;
        this.line = line;
    }

    public Path file() {
        return file;
    }

    /** The 1-based line, if the problem has one. */
    public OptionalInt line() {
        return line > 0 ? OptionalInt.of(line) : OptionalInt.empty();
    }
}
