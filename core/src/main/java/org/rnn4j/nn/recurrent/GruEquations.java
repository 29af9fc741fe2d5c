package org.rnn4j.nn.recurrent;

import org.rnn4j.kernel.BinaryOp;
import org.rnn4j.kernel.Kernels;
import org.rnn4j.kernel.KernelSet;
import org.rnn4j.tensor.Workspace;

/**
 * The GRU: {@code gh = h·W_hhᵀ}; gates [r, z, n] with {@code n = tanh(Gx_n + r·(gh_n + b_hn))};
 * {@code h' = (1-z)·n + z·h}. Only the r, z columns of {@code b_hh} join Gx before the step (the gate
 * kernel adds {@code b_hn} inside r's product); keeps {@code W_hn h + b_hn}, and its backward keeps
 * dL/d(W_hh h + b_hh) apart from dL/d(W_ih x + b_ih).
 */
final class GruEquations extends CellEquations {
    private final float[] ghn;  // [N, H] W_hn h + b_hn ([B, H] when nothing is recorded)
    private final float[] ghWs; // [B, 3H] W_hh h of one step

    GruEquations(FusedLayer l, boolean keep) {
        super(l, keep);
        int rows = keep ? l.n : l.batch;
        ghn = Workspace.floats(rows * hidden);
        ghWs = Workspace.floats(l.batch * gh);
    }

    @Override
    int hhBiasColumns() {
        return 2 * hidden;
    }

    @Override
    boolean separateHhGradient() {
        return true;
    }

    @Override
    void step(KernelSet k, FusedLayer.Forward f, int r0, int bt, boolean keep) {
        int hs = l.hOff();
        f.recurrent(k, bt, ghWs, 0, false);
        if (keep) {
            System.arraycopy(out, hs, hPrev, r0 * hidden, bt * hidden);
        }
        float[] bhh = l.w.hasBias() ? l.w.bHh().value().data() : null;
        k.recurrent().gruGatesForward(bt, hidden, gates, r0 * gh, ghWs, 0, bhh, 2 * hidden, out, hs, out, r0 * hidden,
                ghn, keep ? r0 * hidden : 0);
        System.arraycopy(out, r0 * hidden, out, hs, bt * hidden);
    }

    @Override
    void stepBack(KernelSet k, BackwardPass d, int r0, int bt) {
        float[] g = d.g;
        k.elementwise().binary(BinaryOp.ADD, d.dh, 0, g, r0 * hidden, d.dhWs, 0, bt * hidden);
        // writes dA, dGh and the direct path z·dh into d.dh
        k.recurrent().gruGatesBackward(bt, hidden, gates, r0 * gh, ghn, r0 * hidden, hPrev, r0 * hidden, d.dhWs, 0,
                d.dA, r0 * gh, d.dGh, r0 * gh, d.dh, 0);
        d.biasSums(k, r0, bt);
        // dL/dh_prev += dGh·W_hh   [bt, 3H] × [3H, H]   (P = H for the GRU)
        d.recurrentBack(k, bt, d.dGh, r0, d.dh, true);
    }
}
