package org.rnn4j.io.embeddings;

import java.util.Objects;

/**
 * Options for {@link EmbeddingsReader}. {@link #DEFAULTS}: format detected, missing rows N(0, 1)
 * with seed 0, and a vocabulary word absent from the file matched by a lower-cased file word
 * (so a lower-cased vocabulary can use cased vectors).
 */
public record EmbeddingsOptions(EmbeddingsFormat format, OovInit oovInit, CaseMatch caseMatch) {

    /** How vocabulary words are matched with file words. */
    public enum CaseMatch {
        /** Only identical strings. */
        EXACT,
        /** Identical strings first; a word still missing takes the first file word whose lower case equals it. */
        EXACT_THEN_LOWERCASE
    }

    public static final EmbeddingsOptions DEFAULTS =
            new EmbeddingsOptions(EmbeddingsFormat.AUTO, OovInit.normal(0), CaseMatch.EXACT_THEN_LOWERCASE);

    public EmbeddingsOptions {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(oovInit, "oovInit");
        Objects.requireNonNull(caseMatch, "caseMatch");
    }

    public EmbeddingsOptions withFormat(EmbeddingsFormat f) {
        return new EmbeddingsOptions(f, oovInit, caseMatch);
    }

    public EmbeddingsOptions withOovInit(OovInit o) {
        return new EmbeddingsOptions(format, o, caseMatch);
    }

    public EmbeddingsOptions withCaseMatch(CaseMatch c) {
        return new EmbeddingsOptions(format, oovInit, c);
    }
}
