/**
 * Recurrent layers and cells with PyTorch's semantics: {@link org.rnn4j.nn.recurrent.RNN},
 * {@link org.rnn4j.nn.recurrent.LSTM} and {@link org.rnn4j.nn.recurrent.GRU} (multi-layer,
 * bidirectional, batch-first, {@code proj_size} for the LSTM), the single-step cells
 * {@link org.rnn4j.nn.recurrent.RNNCell}, {@link org.rnn4j.nn.recurrent.LSTMCell} and
 * {@link org.rnn4j.nn.recurrent.GRUCell}, and variable-length input through
 * {@link org.rnn4j.nn.recurrent.Packing} ({@code pack_padded_sequence}, {@code pad_packed_sequence}).
 *
 * <p>Gate order, parameter names ({@code weight_ih_l0}, {@code bias_hh_l1_reverse}, ...), shapes,
 * initialisation and the layout of {@code h_n} are PyTorch's, so a state dict moves between the two
 * unchanged. Each layer and direction runs as one fused autograd node: one matrix product for the
 * input projections of all steps, then one recurrent product and one gate kernel per step.
 */
package org.rnn4j.nn.recurrent;
