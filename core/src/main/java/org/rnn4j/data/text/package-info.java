/**
 * Text to tokens: the word and character {@link org.rnn4j.data.text.Tokenizers}, token
 * {@link org.rnn4j.data.text.TokenCounts} gathered while streaming, and the
 * {@link org.rnn4j.data.text.Vocabulary} built from them ({@code <pad>} = 0, {@code <unk>} = 1).
 */
package org.rnn4j.data.text;
