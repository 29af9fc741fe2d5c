package org.rnn4j.nn;

import org.rnn4j.autograd.Var;
import org.rnn4j.tensor.Tensor;

/**
 * A trainable tensor of a {@link Module}: a leaf {@link Var} that collects a gradient. Optimizers
 * update {@link #value()} in place. {@link #setRequiresGrad} freezes it (e.g. a pretrained embedding).
 */
public final class Parameter extends Var {

    public Parameter(Tensor value) {
        super(value, true);
    }

    /** False when frozen ({@code requires_grad = False}): the optimizer skips it and no gradient reaches it. */
    public boolean trainable() {
        return requiresGrad();
    }

    /** PyTorch's {@code requires_grad_(on)}: {@code false} freezes the parameter and drops its gradient. */
    public void setRequiresGrad(boolean requiresGrad) {
        setLeafRequiresGrad(requiresGrad);
    }
}
