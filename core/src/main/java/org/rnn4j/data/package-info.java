/**
 * Reading input data, shared by the readers below: {@link org.rnn4j.data.SourceLocation} (file and
 * line) and {@link org.rnn4j.data.InputFormatException}, whose message names where the input was
 * wrong. Sub-packages: {@code series} (time series from CSV), {@code seq} (labelled sequences from
 * TSV/CSV/FASTA), {@code text} (tokens, vocabularies), {@code dna}, {@code encode} (sequences to
 * ids) and {@code batch} (padded, seeded batches).
 */
package org.rnn4j.data;
