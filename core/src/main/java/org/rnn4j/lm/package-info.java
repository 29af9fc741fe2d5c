/**
 * Character language models: a {@link org.rnn4j.lm.CharLanguageModel} trained with truncated
 * backpropagation through time ({@link org.rnn4j.lm.LmTrainer}), scored in bits per character
 * ({@link org.rnn4j.lm.Bpc}) and writing text one character at a time from a cached state
 * ({@link org.rnn4j.lm.Generator}); model folders PyTorch can rebuild ({@link org.rnn4j.lm.LmFiles}).
 */
package org.rnn4j.lm;
