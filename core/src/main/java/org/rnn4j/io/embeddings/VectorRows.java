package org.rnn4j.io.embeddings;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.rnn4j.data.text.Vocabulary;
import org.rnn4j.rand.Rng;
import org.rnn4j.tensor.Shape;
import org.rnn4j.tensor.Tensor;

/**
 * Keeps only the file rows the vocabulary wants: memory is [vocabulary size, dim], whatever the
 * file's size. The first matching file word wins; an exact match replaces a lower-case one.
 */
final class VectorRows {
    private static final byte NONE = 0;
    private static final byte LOWER = 1;
    private static final byte EXACT = 2;

    private final Vocabulary vocabulary;
    private final EmbeddingsOptions.CaseMatch caseMatch;
    private final byte[] state;
    private float[] data;
    private int dim;
    private long fileWords;

    VectorRows(Vocabulary vocabulary, EmbeddingsOptions.CaseMatch caseMatch) {
        this.vocabulary = vocabulary;
        this.caseMatch = caseMatch;
        this.state = new byte[vocabulary.size()];
    }

    /** At most this many floats (1 GiB) for the [V, dim] table; a larger one is refused before allocating. */
    static final long MAX_ELEMENTS = 1L << 28;

    /** Sets the dimension once it is known (read at {@code at}) and allocates [V, dim]. */
    void dimension(int d, org.rnn4j.data.SourceLocation at) {
        long n = (long) vocabulary.size() * d;
        if (d < 1 || d > Word2vecHeader.MAX_DIM || n > MAX_ELEMENTS) {
            throw new org.rnn4j.data.InputFormatException(at, "dimension " + d + " for " + vocabulary.size()
                    + " words needs " + n + " values, more than the limit of " + MAX_ELEMENTS
                    + " (dimensions at most " + Word2vecHeader.MAX_DIM + ")");
        }
        this.dim = d;
        this.data = new float[(int) n];
    }

    int dimension() {
        return dim;
    }

    /** Counts a file word and returns the row its values go to, or -1 if they are not needed. */
    int rowFor(String word) {
        fileWords++;
        if (vocabulary.contains(word)) {
            int id = vocabulary.id(word);
            if (id != Vocabulary.PAD_ID && state[id] != EXACT) {
                state[id] = EXACT;
                return id;
            }
            return -1;
        }
        if (caseMatch == EmbeddingsOptions.CaseMatch.EXACT_THEN_LOWERCASE) {
            String lower = word.toLowerCase(Locale.ROOT);
            if (!lower.equals(word) && vocabulary.contains(lower)) {
                int id = vocabulary.id(lower);
                if (id != Vocabulary.PAD_ID && state[id] == NONE) {
                    state[id] = LOWER;
                    return id;
                }
            }
        }
        return -1;
    }

    float[] data() {
        return data;
    }

    long fileWords() {
        return fileWords;
    }

    /** Fills missing rows ({@code <pad>} stays zero) and builds the weight and report. */
    PretrainedEmbeddings finish(String file, EmbeddingsFormat format, OovInit init) {
        Rng rng = init instanceof OovInit.Normal n ? new Rng(n.seed()) : null;
        float std = init instanceof OovInit.Normal n ? n.std() : 0f;
        int found = 0;
        int byLower = 0;
        int missing = 0;
        List<String> sample = new ArrayList<>();
        for (int id = Vocabulary.UNK_ID; id < state.length; id++) {
            boolean regular = id >= Vocabulary.SPECIALS.size();
            if (state[id] == NONE) {
                if (rng != null) {
                    for (int j = 0; j < dim; j++) {
                        data[id * dim + j] = rng.normal(0f, std);
                    }
                }
                if (regular) {
                    missing++;
                    if (sample.size() < EmbeddingsReport.SAMPLE_SIZE) {
                        sample.add(vocabulary.token(id));
                    }
                }
            } else if (regular) {
                found++;
                byLower += state[id] == LOWER ? 1 : 0;
            }
        }
        EmbeddingsReport report = new EmbeddingsReport(file, format, dim, fileWords, vocabulary.size(), found, byLower,
                missing, sample, state[Vocabulary.UNK_ID] != NONE);
        return new PretrainedEmbeddings(Tensor.wrap(Shape.of(vocabulary.size(), dim), data), report);
    }
}
