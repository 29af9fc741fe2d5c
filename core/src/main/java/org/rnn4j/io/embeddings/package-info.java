/**
 * Pretrained word vectors (GloVe, word2vec text or binary) for the words of a vocabulary:
 * {@link org.rnn4j.io.embeddings.EmbeddingsReader} streams the file and keeps only the rows the
 * vocabulary needs ({@link org.rnn4j.io.embeddings.PretrainedEmbeddings}), and says what it found
 * ({@link org.rnn4j.io.embeddings.EmbeddingsReport}).
 */
package org.rnn4j.io.embeddings;
