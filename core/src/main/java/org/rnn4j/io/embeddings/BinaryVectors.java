package org.rnn4j.io.embeddings;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.rnn4j.data.InputFormatException;
import org.rnn4j.data.SourceLocation;

/**
 * Parses word2vec binary files: a {@code count dim\n} header, then {@code count} records of word
 * bytes ended by a space and {@code dim} little-endian float32 values, each optionally followed by a
 * newline. Errors name the word number and byte offset. Words are decoded as UTF-8 (invalid bytes
 * become U+FFFD, so such words simply match nothing).
 */
final class BinaryVectors {
    /** A longer "word" means the file is not what the header says (wrong dimension, not binary). */
    static final int MAX_WORD_BYTES = 10_000;

    private final InputStream in;
    private final String name;
    private long offset;

    private BinaryVectors(InputStream in, String name) {
        this.in = in;
        this.name = name;
    }

    static void read(InputStream in, String name, VectorRows rows) {
        try {
            new BinaryVectors(in, name).read(rows);
        } catch (IOException e) {
            throw new UncheckedIOException(name + ": " + e.getMessage(), e);
        }
    }

    private void read(VectorRows rows) throws IOException {
        ByteArrayOutputStream headerBytes = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0 || headerBytes.size() > 100) {
                throw new InputFormatException(new SourceLocation(name, 1), "expected a word2vec header 'count dim' ended by a newline");
            }
            headerBytes.write(b);
            offset++;
        }
        offset++;
        long[] h = Word2vecHeader.parse(headerBytes.toString(StandardCharsets.US_ASCII), new SourceLocation(name, 1));
        long count = h[0];
        int dim = (int) h[1];
        rows.dimension(dim, new SourceLocation(name, 1));
        byte[] vector = new byte[dim * Float.BYTES];
        ByteBuffer vectorView = ByteBuffer.wrap(vector).order(ByteOrder.LITTLE_ENDIAN);
        ByteArrayOutputStream word = new ByteArrayOutputStream();
        for (long w = 1; w <= count; w++) {
            word.reset();
            int b = in.read();
            offset++;
            while (b == '\n' || b == '\r') { // the newline written after the previous vector
                b = in.read();
                offset++;
            }
            long start = offset - 1; // where the word starts
            while (b != ' ') {
                if (b < 0) {
                    throw error(w, start, "the file ends inside word " + w + " of the " + count + " the header promises");
                }
                if (word.size() >= MAX_WORD_BYTES) {
                    throw error(w, start, "no space after " + MAX_WORD_BYTES + " bytes of a word: not a word2vec binary file"
                            + " of dimension " + dim + "?");
                }
                word.write(b);
                b = in.read();
                offset++;
            }
            if (word.size() == 0) {
                throw error(w, start, "empty word");
            }
            int got = in.readNBytes(vector, 0, vector.length);
            offset += got;
            if (got < vector.length) {
                throw error(w, start, "the file ends inside the vector of word " + w + " (" + got + " of "
                        + vector.length + " bytes)");
            }
            int row = rows.rowFor(word.toString(StandardCharsets.UTF_8));
            if (row >= 0) {
                float[] data = rows.data();
                for (int j = 0; j < dim; j++) {
                    float v = vectorView.getFloat(j * Float.BYTES);
                    if (!Float.isFinite(v)) {
                        throw error(w, start, "value " + (j + 1) + " of word '" + word.toString(StandardCharsets.UTF_8)
                                + "' is not a finite number (" + v + ")");
                    }
                    data[row * dim + j] = v;
                }
            }
        }
        for (int b = in.read(); b >= 0; b = in.read()) {
            if (!Character.isWhitespace(b)) {
                throw new InputFormatException(new SourceLocation(name, 0), "data after the " + count
                        + " words the header promises (byte " + offset + ")");
            }
            offset++;
        }
    }

    private InputFormatException error(long word, long byteOffset, String problem) {
        return new InputFormatException(new SourceLocation(name, 0), "word " + word + " at byte " + byteOffset + ": " + problem);
    }
}
