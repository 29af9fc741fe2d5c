package org.rnn4j.io.embeddings;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnn4j.data.InputFormatException;
import org.rnn4j.data.text.Vocabulary;
import org.rnn4j.nn.Embedding;
import org.rnn4j.tensor.Shape;

class EmbeddingsReaderTest {
    private static final Vocabulary VOCAB = Vocabulary.of(List.of("the", "cat", "dog", "zebra"));
    private static final EmbeddingsOptions ZEROS = EmbeddingsOptions.DEFAULTS.withOovInit(OovInit.zeros());

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    private static float[] row(PretrainedEmbeddings p, int id) {
        int d = p.weight().dim(1);
        return Arrays.copyOfRange(p.weight().data(), id * d, (id + 1) * d);
    }

    @Test
    void gloveTextKeepsOnlyVocabularyRows() throws IOException {
        Path f = write("glove.txt", "the 0.5 -1.25 3\nof 9 9 9\nDog 1e-2 2 3.5\ncat -0 0.125 7\n, 1 1 1\n\n");
        PretrainedEmbeddings p = EmbeddingsReader.load(f, VOCAB, ZEROS);
        assertEquals(Shape.of(6, 3), p.weight().shape());
        assertArrayEquals(new float[] {0, 0, 0}, row(p, 0)); // <pad>
        assertArrayEquals(new float[] {0, 0, 0}, row(p, 1)); // <unk>: missing, zeros
        assertArrayEquals(new float[] {0.5f, -1.25f, 3f}, row(p, VOCAB.id("the")));
        assertArrayEquals(new float[] {-0f, 0.125f, 7f}, row(p, VOCAB.id("cat")));
        assertArrayEquals(new float[] {0.01f, 2f, 3.5f}, row(p, VOCAB.id("dog"))); // by lower case
        assertArrayEquals(new float[] {0, 0, 0}, row(p, VOCAB.id("zebra")));
        EmbeddingsReport r = p.report();
        assertEquals(EmbeddingsFormat.GLOVE_TEXT, r.format());
        assertEquals(3, r.dimension());
        assertEquals(5, r.fileWords());
        assertEquals(3, r.found());
        assertEquals(1, r.foundByLowercase());
        assertEquals(1, r.missing());
        assertEquals(List.of("zebra"), r.missingSample());
        assertFalse(r.unkFromFile());
        assertEquals(f + ": 3-d glove text, 5 words; 3 of 4 vocabulary words found (75.0%, 1 by lower case);"
                + " 1 out of vocabulary, e.g. zebra", r.summary());
        // exact matching only: Dog no longer counts for dog
        PretrainedEmbeddings exact = EmbeddingsReader.load(f, VOCAB, ZEROS.withCaseMatch(EmbeddingsOptions.CaseMatch.EXACT));
        assertEquals(2, exact.report().found());
        assertEquals(List.of("dog", "zebra"), exact.report().missingSample());
    }

    @Test
    void exactMatchBeatsLowerCaseAndFirstExactWins() throws IOException {
        Path f = write("v.txt", "Dog 1 1\ndog 2 2\ndog 3 3\n<unk> 4 4\n<pad> 5 5\n");
        PretrainedEmbeddings p = EmbeddingsReader.load(f, VOCAB, ZEROS);
        assertArrayEquals(new float[] {2, 2}, row(p, VOCAB.id("dog")));
        assertArrayEquals(new float[] {4, 4}, row(p, Vocabulary.UNK_ID));
        assertArrayEquals(new float[] {0, 0}, row(p, Vocabulary.PAD_ID)); // padding stays zero
        assertTrue(p.report().unkFromFile());
        assertEquals(0, p.report().foundByLowercase());
    }

    @Test
    void word2vecTextWithHeaderTrailingSpacesAndWordsWithSpaces() throws IOException {
        Path f = write("wiki.vec", "3 2\nthe 1 2 \nat home 3 4 \ncat 5 6\n");
        PretrainedEmbeddings p = EmbeddingsReader.load(f, Vocabulary.of(List.of("the", "at home", "cat")), ZEROS);
        assertEquals(EmbeddingsFormat.WORD2VEC_TEXT, p.report().format());
        assertArrayEquals(new float[] {3, 4}, row(p, 3));
        assertArrayEquals(new float[] {5, 6}, row(p, 4));
        assertEquals(3, p.report().found());
    }

    @Test
    void malformedTextNamesFileLineAndProblem() throws IOException {
        Path fields = write("a.txt", "the 1 2 3\ncat 1 2\n");
        assertEquals(fields + ":2: expected 3 values after the word (the dimension of the first line), found 2",
                assertThrows(InputFormatException.class, () -> EmbeddingsReader.load(fields, VOCAB, ZEROS)).getMessage());
        Path extra = write("b.txt", "the 1 2\ncat 1 2 3\n");
        assertEquals(extra + ":2: expected 2 values after the word (the dimension of the first line), found 3",
                assertThrows(InputFormatException.class, () -> EmbeddingsReader.load(extra, VOCAB, ZEROS)).getMessage());
        Path nonNumeric = write("c.txt", "the 1 2\ncat 1 x2\n");
        assertEquals(nonNumeric + ":2: value 2 'x2' is not a number",
                assertThrows(InputFormatException.class, () -> EmbeddingsReader.load(nonNumeric, VOCAB, ZEROS)).getMessage());
        Path nan = write("d.txt", "cat NaN 2\n");
        assertEquals(nan + ":1: value 1 'NaN' is not a finite number",
                assertThrows(InputFormatException.class, () -> EmbeddingsReader.load(nan, VOCAB, ZEROS)).getMessage());
        Path headerDim = write("e.vec", "2 3\nthe 1 2 3\ncat 1 2\n");
        assertEquals(headerDim + ":3: expected 3 values after the word (the dimension given in the header), found 2",
                assertThrows(InputFormatException.class, () -> EmbeddingsReader.load(headerDim, VOCAB, ZEROS)).getMessage());
        Path count = write("f.vec", "3 1\nthe 1\ncat 2\n");
        assertEquals(count + ":1: the header promises 3 words but the file has 2",
                assertThrows(InputFormatException.class, () -> EmbeddingsReader.load(count, VOCAB, ZEROS)).getMessage());
        Path empty = write("g.txt", "\n");
        assertEquals(empty + ": no vectors in the file",
                assertThrows(InputFormatException.class, () -> EmbeddingsReader.load(empty, VOCAB, ZEROS)).getMessage());
    }

    /** word2vec.c's layout: header, then word, space, little-endian floats, newline. */
    private static byte[] binary(List<String> words, float[][] vectors, boolean newlines) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write((words.size() + " " + vectors[0].length + "\n").getBytes(StandardCharsets.US_ASCII));
        for (int i = 0; i < words.size(); i++) {
            out.write((words.get(i) + " ").getBytes(StandardCharsets.UTF_8));
            ByteBuffer b = ByteBuffer.allocate(vectors[i].length * 4).order(ByteOrder.LITTLE_ENDIAN);
            for (float v : vectors[i]) {
                b.putFloat(v);
            }
            out.write(b.array());
            if (newlines) {
                out.write('\n');
            }
        }
        return out.toByteArray();
    }

    @Test
    void word2vecBinaryRoundTripWithAndWithoutNewlines() throws IOException {
        List<String> words = List.of("the", "Zebra", "naïve", "cat");
        float[][] v = {{0.1f, -2.5f, 1e-7f}, {Float.MIN_VALUE, 3f, -0f}, {1, 2, 3}, {-1.5f, 0.25f, 1e30f}};
        for (boolean newlines : new boolean[] {true, false}) {
            Path f = dir.resolve("vectors-" + newlines + ".bin");
            Files.write(f, binary(words, v, newlines));
            PretrainedEmbeddings p = EmbeddingsReader.load(f, VOCAB, ZEROS);
            assertEquals(EmbeddingsFormat.WORD2VEC_BINARY, p.report().format());
            assertArrayEquals(v[0], row(p, VOCAB.id("the")));
            assertArrayEquals(v[1], row(p, VOCAB.id("zebra")));
            assertArrayEquals(v[3], row(p, VOCAB.id("cat")));
            assertEquals(4, p.report().fileWords());
            assertEquals(List.of("dog"), p.report().missingSample());
            // the same file under another name is recognised by its bytes
            Path renamed = dir.resolve("vectors-" + newlines + ".w2v");
            Files.copy(f, renamed);
            assertEquals(EmbeddingsFormat.WORD2VEC_BINARY, EmbeddingsReader.load(renamed, VOCAB, ZEROS).report().format());
        }
        Path gz = dir.resolve("v.bin.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(binary(words, v, true));
        }
        assertArrayEquals(v[3], row(EmbeddingsReader.load(gz, VOCAB, ZEROS), VOCAB.id("cat")));
    }

    @Test
    void malformedBinaryNamesWordAndByte() throws IOException {
        byte[] good = binary(List.of("the", "cat"), new float[][] {{1, 2}, {3, 4}}, true);
        Path truncated = dir.resolve("t.bin");
        Files.write(truncated, Arrays.copyOf(good, good.length - 4));
        assertEquals(truncated + ": word 2 at byte 17: the file ends inside the vector of word 2 (5 of 8 bytes)",
                assertThrows(InputFormatException.class, () -> EmbeddingsReader.load(truncated, VOCAB, ZEROS)).getMessage());
        Path more = dir.resolve("m.bin");
        byte[] withExtra = Arrays.copyOf(good, good.length + 5);
        System.arraycopy("dog x".getBytes(StandardCharsets.US_ASCII), 0, withExtra, good.length, 5);
        Files.write(more, withExtra);
        assertTrue(assertThrows(InputFormatException.class, () -> EmbeddingsReader.load(more, VOCAB, ZEROS)).getMessage()
                .contains("data after the 2 words the header promises"));
        Path header = dir.resolve("h.bin");
        Files.write(header, "two 2\n".getBytes(StandardCharsets.US_ASCII));
        assertEquals(header + ":1: expected a word2vec header 'count dim', found 'two 2'",
                assertThrows(InputFormatException.class, () -> EmbeddingsReader.load(header, VOCAB, ZEROS)).getMessage());
        Path nan = dir.resolve("n.bin");
        Files.write(nan, binary(List.of("cat"), new float[][] {{1, Float.NaN}}, false));
        assertEquals(nan + ": word 1 at byte 4: value 2 of word 'cat' is not a finite number (NaN)",
                assertThrows(InputFormatException.class, () -> EmbeddingsReader.load(nan, VOCAB, ZEROS)).getMessage());
    }

    @Test
    void oovRowsAreSeededNormalOrZerosAndTheModuleIsBuilt() throws IOException {
        Path f = write("small.txt", "the 1 2 3 4\n");
        PretrainedEmbeddings a = EmbeddingsReader.load(f, VOCAB, EmbeddingsOptions.DEFAULTS.withOovInit(OovInit.normal(7)));
        PretrainedEmbeddings b = EmbeddingsReader.load(f, VOCAB, EmbeddingsOptions.DEFAULTS.withOovInit(OovInit.normal(7)));
        PretrainedEmbeddings c = EmbeddingsReader.load(f, VOCAB, EmbeddingsOptions.DEFAULTS.withOovInit(OovInit.normal(8)));
        assertArrayEquals(a.weight().data(), b.weight().data());
        assertNotEquals(Arrays.toString(row(a, VOCAB.id("cat"))), Arrays.toString(row(c, VOCAB.id("cat"))));
        assertArrayEquals(new float[4], row(a, Vocabulary.PAD_ID));
        assertArrayEquals(new float[] {1, 2, 3, 4}, row(a, VOCAB.id("the")));
        assertNotEquals(Arrays.toString(new float[4]), Arrays.toString(row(a, Vocabulary.UNK_ID)));

        Embedding frozen = a.toEmbedding(PretrainedEmbeddings.Training.FROZEN);
        assertEquals(6, frozen.numEmbeddings());
        assertEquals(4, frozen.embeddingDim());
        assertEquals(0, frozen.paddingIdx().getAsInt());
        assertFalse(frozen.weight().trainable());
        assertArrayEquals(a.weight().data(), frozen.weight().value().data());
        assertTrue(a.toEmbedding(PretrainedEmbeddings.Training.FINE_TUNED).weight().trainable());
    }

    @Test
    void memoryFollowsTheVocabularyNotTheFile() throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            sb.append("w").append(i).append(" 0.5 0.25\n");
        }
        sb.append("cat 7 8\n");
        PretrainedEmbeddings p = EmbeddingsReader.load(write("big.txt", sb.toString()), VOCAB, ZEROS);
        assertEquals(Shape.of(6, 2), p.weight().shape());
        assertEquals(20_001, p.report().fileWords());
        assertArrayEquals(new float[] {7, 8}, row(p, VOCAB.id("cat")));
    }
}
