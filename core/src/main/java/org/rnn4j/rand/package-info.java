/**
 * {@link org.rnn4j.rand.Rng}, the one seeded random generator: every random choice in rnn4j
 * (initialisation, dropout, shuffling, sampling, {@code Tensor.randn}) takes one explicitly, so the
 * same seed gives the same numbers on every run and for any thread count. There is no global
 * generator.
 */
package org.rnn4j.rand;
