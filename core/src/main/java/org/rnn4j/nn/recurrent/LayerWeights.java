package org.rnn4j.nn.recurrent;

import org.rnn4j.autograd.Var;

/**
 * The parameters of one layer-direction as graph inputs: {@code wIh} [G·H, in], {@code wHh} [G·H, P],
 * {@code bIh}, {@code bHh} [G·H] (both {@code null} without bias), {@code wHr} [P, H] (LSTM with
 * proj_size only, else {@code null}).
 */
record LayerWeights(Var wIh, Var wHh, Var bIh, Var bHh, Var wHr) {

    boolean hasBias() {
        return bIh != null;
    }
}
