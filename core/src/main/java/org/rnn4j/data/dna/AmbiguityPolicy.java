package org.rnn4j.data.dna;

/**
 * What DNA encoders do with {@code N} and the other IUPAC ambiguity codes
 * ({@code R Y S W K M B D H V}). Characters that are not nucleotide codes at all are always an error.
 */
public enum AmbiguityPolicy {
    /** One-hot: the zero vector; k-mers: a k-mer containing one becomes {@code <unk>}. */
    ZERO,
    /** An error naming the file, line and position. */
    ERROR
}
