package org.rnn4j.nn.recurrent;

import org.rnn4j.autograd.Var;
import org.rnn4j.kernel.Kernels;
import org.rnn4j.kernel.KernelSet;
import org.rnn4j.kernel.PackedB;
import org.rnn4j.kernel.Parallel;
import org.rnn4j.tensor.Tensor;
import org.rnn4j.tensor.Workspace;

/**
 * One backward pass of a {@link FusedLayer}: its running gradients and all-step gradient buffers, taken
 * from the calling thread's workspace step when the pass is made, so that {@link #steps} (with its chunk
 * products), {@link #finishGradients} and {@link #inputGradient} allocate nothing and may run on another
 * thread. The steps walk time in reverse through the cell's {@link CellEquations#stepBack}; after each
 * chunk of steps ({@link FusedLayer#GRAD_CHUNK_ROWS}) come that chunk's dW_ih, dW_hh, the cell's own
 * weight gradients and (but for one direction of two) dX.
 */
final class BackwardPass {
    private final FusedLayer l;
    private final CellEquations eq;
    final float[] g;     // the node's gradient (value layout)
    final float[] dh;    // [B, P]   dL/d(state after the step being processed); dL/dh0 at the end
    final float[] dc;    // [B, H]   LSTM: same for c, else null
    final float[] dHp;   // [N, P]   LSTM with projection: dL/dh' (projected) per step, else null
    final float[] dA;    // [N, G·H] dL/d(W_ih x + b_ih)
    final float[] dGh;   // [N, G·H] dL/d(W_hh h + b_hh) (= dA but for the GRU)
    final float[] dhWs;  // [B, H]   dL/dh' of one step (before the projection)
    private final float[] sums;  // [G·H] column sums of dA, step by step: b_ih's gradient (and b_hh's, but for the GRU)
    private final float[] sumsH; // [G·H] GRU: column sums of dGh, b_hh's gradient
    private final float[] dhPart; // [B, P] split product: the second half's part of dL/dh_prev
    private final float[] whhStore;   // storage for the packed W_hh (its first backSplit() rows), or null
    private final float[] whhHiStore; // split product: storage for the packed rest of W_hh, or null
    private final float[] wihStore;   // dX chunk by chunk: storage for the packed W_ih, or null
    private PackedB whh;    // W_hh packed for the steps [G·H, P], or null (one step, or small batches); set by steps()
    private PackedB whhHi;  // split product: W_hh rows [G·H/2, G·H) packed; whh holds the rows before
    private PackedB wih;    // W_ih packed for dX chunk by chunk [G·H, in], or null (no dX, or one direction of two)

    BackwardPass(FusedLayer l, CellEquations eq, Tensor grad) {
        this.l = l;
        this.eq = eq;
        LayerWeights w = l.w;
        int gh = l.gh;
        g = grad.data();
        dh = copyOf(g, l.hOff(), l.batch * l.proj);
        dc = eq.cellGradient(g);
        dHp = eq.projectedGradient();
        dA = Workspace.scratchFloats(l.n * gh); // every step writes its rows of both
        dGh = eq.separateHhGradient() ? Workspace.scratchFloats(l.n * gh) : dA;
        dhWs = Workspace.floats(l.batch * l.hidden);
        boolean ownH = dGh != dA; // the GRU: b_hh's gradient sums dGh, not dA
        sums = w.hasBias() && (w.bIh().requiresGrad() || !ownH && w.bHh().requiresGrad()) ? Workspace.floats(gh) : null;
        sumsH = w.hasBias() && ownH && w.bHh().requiresGrad() ? Workspace.floats(gh) : null;
        KernelSet k = Kernels.get();
        int lo = l.backSplit();
        whhStore = l.packsWeight(l.steps.steps()) ? Workspace.floats(k.gemm().packedBSize(lo, l.proj)) : null;
        whhHiStore = lo < gh ? Workspace.floats(k.gemm().packedBSize(gh - lo, l.proj)) : null;
        wihStore = !l.paired && l.x.requiresGrad() ? Workspace.floats(k.gemm().packedBSize(gh, l.in)) : null;
        dhPart = lo < gh ? Workspace.floats(l.batch * l.proj) : null;
        Var dX = wihStore != null ? l.x : null; // the chunks add into it inside the time loop
        for (Var v : new Var[] {w.wIh(), w.wHh(), w.bIh(), w.bHh(), w.wHr(), l.h0, l.c0, dX}) {
            if (v != null && v.requiresGrad()) {
                v.gradBuffer();
            }
        }
    }

    /** {@code src[from, from + length)} in a buffer of the open step. */
    static float[] copyOf(float[] src, int from, int length) {
        float[] c = Workspace.floats(length);
        System.arraycopy(src, from, c, 0, length);
        return c;
    }

    /** The steps in reverse: gate gradients dA (and dGh) of every step, dL/dh0 and dL/dc0 in the running buffers. */
    void steps() {
        KernelSet k = Kernels.get();
        int gh = l.gh;
        int steps = l.steps.steps();
        // W_hh packed once for all steps, as W_hhᵀ is in forward: the plain product repacked the
        // [G·H, P] weight at every step of dL/dh_prev.
        float[] wd = l.w.wHh().value().data();
        int lo = l.backSplit(); // the split product packs the two row halves apart
        whh = whhStore != null ? k.gemm().packB(false, lo, l.proj, wd, 0, l.proj, whhStore) : null;
        whhHi = whhHiStore != null ? k.gemm().packB(false, gh - lo, l.proj, wd, lo * l.proj, l.proj, whhHiStore) : null;
        wih = wihStore != null ? k.gemm().packB(false, gh, l.in, l.w.wIh().value().data(), 0, l.in, wihStore) : null;
        boolean reverse = l.reverse;
        int[] offsets = l.steps.offsets();
        int[] sizes = l.steps.batchSizes();
        int chunkRows = 0; // rows of the steps done since the last chunk of products
        for (int s = steps - 1; s >= 0; s--) {
            int t = reverse ? steps - 1 - s : s;
            int r0 = offsets[t];
            int bt = sizes[t];
            eq.stepBack(k, this, r0, bt);
            // the steps walk the rows down (forward direction) or up (reverse), so the rows done since the
            // last chunk are one block, which ends at this step's rows (forward) or begins there (reverse)
            chunkRows += bt;
            int next = s == 0 ? 0 : sizes[reverse ? t + 1 : t - 1];
            if (s == 0 || chunkRows + next > FusedLayer.GRAD_CHUNK_ROWS) {
                int first = reverse ? r0 + bt - chunkRows : r0;
                chunkProducts(k, first, chunkRows);
                chunkRows = 0;
            }
        }
        whh = null;
        whhHi = null;
        wih = null;
    }

    /**
     * {@code dh[bt, P] (+)= dG·W_hh} for the gate gradients at row {@code r0}, with the packed weight when there is one;
     * split in two halves of the G·H sum, side by side, when the layer {@linkplain FusedLayer#backSplit splits} it (the
     * second half's part is added last).
     */
    void recurrentBack(KernelSet k, int bt, float[] dG, int r0, float[] dh, boolean accumulate) {
        int gh = l.gh;
        int proj = l.proj;
        if (whhHi != null && FusedLayer.packedStep(bt)) {
            int lo = whh.k(); // the rows of W_hh in the first half
            float[] part = dhPart;
            Parallel.forEach(2, half -> {
                if (half == 0) {
                    k.gemm().gemmPacked(false, bt, dG, r0 * gh, gh, whh, dh, 0, proj, accumulate);
                } else {
                    k.gemm().gemmPacked(false, bt, dG, r0 * gh + lo, gh, whhHi, part, 0, proj, false);
                }
            });
            k.elementwise().axpy(bt * proj, 1f, part, 0, dh, 0);
        } else if (whh != null && FusedLayer.packedStep(bt)) {
            k.gemm().gemmPacked(false, bt, dG, r0 * gh, gh, whh, dh, 0, proj, accumulate);
        } else {
            k.gemm().gemm(false, false, bt, proj, gh, dG, r0 * gh, gh, l.w.wHh().value().data(), 0, proj, dh, 0, proj, accumulate);
        }
    }

    /**
     * The step's column sums of dA (and for the GRU of dGh) into the bias gradients' sums, while its rows are in cache
     * (summing all of dA after the steps read it from memory once more).
     */
    void biasSums(KernelSet k, int r0, int bt) {
        int gh = l.gh;
        if (sums != null) {
            k.recurrent().sumRowsAdd(bt, gh, dA, r0 * gh, gh, sums, 0);
        }
        if (sumsH != null) {
            k.recurrent().sumRowsAdd(bt, gh, dGh, r0 * gh, gh, sumsH, 0);
        }
    }

    /**
     * The products of the rows [r, r + rows) of dA — one chunk of steps, still in cache: dW_ih, dW_hh, the
     * cell's own (dW_hr), and dX for a layer that is not one direction of a bidirectional one (whose two
     * directions add dX in a fixed order after both are done, {@link #inputGradient}). Each weight gradient
     * adds the chunks in the order the steps are walked; dX's rows are disjoint per chunk.
     */
    private void chunkProducts(KernelSet k, int r, int rows) {
        LayerWeights w = l.w;
        int gh = l.gh;
        int in = l.in;
        int proj = l.proj;
        float[] hPrev = eq.hPrev;
        float[] xd = l.x.value().data();
        float[] gIh = w.wIh().requiresGrad() ? w.wIh().gradBuffer().data() : null;
        float[] gHh = w.wHh().requiresGrad() ? w.wHh().gradBuffer().data() : null;
        // the leading gate rows whose dGh is dA: all of them for the LSTM and RNN, r and z for the GRU
        int shared = gIh != null && gHh != null ? (dGh == dA ? gh : 2 * l.hidden) : 0;
        int a = r * gh;
        if (shared > 0) {
            // dW_ih[:s] += dA[:, :s]ᵀ·X [s, rows] × [rows, in] and dW_hh[:s] += dA[:, :s]ᵀ·H_prev [s, rows] × [rows, P],
            // one transposing pack of dA for both
            k.gemm().gemmPair(true, shared, rows, dA, a, gh, in, xd, r * in, in, gIh, 0, in, proj, hPrev, r * proj, proj, gHh, 0,
                    proj, true);
        }
        if (gIh != null && shared < gh) {
            // dW_ih[s:] += dA[:, s:]ᵀ·X   [G·H - s, rows] × [rows, in]
            k.gemm().gemm(true, false, gh - shared, in, rows, dA, a + shared, gh, xd, r * in, in, gIh, shared * in, in, true);
        }
        if (gHh != null && shared < gh) {
            // dW_hh[s:] += dGh[:, s:]ᵀ·H_prev   [G·H - s, rows] × [rows, P]
            k.gemm().gemm(true, false, gh - shared, proj, rows, dGh, a + shared, gh, hPrev, r * proj, proj, gHh, shared * proj, proj,
                    true);
        }
        eq.chunkProducts(k, this, r, rows);
        if (wih != null) {
            // dX += dA·W_ih   [rows, G·H] × [G·H, in]
            k.gemm().gemmPacked(false, rows, dA, a, gh, wih, l.x.gradBuffer().data(), r * in, in, true);
        }
    }

    /** The bias gradients (from the step-by-step sums), dh0 and dc0: each its own buffer, allocated when the pass was made. */
    void finishGradients() {
        KernelSet k = Kernels.get();
        LayerWeights w = l.w;
        int gh = l.gh;
        if (w.hasBias()) {
            // the column sums of dA [N, G·H] (for the GRU's b_hh of dGh), summed step by step (biasSums)
            if (w.bIh().requiresGrad()) {
                k.elementwise().axpy(gh, 1f, sums, 0, w.bIh().gradBuffer().data(), 0);
            }
            if (w.bHh().requiresGrad()) {
                k.elementwise().axpy(gh, 1f, sumsH != null ? sumsH : sums, 0, w.bHh().gradBuffer().data(), 0);
            }
        }
        if (l.h0 != null && l.h0.requiresGrad()) {
            k.elementwise().axpy(l.batch * l.proj, 1f, dh, 0, l.h0.gradBuffer().data(), l.h0Off);
        }
        if (l.c0 != null && l.c0.requiresGrad()) {
            k.elementwise().axpy(l.batch * l.hidden, 1f, dc, 0, l.c0.gradBuffer().data(), l.c0Off);
        }
    }

    /**
     * dX += dA·W_ih for all steps at once, for one direction of a bidirectional layer (the one gradient both
     * directions add into, in a fixed order once both are done); a single direction adds it chunk by chunk.
     */
    void inputGradient() {
        if (l.x.requiresGrad()) {
            // [N, G·H] × [G·H, in]
            Kernels.gemm().gemm(false, false, l.n, l.in, l.gh, dA, 0, l.gh, l.w.wIh().value().data(), 0, l.in,
                    l.x.gradBuffer().data(), 0, l.in, true);
        }
    }
}
