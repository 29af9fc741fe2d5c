/**
 * The one training layer every job runs on, and small ready-made models. {@link org.rnn4j.train.Trainer}
 * runs one step (workspace step, forward, backward, {@link org.rnn4j.train.Clipping}, optimizer step)
 * and counts steps globally; {@link org.rnn4j.train.EpochLoop} runs epochs with validation,
 * {@link org.rnn4j.train.EarlyStopping} (best weights kept) and a {@link org.rnn4j.train.Schedule};
 * {@link org.rnn4j.train.Ensemble} and {@link org.rnn4j.train.Seeds} train seeded ensembles;
 * {@link org.rnn4j.train.TrainingState} is the loop's state as a value, for checkpoints. Models:
 * {@link org.rnn4j.train.SequenceRegressor} (a recurrent layer with a linear head),
 * {@link org.rnn4j.train.SequenceTrainer} (truncated backpropagation through time with the hidden
 * state carried between windows) and {@link org.rnn4j.train.SineTutorial}, the classic sine-wave
 * tutorial as one call. The library never prints: progress goes to the one
 * {@link org.rnn4j.train.TrainingListener}.
 */
package org.rnn4j.train;
