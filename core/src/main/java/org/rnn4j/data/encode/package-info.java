/**
 * Turning sequences into ids: an {@link org.rnn4j.data.encode.Encoder} per kind of input (characters,
 * words, DNA one-hot, k-mers), fitted on training examples in one streaming pass by
 * {@link org.rnn4j.data.encode.EncoderFitter}; {@link org.rnn4j.data.encode.AlphabetStats} picks
 * the encoding from what the data holds. An encoder is a record with all its settings, so it is saved
 * in a model's {@code config.json} and restored exactly.
 */
package org.rnn4j.data.encode;
