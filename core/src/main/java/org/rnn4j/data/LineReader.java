package org.rnn4j.data;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Reads a text file line by line and counts lines, for readers whose errors must name the line.
 *
 * <p>Files are UTF-8; bytes that are not valid UTF-8 are an {@link InputFormatException} naming the
 * line (never silently replaced). A leading byte-order mark is dropped. A name ending in {@code .gz}
 * is decompressed on the fly. Line ends may be LF, CRLF or CR.
 */
public final class LineReader implements Closeable {
    private final BufferedReader in;
    private final String name;
    private long lineNumber;

    /** Reads {@code reader}; {@code name} is what error messages call it. */
    public LineReader(Reader reader, String name) {
        this.in = reader instanceof BufferedReader b ? b : new BufferedReader(reader, 1 << 16);
        this.name = name;
    }

    /** Opens {@code path} (gzip-compressed if its name ends in {@code .gz}). */
    public static LineReader open(Path path) {
        return new LineReader(openText(path), path.toString());
    }

    /** A strict UTF-8 reader over {@code path}, decompressing {@code .gz}. */
    public static Reader openText(Path path) {
        try {
            InputStream raw = Files.newInputStream(path);
            InputStream in = path.getFileName() != null && path.getFileName().toString().endsWith(".gz")
                    ? new GZIPInputStream(raw, 1 << 16) : raw;
            return new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + path + ": " + e.getMessage(), e);
        }
    }

    /** The next line without its terminator, or null at the end of the input. */
    public String readLine() {
        String line;
        try {
            line = nextLine();
        } catch (CharacterCodingException e) {
            throw new InputFormatException(new SourceLocation(name, lineNumber + 1), "not valid UTF-8 text", e);
        } catch (IOException e) {
            throw new UncheckedIOException(new SourceLocation(name, lineNumber + 1) + ": " + e.getMessage(), e);
        }
        if (line == null) {
            return null;
        }
        lineNumber++;
        if (lineNumber == 1 && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
            line = line.substring(1);
        }
        return line;
    }

    /** Lines longer than this many characters are refused: memory per record stays bounded. */
    public static final int MAX_LINE_CHARS = 1 << 26;

    private final char[] buf = new char[1 << 14];
    private int pos;
    private int end;
    private boolean skipLf;

    /** One line ended by LF, CRLF or CR, or null at the end; at most {@link #MAX_LINE_CHARS} characters. */
    private String nextLine() throws IOException {
        StringBuilder sb = null;
        while (true) {
            if (pos >= end) {
                end = in.read(buf, 0, buf.length);
                pos = 0;
                if (end <= 0) {
                    end = 0;
                    return sb == null ? null : sb.toString();
                }
            }
            if (skipLf) {
                skipLf = false;
                if (buf[pos] == '\n') {
                    pos++;
                    continue;
                }
            }
            int i = pos;
            while (i < end && buf[i] != '\n' && buf[i] != '\r') {
                i++;
            }
            if (sb == null) {
                sb = new StringBuilder(Math.max(16, i - pos));
            }
            if ((long) sb.length() + (i - pos) > MAX_LINE_CHARS) {
                throw new InputFormatException(new SourceLocation(name, lineNumber + 1),
                        "line is longer than " + MAX_LINE_CHARS + " characters");
            }
            sb.append(buf, pos, i - pos);
            if (i < end) {
                skipLf = buf[i] == '\r';
                pos = i + 1;
                return sb.toString();
            }
            pos = end;
        }
    }

    /** The number of the line last returned (1-based; 0 before the first). */
    public long lineNumber() {
        return lineNumber;
    }

    /** The location of the line last returned. */
    public SourceLocation location() {
        return new SourceLocation(name, lineNumber);
    }

    /** The location of {@code line}. */
    public SourceLocation at(long line) {
        return new SourceLocation(name, line);
    }

    public String name() {
        return name;
    }

    /** An error at the line last returned. */
    public InputFormatException error(String problem) {
        return new InputFormatException(location(), problem);
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
