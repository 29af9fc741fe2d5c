package org.rnn4j.io.embeddings;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import org.rnn4j.data.text.Vocabulary;

/**
 * Loads GloVe / word2vec (text or binary) vectors for the words of a {@link Vocabulary}, streaming
 * the file and keeping only the rows the vocabulary needs (memory ∝ vocabulary × dim, not the file).
 * Row i of the result is token id i: {@code <pad>} zero; {@code <unk>} from the file if it has that
 * word, else initialised like missing words ({@link OovInit}). A name ending in {@code .gz} is
 * decompressed. Malformed input is an {@link org.rnn4j.data.InputFormatException} naming the file
 * and line (text) or word and byte (binary).
 *
 * <pre>{@code
 * PretrainedEmbeddings p = EmbeddingsReader.load(Path.of("glove.6B.100d.txt"), vocab, EmbeddingsOptions.DEFAULTS);
 * Embedding emb = p.toEmbedding(PretrainedEmbeddings.Training.FROZEN);
 * }</pre>
 */
public final class EmbeddingsReader {
    private static final int SNIFF_BYTES = 4096;
    private static final int MAX_FIRST_LINE = 1 << 20;

    private EmbeddingsReader() {
    }

    public static PretrainedEmbeddings load(Path path, Vocabulary vocabulary, EmbeddingsOptions options) {
        String name = path.toString();
        String lower = name.toLowerCase(Locale.ROOT);
        boolean gz = lower.endsWith(".gz");
        try (InputStream raw = Files.newInputStream(path);
                InputStream in = new BufferedInputStream(gz ? new GZIPInputStream(raw, 1 << 16) : raw, 1 << 16)) {
            EmbeddingsFormat format = options.format() != EmbeddingsFormat.AUTO ? options.format()
                    : detect(in, gz ? lower.substring(0, lower.length() - 3) : lower);
            VectorRows rows = new VectorRows(vocabulary, options.caseMatch());
            if (format == EmbeddingsFormat.WORD2VEC_BINARY) {
                BinaryVectors.read(in, name, rows);
            } else {
                InputStreamReader reader = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
                TextVectors.read(reader, name, format == EmbeddingsFormat.WORD2VEC_TEXT, rows);
            }
            return rows.finish(name, format, options.oovInit());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read embeddings " + name + ": " + e.getMessage(), e);
        }
    }

    /** The format of the stream (which must support mark/reset; it is left at its start). */
    static EmbeddingsFormat detect(InputStream in, String lowerName) throws IOException {
        if (lowerName.endsWith(".bin")) {
            return EmbeddingsFormat.WORD2VEC_BINARY;
        }
        in.mark(MAX_FIRST_LINE + SNIFF_BYTES + 1);
        try {
            StringBuilder first = new StringBuilder();
            int b = in.read();
            while (b >= 0 && b != '\n' && b != '\r' && first.length() < MAX_FIRST_LINE) {
                first.append((char) b); // only tested as ASCII digits and spaces
                b = in.read();
            }
            if (!Word2vecHeader.looksLikeHeader(first.toString())) {
                return EmbeddingsFormat.GLOVE_TEXT;
            }
            byte[] next = in.readNBytes(SNIFF_BYTES);
            return looksBinary(next) ? EmbeddingsFormat.WORD2VEC_BINARY : EmbeddingsFormat.WORD2VEC_TEXT;
        } finally {
            in.reset();
        }
    }

    /** Control characters other than tab/newline/CR, or bytes that are not UTF-8 text. */
    static boolean looksBinary(byte[] bytes) {
        for (byte x : bytes) {
            int b = x & 0xFF;
            if (b < 0x20 && b != '\t' && b != '\n' && b != '\r') {
                return true;
            }
        }
        // the sample may cut a multi-byte character at its end: allow 3 trailing bytes to be incomplete
        int n = bytes.length;
        int cut = n;
        while (cut > 0 && n - cut < 3 && (bytes[cut - 1] & 0xC0) == 0x80) {
            cut--;
        }
        if (cut > 0 && (bytes[cut - 1] & 0xC0) == 0xC0) {
            cut--;
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, 0, cut));
            return false;
        } catch (CharacterCodingException e) {
            return true;
        }
    }
}
