package org.rnn4j.nn;

import org.rnn4j.autograd.Var;
import org.rnn4j.ops.DropoutOp;
import org.rnn4j.rand.Rng;

/**
 * {@code torch.nn.Dropout(p)}: inverted dropout in training mode (zeroes with probability p,
 * scales the rest by 1/(1-p)), identity in eval mode. Masks are drawn from the given {@link Rng}.
 */
public final class Dropout extends Module {
    private final double p;
    private final Rng rng;

    public Dropout(double p, Rng rng) {
        if (!(p >= 0.0 && p <= 1.0)) {
            throw new IllegalArgumentException("dropout: probability has to be between 0 and 1, but got " + p);
        }
        this.p = p;
        this.rng = rng;
    }

    public Var forward(Var x) {
        return DropoutOp.dropout(x, p, isTraining(), rng);
    }

    public double p() {
        return p;
    }

    @Override
    protected String extraRepr() {
        return "p=" + pyFloat(p) + ", inplace=False";
    }
}
