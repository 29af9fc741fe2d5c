package org.rnn4j.autograd;

import org.rnn4j.tensor.Tensor;

/**
 * The backward rule of one graph node: given the gradient of the loss with respect to the node's
 * output, add the gradients of its inputs into their {@link Var#gradBuffer()}s (only for inputs
 * that {@link Var#requiresGrad()}).
 */
@FunctionalInterface
public interface Backward {
    void apply(Tensor gradOutput);
}
