/**
 * Encoded examples to padded batches: {@link org.rnn4j.data.batch.Sample} (token ids and label),
 * {@link org.rnn4j.data.batch.Batch} (batch-first input with each sequence's length) and
 * {@link org.rnn4j.data.batch.Batches}, which plans an epoch's batches from a seeded
 * {@link org.rnn4j.rand.Rng} (shuffled, or grouped by length to waste less padding).
 */
package org.rnn4j.data.batch;
