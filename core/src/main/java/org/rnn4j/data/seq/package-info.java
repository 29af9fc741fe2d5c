/**
 * Labelled sequences to classify: {@link org.rnn4j.data.seq.Example} (id, label, text) read streaming
 * from TSV/CSV ({@link org.rnn4j.data.seq.DelimitedReader}), FASTA
 * ({@link org.rnn4j.data.seq.FastaReader}) or plain text passages
 * ({@link org.rnn4j.data.seq.PassageReader}), and {@link org.rnn4j.data.seq.LabelSet}, the class
 * labels and their indices. Readers never hold a whole file in memory.
 */
package org.rnn4j.data.seq;
