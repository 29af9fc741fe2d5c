package org.rnn4j.nn.recurrent;

import org.rnn4j.kernel.BinaryOp;
import org.rnn4j.kernel.Kernels;
import org.rnn4j.kernel.KernelSet;
import org.rnn4j.tensor.Workspace;

/**
 * The LSTM: gates = Gx + h·W_hhᵀ [i, f, g, o]; {@code c' = f·c + i·g}; {@code h' = o·tanh(c')}, then
 * {@code y = W_hr·h'} with a projection. Keeps the cell state each step read, tanh(c') and, with a
 * projection, h' before W_hr.
 */
final class LstmEquations extends CellEquations {
    private final float[] cPrev;  // [N, H] the cell state each step read (recorded only)
    private final float[] tanhC;  // [N, H] tanh(c') ([B, H] when nothing is recorded)
    private final float[] hFull;  // [N, H] with projection: o·tanh(c') before W_hr ([B, H] unrecorded), else null

    LstmEquations(FusedLayer l, boolean keep) {
        super(l, keep);
        int rows = keep ? l.n : l.batch;
        cPrev = keep ? Workspace.floats(l.n * hidden) : null;
        tanhC = Workspace.floats(rows * hidden);
        hFull = l.w.wHr() != null ? Workspace.floats(rows * hidden) : null;
    }

    @Override
    void step(KernelSet k, FusedLayer.Forward f, int r0, int bt, boolean keep) {
        int hs = l.hOff();
        int cs = l.cOff();
        f.recurrent(k, bt, gates, r0 * gh, true);
        float[] cp = out;
        int cpOff = cs;
        if (keep) {
            System.arraycopy(out, hs, hPrev, r0 * proj, bt * proj);
            System.arraycopy(out, cs, cPrev, r0 * hidden, bt * hidden);
            cp = cPrev;
            cpOff = r0 * hidden;
        }
        int so = keep ? r0 * hidden : 0;
        boolean projected = hFull != null;
        k.recurrent().lstmGatesForward(bt, hidden, gates, r0 * gh, cp, cpOff, out, cs, tanhC, so,
                projected ? hFull : out, projected ? so : r0 * proj);
        if (projected) {
            // y = h_full·W_hrᵀ   [bt, H] × [H, P]
            k.gemm().gemm(false, true, bt, proj, hidden, hFull, so, hidden, l.w.wHr().value().data(), 0, hidden, out, r0 * proj, proj, false);
        }
        System.arraycopy(out, r0 * proj, out, hs, bt * proj);
    }

    @Override
    float[] cellGradient(float[] g) {
        return BackwardPass.copyOf(g, l.cOff(), l.batch * hidden);
    }

    @Override
    float[] projectedGradient() {
        return hFull != null ? Workspace.floats(l.n * proj) : null;
    }

    @Override
    void stepBack(KernelSet k, BackwardPass d, int r0, int bt) {
        float[] g = d.g;
        if (d.dHp != null) {
            // dL/dy = dh + dout (P wide); back through the projection: dL/dh_full = dL/dy · W_hr
            k.elementwise().binary(BinaryOp.ADD, d.dh, 0, g, r0 * proj, d.dHp, r0 * proj, bt * proj);
            k.gemm().gemm(false, false, bt, hidden, proj, d.dHp, r0 * proj, proj, l.w.wHr().value().data(), 0, hidden, d.dhWs, 0, hidden, false);
        } else {
            k.elementwise().binary(BinaryOp.ADD, d.dh, 0, g, r0 * proj, d.dhWs, 0, bt * hidden);
        }
        k.recurrent().lstmGatesBackward(bt, hidden, gates, r0 * gh, cPrev, r0 * hidden, tanhC, r0 * hidden, d.dhWs, 0,
                d.dc, 0, d.dA, r0 * gh);
        d.biasSums(k, r0, bt);
        // dL/dh_prev = dGates·W_hh   [bt, 4H] × [4H, P]
        d.recurrentBack(k, bt, d.dA, r0, d.dh, false);
    }

    /** dW_hr += dYᵀ·H_full   [P, rows] × [rows, H]. */
    @Override
    void chunkProducts(KernelSet k, BackwardPass d, int r, int rows) {
        LayerWeights w = l.w;
        if (w.wHr() != null && w.wHr().requiresGrad()) {
            k.gemm().gemm(true, false, proj, hidden, rows, d.dHp, r * proj, proj, hFull, r * hidden, hidden,
                    w.wHr().gradBuffer().data(), 0, hidden, true);
        }
    }
}
