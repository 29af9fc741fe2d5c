package org.rnn4j.io.embeddings;

import org.rnn4j.data.InputFormatException;
import org.rnn4j.data.SourceLocation;

/** The {@code count dim} first line of word2vec files. */
final class Word2vecHeader {
    /** Dimensions above this are taken as a sign of a wrong file, not a real model. */
    static final int MAX_DIM = 1 << 16;

    private Word2vecHeader() {
    }

    /** Whether {@code line} is two non-negative integers. */
    static boolean looksLikeHeader(String line) {
        return line.strip().matches("[0-9]+[ \t]+[0-9]+");
    }

    /** {count, dim}, or an error at {@code at}. */
    static long[] parse(String line, SourceLocation at) {
        if (!looksLikeHeader(line)) {
            throw new InputFormatException(at, "expected a word2vec header 'count dim', found '" + abbreviate(line) + "'");
        }
        String[] f = line.strip().split("[ \t]+");
        long count;
        long dim;
        try {
            count = Long.parseLong(f[0]);
            dim = Long.parseLong(f[1]);
        } catch (NumberFormatException e) {
            throw new InputFormatException(at, "header numbers out of range: '" + abbreviate(line) + "'");
        }
        if (dim < 1 || dim > MAX_DIM) {
            throw new InputFormatException(at, "header dimension must be in [1, " + MAX_DIM + "], got " + dim);
        }
        return new long[] {count, dim};
    }

    static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
