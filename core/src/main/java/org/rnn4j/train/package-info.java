/**
 * Training loops and small ready-made models: {@link org.rnn4j.train.SequenceRegressor} (a recurrent
 * layer with a linear head), {@link org.rnn4j.train.SequenceTrainer} (truncated backpropagation
 * through time with the hidden state carried between windows), and {@link org.rnn4j.train.SineTutorial},
 * the classic sine-wave tutorial as one call. The library never prints: progress goes to a
 * {@link org.rnn4j.train.TrainingListener}.
 */
package org.rnn4j.train;
