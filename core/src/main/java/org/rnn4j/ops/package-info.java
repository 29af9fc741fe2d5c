/**
 * Differentiable operations on {@link org.rnn4j.autograd.Var}s, by family (arithmetic with
 * broadcasting, activations, matrix products, reductions, shape and index operations, dropout), each
 * forward written beside its backward. {@link org.rnn4j.ops.F} is the entry point, like
 * {@code torch.nn.functional}: one static facade over every family, meant for
 * {@code import static org.rnn4j.ops.F.*}. The family classes are public for {@code F} and the
 * layers; call {@code F}.
 */
package org.rnn4j.ops;
