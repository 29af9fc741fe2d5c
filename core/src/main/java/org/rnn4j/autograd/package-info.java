/**
 * Reverse-mode automatic differentiation: a {@link org.rnn4j.autograd.Var} is a tensor in a
 * computation graph; {@code backward()} walks the graph iteratively (no recursion, so long sequences
 * cannot overflow the stack) and gradients accumulate as in PyTorch.
 * {@link org.rnn4j.autograd.GradMode} is {@code torch.no_grad()}: inside it operations record no
 * graph, for inference. Each operation's backward rule ({@link org.rnn4j.autograd.Backward}) is
 * written beside its forward in {@link org.rnn4j.ops}.
 */
package org.rnn4j.autograd;
