package org.rnn4j.nn.recurrent;

import org.rnn4j.kernel.Kernels;
import org.rnn4j.kernel.KernelSet;
import org.rnn4j.kernel.UnaryOp;

/** The Elman RNN: {@code h' = act(Gx + h·W_hhᵀ)}, act = tanh or relu. Keeps nothing but the common buffers. */
final class SimpleRnnEquations extends CellEquations {
    private final UnaryOp act;

    SimpleRnnEquations(FusedLayer l, boolean keep) {
        super(l, keep);
        this.act = l.kind == CellKind.RNN_TANH ? UnaryOp.TANH : UnaryOp.RELU;
    }

    @Override
    void step(KernelSet k, FusedLayer.Forward f, int r0, int bt, boolean keep) {
        int hs = l.hOff();
        f.recurrent(k, bt, gates, r0 * gh, true);
        if (keep) {
            System.arraycopy(out, hs, hPrev, r0 * proj, bt * proj);
        }
        k.elementwise().unary(act, gates, r0 * gh, out, r0 * proj, bt * hidden);
        System.arraycopy(out, r0 * proj, out, hs, bt * proj);
    }

    @Override
    void stepBack(KernelSet k, BackwardPass d, int r0, int bt) {
        float[] g = d.g;
        k.recurrent().rnnGatesBackward(act, bt * hidden, out, r0 * proj, d.dh, 0, g, r0 * proj, d.dA, r0 * gh);
        d.biasSums(k, r0, bt);
        // dL/dh_prev = dPre·W_hh   [bt, H] × [H, H]
        d.recurrentBack(k, bt, d.dA, r0, d.dh, false);
    }
}
