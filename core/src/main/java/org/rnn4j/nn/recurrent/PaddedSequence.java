package org.rnn4j.nn.recurrent;

import org.rnn4j.autograd.Var;

/**
 * What {@link Packing#padPackedSequence} returns: the padded batch ([T, B, *] or [B, T, *]) and the
 * length of each sequence in the original batch order.
 */
public record PaddedSequence(Var padded, int[] lengths) {
    public PaddedSequence {
        lengths = lengths.clone();
    }

    @Override
    public int[] lengths() {
        return lengths.clone();
    }
}
