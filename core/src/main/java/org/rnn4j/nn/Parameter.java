package org.rnn4j.nn;

import org.rnn4j.autograd.Var;
import org.rnn4j.tensor.Tensor;

/**
 * A trainable tensor of a {@link Module}: a leaf {@link Var} that collects a gradient. Optimizers
 * update {@link #value()} in place. {@link #setRequiresGrad} freezes it (e.g. a pretrained embedding).
 */
public final class Parameter extends Var {
    private boolean frozen;

    public Parameter(Tensor value) {
        super(value, true);
    }

    /** False when frozen: the optimizer skips it and {@link #asInput()} gives a constant. */
    public boolean trainable() {
        return !frozen;
    }

    public void setRequiresGrad(boolean requiresGrad) {
        this.frozen = !requiresGrad;
        if (frozen) {
            clearGrad();
        }
    }

    /** This parameter as a graph input: itself, or a constant view of it when frozen. */
    public Var asInput() {
        return frozen ? Var.constant(value()) : this;
    }
}
