package org.rnn4j.nn.recurrent;

import org.rnn4j.autograd.Var;

/**
 * What {@link RNN} and {@link GRU} return: the last layer's output for every step ({@code out}, a
 * {@link Var} [T, B, D·H] / [B, T, D·H] / [T, D·H], or a {@link PackedSequence} for packed input)
 * and the final hidden state {@code h_n} [D·num_layers, B, H] (index {@code layer·D + direction}).
 */
public record RnnOutput<O>(O out, Var hN) {
}
