package org.rnn4j.nn.recurrent;

import org.rnn4j.autograd.Var;
import org.rnn4j.rand.Rng;
import org.rnn4j.tensor.Shape;

/**
 * Runs layers × directions of fused nodes over time-major packed rows: layer k ≥ 1 reads the
 * concatenated output of layer k−1 (forward half first), with dropout in between when asked.
 */
final class RecurrentStack {
    private RecurrentStack() {
    }

    /**
     * @param weights per layer-direction, index {@code layer·D + direction}
     * @param x       input rows [N, inputSize] (its first N·inputSize values)
     * @param h0      [L·D, B, P] in row (sorted) order, or {@code null} for zeros
     * @param c0      LSTM: [L·D, B, H], or {@code null}
     * @param dropout probability applied to the output of every layer but the last; 0 = none
     * @return the fused node of every layer-direction, index {@code layer·D + direction}
     */
    static Var[] run(CellKind kind, LayerWeights[] weights, int layers, int dirs, Var x, int inputSize,
                     StepLayout steps, Var h0, Var c0, double dropout, Rng rng) {
        int n = steps.rows();
        int batch = steps.batch();
        int p = weights[0].wHh().shape().dim(1);
        int h = weights[0].wHh().shape().dim(0) / kind.gates();
        Var[] fused = new Var[layers * dirs];
        Var input = x;
        int width = inputSize;
        for (int l = 0; l < layers; l++) {
            Var[] pair;
            int k0 = l * dirs;
            if (dirs == 1) {
                pair = new Var[] {FusedLayer.apply(kind, input, width, steps, h0, k0 * batch * p, c0, k0 * batch * h, weights[k0], false)};
            } else { // both directions at once, side by side on two threads when there are two
                pair = FusedLayer.applyBidirectional(kind, input, width, steps, h0, new int[] {k0 * batch * p, (k0 + 1) * batch * p},
                        c0, new int[] {k0 * batch * h, (k0 + 1) * batch * h}, new LayerWeights[] {weights[k0], weights[k0 + 1]});
            }
            System.arraycopy(pair, 0, fused, k0, dirs);
            if (l == layers - 1) {
                break;
            }
            // the fused value starts with y [N, P], so one direction needs no copy
            input = dirs == 1 ? pair[0] : Glue.concatRows(pair, n, p, null, Shape.of(n, dirs * p));
            width = dirs * p;
            if (dropout > 0) {
                input = Glue.dropout(input, n * width, Shape.of(n, width), dropout, rng);
            }
        }
        return fused;
    }
}
