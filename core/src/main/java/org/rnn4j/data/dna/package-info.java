/**
 * The DNA alphabet: {@link org.rnn4j.data.dna.Nucleotides} (bases {@code A C G T} and the IUPAC
 * ambiguity codes) and {@link org.rnn4j.data.dna.AmbiguityPolicy}, what encoders do with {@code N}
 * and the other ambiguity codes.
 */
package org.rnn4j.data.dna;
