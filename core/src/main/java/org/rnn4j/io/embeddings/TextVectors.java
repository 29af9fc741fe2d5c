package org.rnn4j.io.embeddings;

import java.io.Reader;
import org.rnn4j.data.InputFormatException;
import org.rnn4j.data.LineReader;

/**
 * Parses GloVe and word2vec text files line by line. Every line's field count is checked; values
 * are parsed (and must be finite numbers) only on rows the vocabulary wants. Fields are separated
 * by spaces or tabs; trailing spaces are ignored (fastText {@code .vec}). A line with more fields
 * than {@code dim + 1} whose extra leading fields are not numbers is a word containing spaces (as
 * in GloVe 840B). Blank lines are skipped.
 */
final class TextVectors {
    private final LineReader in;
    private final VectorRows rows;

    private TextVectors(LineReader in, VectorRows rows) {
        this.in = in;
        this.rows = rows;
    }

    static void read(Reader reader, String name, boolean word2vecHeader, VectorRows rows) {
        try (LineReader in = new LineReader(reader, name)) {
            new TextVectors(in, rows).read(word2vecHeader);
        }
    }

    private void read(boolean word2vecHeader) {
        long promised = -1;
        if (word2vecHeader) {
            String header = in.readLine();
            long[] h = Word2vecHeader.parse(header == null ? "" : header, in.location());
            promised = h[0];
            rows.dimension((int) h[1], in.location());
        }
        long lines = 0;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            String t = stripEnd(line);
            if (t.isEmpty()) {
                continue;
            }
            lines++;
            String[] f = t.split("[ \t]+");
            if (rows.dimension() == 0) {
                if (f.length < 2) {
                    throw in.error("expected a word followed by its vector values, found " + f.length + " field");
                }
                if (f.length - 1 > Word2vecHeader.MAX_DIM) {
                    throw in.error("the first line has " + (f.length - 1) + " values, more than the limit of "
                            + Word2vecHeader.MAX_DIM + " dimensions");
                }
                rows.dimension(f.length - 1, in.location());
            }
            int dim = rows.dimension();
            int extra = f.length - 1 - dim;
            if (extra < 0 || (extra > 0 && isNumber(f[extra]))) {
                throw in.error("expected " + dim + " values after the word (the dimension "
                        + (word2vecHeader ? "given in the header" : "of the first line") + "), found " + (f.length - 1));
            }
            String word = extra == 0 ? f[0] : String.join(" ", java.util.Arrays.copyOfRange(f, 0, extra + 1));
            int row = rows.rowFor(word);
            if (row >= 0) {
                float[] data = rows.data();
                for (int j = 0; j < dim; j++) {
                    data[row * dim + j] = value(f[extra + 1 + j], j + 1);
                }
            }
        }
        if (promised >= 0 && lines != promised) {
            throw new InputFormatException(in.at(1), "the header promises " + promised + " words but the file has " + lines);
        }
        if (rows.dimension() == 0) {
            throw new InputFormatException(in.at(0), "no vectors in the file");
        }
    }

    private float value(String s, int column) {
        float v;
        try {
            v = Float.parseFloat(s);
        } catch (NumberFormatException e) {
            throw in.error("value " + column + " '" + s + "' is not a number");
        }
        if (!Float.isFinite(v)) {
            throw in.error("value " + column + " '" + s + "' is not a finite number");
        }
        return v;
    }

    private static boolean isNumber(String s) {
        try {
            Float.parseFloat(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String stripEnd(String s) {
        int e = s.length();
        while (e > 0 && (s.charAt(e - 1) == ' ' || s.charAt(e - 1) == '\t')) {
            e--;
        }
        return s.substring(0, e);
    }
}
