package org.rnn4j.nn.recurrent;

import java.util.ArrayList;
import java.util.List;
import org.rnn4j.autograd.GradMode;
import org.rnn4j.autograd.Var;
import org.rnn4j.kernel.BinaryOp;
import org.rnn4j.kernel.GemmKernels;
import org.rnn4j.kernel.Kernels;
import org.rnn4j.kernel.KernelSet;
import org.rnn4j.kernel.PackedB;
import org.rnn4j.kernel.Parallel;
import org.rnn4j.kernel.UnaryOp;
import org.rnn4j.tensor.Shape;
import org.rnn4j.tensor.Tensor;
import org.rnn4j.tensor.Workspace;

/**
 * One layer in one direction as ONE autograd node: the fast path of every recurrent layer and cell.
 *
 * <p>Forward: the input projection of all steps is one GEMM, {@code Gx = X·W_ihᵀ} [N, G·H]; then
 * per step its biases, one recurrent GEMM on the step's active rows and one fused gate kernel. Backward
 * walks the steps in reverse with the fused gate-backward kernel, the bias gradients' column sums and
 * one GEMM per step for dL/dh_prev (W_hh packed once); after each chunk of steps ({@link #GRAD_CHUNK_ROWS})
 * it computes that chunk's dW_ih, dW_hh, dW_hr and (but for one direction of two) dX.
 * Every buffer is taken before the time loops (from the open {@link Workspace} step, if any: the
 * node's value, the tensors saved for backward and the backward buffers alike); nothing is allocated
 * inside them.
 *
 * <p>The node's value is flat: {@code [ y (N·P) | h_n (B·P) | c_n (B·H), LSTM only ]}, y in the
 * packed row order of the input ({@link StepLayout}), h_n / c_n in the row (sorted batch) order. The
 * running state lives in the h_n / c_n sections: with packed input the active rows of a step are a
 * prefix, so a sequence that has ended stops being updated (forward direction) and one that has not
 * started yet still holds h0 (reverse direction, which starts at each sequence's own last step).
 */
final class FusedLayer {
    private final CellKind kind;
    private final StepLayout steps;
    private final boolean reverse;
    private final int in;      // input width
    private final int hidden;  // H
    private final int proj;    // P: proj_size, or H
    private final int gh;      // G·H
    private final int n;       // N rows
    private final int batch;   // B
    private final Var x;
    private final Var h0;
    private final int h0Off;
    private final Var c0;
    private final int c0Off;
    private final LayerWeights w;
    private final Tensor value; // the node's value, flat (class comment)
    private final float[] out;  // its data

    // Saved for backward ([N, ·]) or, when no graph is recorded, one-step workspaces ([B, ·]).
    private float[] gates;  // [N, G·H] pre-activations, then activations (LSTM, GRU)
    private float[] whhTBuffer; // its storage, taken by allocate
    private PackedB whhHi;      // backward with a split product: W_hh rows [G·H/2, G·H) packed; whh holds the rows before
    private Grads grads;        // the backward pass's buffers (prepareBackward)
    private Tensor gradOut;     // bidirectional: the gradient of this direction's node, until the pair's backward
    private boolean paired;     // one direction of applyBidirectional: already one thread per direction
    private PackedB whhT;   // W_hhᵀ packed for the forward steps [P, G·H], or null (one step, or small batches); dropped after forward
    private PackedB whh;    // W_hh packed for the backward steps [G·H, P], or null (same rule); dropped after backward
    private PackedB wih;    // W_ih packed for dX chunk by chunk [G·H, in], or null (no dX, or one direction of two); dropped after backward
    private float[] hPrev;  // [N, P]   the state each step read
    private float[] cPrev;  // [N, H]   LSTM
    private float[] tanhC;  // [N, H]   LSTM: tanh(c')
    private float[] hFull;  // [N, H]   LSTM with projection: o·tanh(c') before W_hr
    private float[] ghn;    // [N, H]   GRU: W_hn h + b_hn
    private float[] ghWs;   // [B, 3H]  GRU workspace: W_hh h of one step

    private FusedLayer(CellKind kind, Var x, int inWidth, StepLayout steps, Var h0, int h0Off,
                       Var c0, int c0Off, LayerWeights w, boolean reverse) {
        this.kind = kind;
        this.steps = steps;
        this.reverse = reverse;
        this.in = inWidth;
        this.gh = w.wHh().shape().dim(0);
        this.hidden = gh / kind.gates();
        this.proj = w.wHh().shape().dim(1);
        this.n = steps.rows();
        this.batch = steps.batch();
        this.x = x;
        this.h0 = h0;
        this.h0Off = h0Off;
        this.c0 = c0;
        this.c0Off = c0Off;
        this.w = w;
        if (!w.wIh().shape().equals(Shape.of(gh, inWidth)) || x.value().size() < n * inWidth) {
            throw new IllegalStateException("fused " + kind + ": weight_ih " + w.wIh().shape() + " / input of "
                    + x.value().size() + " values do not fit [" + n + ", " + inWidth + "]");
        }
        this.value = Workspace.zeros(Shape.of(n * proj + batch * proj + (kind.hasCell() ? batch * hidden : 0)));
        this.out = value.data();
    }

    /**
     * Runs the layer-direction and returns its node (value layout in the class comment).
     *
     * @param x     its first N·inWidth values are the input rows [N, inWidth], packed time-major
     * @param h0    initial hidden state, B·P values from {@code h0Off} in row order; {@code null} = zeros
     * @param c0    LSTM initial cell state, B·H values from {@code c0Off}; {@code null} = zeros
     */
    static Var apply(CellKind kind, Var x, int inWidth, StepLayout steps, Var h0, int h0Off,
                     Var c0, int c0Off, LayerWeights w, boolean reverse) {
        FusedLayer f = new FusedLayer(kind, x, inWidth, steps, h0, h0Off, c0, c0Off, w, reverse);
        List<Var> inputs = new ArrayList<>();
        boolean anyGrad = collect(inputs, x, h0, c0) | collect(inputs, w.wIh(), w.wHh(), w.bIh(), w.bHh(), w.wHr());
        boolean record = GradMode.isEnabled() && anyGrad;
        f.allocate(record);
        f.forward(record);
        return Var.of(kind.layerOp(reverse), f.value, f::backward, inputs.toArray(new Var[0]));
    }

    /**
     * Runs the two directions of one bidirectional layer side by side ({@link Parallel}: one direction per
     * thread, each direction's kernels on its own thread) and returns their nodes, forward then reverse,
     * each with the value layout of {@link #apply}. Both hang off one hidden node whose backward runs the
     * two directions' backward passes side by side too, then adds their input gradients dX in a fixed
     * order (reverse direction first); so results are the same bits for any thread count. Every buffer
     * is taken on the calling thread, before the work is shared out (a {@link Workspace} step belongs to
     * the thread that opened it).
     *
     * @param h0Off per direction, as in {@link #apply}
     * @param c0Off per direction, as in {@link #apply}
     * @param w     per direction
     */
    static Var[] applyBidirectional(CellKind kind, Var x, int inWidth, StepLayout steps, Var h0, int[] h0Off,
                                    Var c0, int[] c0Off, LayerWeights[] w) {
        FusedLayer[] f = new FusedLayer[2];
        List<Var> inputs = new ArrayList<>();
        boolean anyGrad = collect(inputs, x, h0, c0);
        for (int d = 0; d < 2; d++) {
            f[d] = new FusedLayer(kind, x, inWidth, steps, h0, h0Off[d], c0, c0Off[d], w[d], d == 1);
            f[d].paired = true;
            anyGrad |= collect(inputs, w[d].wIh(), w[d].wHh(), w[d].bIh(), w[d].bHh(), w[d].wHr());
        }
        boolean record = GradMode.isEnabled() && anyGrad;
        for (FusedLayer l : f) {
            l.allocate(record);
        }
        Parallel.forEach(2, d -> f[d].forward(record));
        Var both = Var.of(kind.layerOp(false) + "_bidirectional", Workspace.zeros(Shape.of(1)), g -> backwardBoth(f),
                inputs.toArray(new Var[0]));
        Var[] out = new Var[2];
        for (int d = 0; d < 2; d++) {
            FusedLayer l = f[d];
            // a direction's gradient is kept for the hidden node, which the graph reaches after both directions
            out[d] = Var.of(kind.layerOp(d == 1), l.value, g -> {
                l.gradOut = g;
                both.gradBuffer();
            }, both);
        }
        return out;
    }

    /** Adds the non-null {@code vars} to {@code into}; whether any of them requires a gradient. */
    private static boolean collect(List<Var> into, Var... vars) {
        boolean any = false;
        for (Var v : vars) {
            if (v != null) {
                into.add(v);
                any |= v.requiresGrad();
            }
        }
        return any;
    }

    /** The backward of {@link #applyBidirectional}'s hidden node: the directions that got a gradient, side by side. */
    private static void backwardBoth(FusedLayer[] f) {
        for (FusedLayer l : f) {
            if (l.gradOut != null) {
                l.prepareBackward(l.gradOut);
            }
        }
        Parallel.forEach(2, d -> {
            if (f[d].gradOut != null) {
                f[d].backwardSteps();
                f[d].finishGradients();
            }
        });
        for (int d = 1; d >= 0; d--) { // reverse direction first, as the graph order had it when the directions were separate nodes
            if (f[d].gradOut != null) {
                f[d].inputGradient();
                f[d].gradOut = null;
            }
        }
    }

    // ---------------------------------------------------------------- forward

    /** Takes every forward buffer (and, when recording, those kept for backward) from the calling thread's workspace step. */
    private void allocate(boolean keep) {
        int rows = keep ? n : batch;
        gates = Workspace.scratchFloats(n * gh); // every row written by the input product
        hPrev = keep ? Workspace.floats(n * proj) : null;
        if (kind == CellKind.LSTM) {
            cPrev = keep ? Workspace.floats(n * hidden) : null;
            tanhC = Workspace.floats(rows * hidden);
            hFull = w.wHr() != null ? Workspace.floats(rows * hidden) : null;
        } else if (kind == CellKind.GRU) {
            ghn = Workspace.floats(rows * hidden);
            ghWs = Workspace.floats(batch * gh);
        }
        whhTBuffer = packsWeight(this.steps.steps()) ? Workspace.floats(Kernels.gemm().packedBSize(proj, gh)) : null;
    }

    /** The forward pass into the buffers of {@link #allocate}; allocates nothing, so it may run on any thread. */
    private void forward(boolean keep) {
        KernelSet k = Kernels.get();
        // Gx = X·W_ihᵀ   [N, G·H]; the biases are added step by step (below)
        k.gemm().gemm(false, true, n, gh, in, x.value().data(), 0, in, w.wIh().value().data(), 0, in, gates, 0, gh, false);
        if (h0 != null) {
            System.arraycopy(h0.value().data(), h0Off, out, hOff(), batch * proj);
        }
        if (c0 != null) {
            System.arraycopy(c0.value().data(), c0Off, out, cOff(), batch * hidden);
        }
        int steps = this.steps.steps();
        // W_hhᵀ packed once for all steps: the plain product repacks it at every step (W4b32: 41 % of
        // the time). Used for steps of more than GEMM_SMALL_ROWS rows, where gemmPacked is bitwise the
        // plain product (smaller steps read W_hh unpacked, which packing would only slow down).
        whhT = whhTBuffer != null ? k.gemm().packB(true, proj, gh, w.wHh().value().data(), 0, proj, whhTBuffer) : null;
        for (int s = 0; s < steps; s++) {
            int t = reverse ? steps - 1 - s : s;
            int r0 = this.steps.offsets()[t];
            int bt = this.steps.batchSizes()[t];
            if (w.hasBias()) {
                // Gx + b_ih (+ b_hh; for the GRU only its r, z rows), on the step's rows while they are in
                // cache for its product (two passes over all of Gx read it from memory twice)
                k.recurrent().addBiasRows(bt, gh, w.bIh().value().data(), 0, gates, r0 * gh, gh);
                k.recurrent().addBiasRows(bt, kind == CellKind.GRU ? 2 * hidden : gh, w.bHh().value().data(), 0, gates, r0 * gh, gh);
            }
            switch (kind) {
                case RNN_TANH, RNN_RELU -> rnnStep(k, r0, bt, keep);
                case LSTM -> lstmStep(k, r0, bt, keep);
                case GRU -> gruStep(k, r0, bt, keep);
            }
        }
        whhT = null;
    }

    /** Whether a pass over {@code steps} steps packs its recurrent weight once (forward W_hhᵀ, backward W_hh). */
    private boolean packsWeight(int steps) {
        return steps > 1 && batch > GemmKernels.SMALL_ROWS;
    }

    /** Whether a step of {@code bt} rows uses the packed weight (smaller steps take the unpacked matrix-vector path). */
    private static boolean packedStep(int bt) {
        return bt > GemmKernels.SMALL_ROWS;
    }

    /**
     * Whether the backward cuts its per-step product dL/dh_prev in two halves of the sum ({@link #SPLIT_BACK_MIN}):
     * a rule of the shapes and the layer's structure only, never of the thread count.
     */
    private boolean splitsBack() {
        return !paired && packsWeight(steps.steps()) && gh >= SPLIT_BACK_MIN;
    }

    /** The rows of W_hh in the backward product's first half: G·H / 2 when it is split, else all G·H. */
    private int backSplit() {
        return splitsBack() ? gh / 2 : gh;
    }

    /** {@code C[bt, G·H] (+)= h·W_hhᵀ} for the state rows at {@code hs}, with the packed weight when there is one. */
    private void recurrent(KernelSet k, int bt, int hs, float[] c, int cOff, boolean accumulate) {
        if (whhT != null && packedStep(bt)) {
            k.gemm().gemmPacked(false, bt, out, hs, proj, whhT, c, cOff, gh, accumulate);
        } else {
            k.gemm().gemm(false, true, bt, gh, proj, out, hs, proj, w.wHh().value().data(), 0, proj, c, cOff, gh, accumulate);
        }
    }

    private int hOff() {
        return n * proj;
    }

    private int cOff() {
        return n * proj + batch * proj;
    }

    /** h' = act(Gx + h·W_hhᵀ). */
    private void rnnStep(KernelSet k, int r0, int bt, boolean keep) {
        int hs = hOff();
        recurrent(k, bt, hs, gates, r0 * gh, true);
        if (keep) {
            System.arraycopy(out, hs, hPrev, r0 * proj, bt * proj);
        }
        k.elementwise().unary(kind == CellKind.RNN_TANH ? UnaryOp.TANH : UnaryOp.RELU, gates, r0 * gh, out, r0 * proj, bt * hidden);
        System.arraycopy(out, r0 * proj, out, hs, bt * proj);
    }

    /** gates = Gx + h·W_hhᵀ; c' = f·c + i·g; h' = o·tanh(c') (then W_hr·h' with a projection). */
    private void lstmStep(KernelSet k, int r0, int bt, boolean keep) {
        int hs = hOff();
        int cs = cOff();
        recurrent(k, bt, hs, gates, r0 * gh, true);
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
            k.gemm().gemm(false, true, bt, proj, hidden, hFull, so, hidden, w.wHr().value().data(), 0, hidden, out, r0 * proj, proj, false);
        }
        System.arraycopy(out, r0 * proj, out, hs, bt * proj);
    }

    /** gh = h·W_hhᵀ; r, z, n gates; h' = (1-z)·n + z·h. */
    private void gruStep(KernelSet k, int r0, int bt, boolean keep) {
        int hs = hOff();
        recurrent(k, bt, hs, ghWs, 0, false);
        if (keep) {
            System.arraycopy(out, hs, hPrev, r0 * hidden, bt * hidden);
        }
        float[] bhh = w.hasBias() ? w.bHh().value().data() : null;
        k.recurrent().gruGatesForward(bt, hidden, gates, r0 * gh, ghWs, 0, bhh, 2 * hidden, out, hs, out, r0 * hidden,
                ghn, keep ? r0 * hidden : 0);
        System.arraycopy(out, r0 * hidden, out, hs, bt * hidden);
    }

    // ---------------------------------------------------------------- backward

    /** Running gradients and all-step gradient buffers of one backward pass. */
    private static final class Grads {
        float[] dh;    // [B, P]   dL/d(state after the step being processed); dL/dh0 at the end
        float[] dc;    // [B, H]   LSTM: same for c
        float[] dA;    // [N, G·H] dL/d(W_ih x + b_ih)
        float[] dGh;   // [N, G·H] dL/d(W_hh h + b_hh) (= dA except for the GRU)
        float[] dHp;   // [N, P]   LSTM with projection: dL/dh' (projected) per step
        float[] dhWs;  // [B, H]   dL/dh' of one step (before the projection)
        float[] g;     // the node's gradient (value layout)
        float[] sums;  // [G·H]    column sums of dA, step by step: b_ih's gradient (and b_hh's, but for the GRU)
        float[] sumsH; // [G·H]    GRU: column sums of dGh, b_hh's gradient
        float[] dhPart; // [B, P]  split product: the second half's part of dL/dh_prev
        float[] whhStore;   // storage for the packed W_hh (its first backSplit() rows), or null
        float[] whhHiStore; // split product: storage for the packed rest of W_hh, or null
        float[] wihStore;   // dX chunk by chunk: storage for the packed W_ih, or null
    }

    /**
     * From this G·H on, the backward's per-step product dL/dh_prev = dG·W_hh is cut in two halves of the
     * G·H sum, computed side by side and then added (always, whatever the thread count, so the bits
     * do not depend on it): the product's [B, P] output is one GEMM task otherwise, so a second thread
     * would idle through the largest serial part of the backward pass. Not for the directions of a
     * bidirectional layer, which already run one per thread (there the split only cost time: W2 on 2
     * threads 182, 177 → 173, 163 seq/s).
     */
    static final int SPLIT_BACK_MIN = 512;

    /**
     * The backward's products of dA — dW_ih, dW_hh, dW_hr and dX — run on chunks of at most this many rows
     * (whole steps; a step with more rows is a chunk of its own), right after the chunk's steps, while
     * its rows of dA are in cache; over all rows at once they read the whole dA (26 MB in W2, W3) from
     * memory again. A rule of the shapes only, so the bits do not depend on the thread count.
     */
    static final int GRAD_CHUNK_ROWS = 512;

    private void backward(Tensor g) {
        prepareBackward(g);
        backwardSteps();
        finishGradients();
        grads = null;
    }

    /**
     * Takes the backward buffers from the calling thread's workspace step and the gradient buffers the pass adds
     * into (allocated on first use), so that {@link #backwardSteps} (with its chunk products) and {@link #finishGradients} allocate nothing.
     */
    private void prepareBackward(Tensor g) {
        float[] gd = g.data();
        Grads d = new Grads();
        d.g = gd;
        d.dh = copyOf(gd, hOff(), batch * proj);
        d.dc = kind.hasCell() ? copyOf(gd, cOff(), batch * hidden) : null;
        d.dA = Workspace.scratchFloats(n * gh); // every step writes its rows of both
        d.dGh = kind == CellKind.GRU ? Workspace.scratchFloats(n * gh) : d.dA;
        d.dHp = hFull != null ? Workspace.floats(n * proj) : null;
        d.dhWs = Workspace.floats(batch * hidden);
        boolean ownH = d.dGh != d.dA; // the GRU: b_hh's gradient sums dGh, not dA
        d.sums = w.hasBias() && (w.bIh().requiresGrad() || !ownH && w.bHh().requiresGrad()) ? Workspace.floats(gh) : null;
        d.sumsH = w.hasBias() && ownH && w.bHh().requiresGrad() ? Workspace.floats(gh) : null;
        grads = d;
        KernelSet k = Kernels.get();
        int lo = backSplit();
        d.whhStore = packsWeight(steps.steps()) ? Workspace.floats(k.gemm().packedBSize(lo, proj)) : null;
        d.whhHiStore = lo < gh ? Workspace.floats(k.gemm().packedBSize(gh - lo, proj)) : null;
        d.wihStore = !paired && x.requiresGrad() ? Workspace.floats(k.gemm().packedBSize(gh, in)) : null;
        d.dhPart = lo < gh ? Workspace.floats(batch * proj) : null;
        Var dX = d.wihStore != null ? x : null; // the chunks add into it inside the time loop
        for (Var v : new Var[] {w.wIh(), w.wHh(), w.bIh(), w.bHh(), w.wHr(), h0, c0, dX}) {
            if (v != null && v.requiresGrad()) {
                v.gradBuffer();
            }
        }
    }

    /** The steps in reverse: gate gradients dA (and dGh) of every step, dL/dh0 and dL/dc0 in the running buffers. */
    private void backwardSteps() {
        KernelSet k = Kernels.get();
        Grads d = grads;
        int steps = this.steps.steps();
        // W_hh packed once for all steps, as W_hhᵀ is in forward: the plain product repacked the
        // [G·H, P] weight at every step of dL/dh_prev.
        float[] wd = w.wHh().value().data();
        int lo = backSplit(); // the split product packs the two row halves apart
        whh = d.whhStore != null ? k.gemm().packB(false, lo, proj, wd, 0, proj, d.whhStore) : null;
        whhHi = d.whhHiStore != null ? k.gemm().packB(false, gh - lo, proj, wd, lo * proj, proj, d.whhHiStore) : null;
        wih = d.wihStore != null ? k.gemm().packB(false, gh, in, w.wIh().value().data(), 0, in, d.wihStore) : null;
        int chunkRows = 0; // rows of the steps done since the last chunk of products
        for (int s = steps - 1; s >= 0; s--) {
            int t = reverse ? steps - 1 - s : s;
            int r0 = this.steps.offsets()[t];
            int bt = this.steps.batchSizes()[t];
            switch (kind) {
                case RNN_TANH, RNN_RELU -> rnnBack(k, d, r0, bt);
                case LSTM -> lstmBack(k, d, r0, bt);
                case GRU -> gruBack(k, d, r0, bt);
            }
            // the steps walk the rows down (forward direction) or up (reverse), so the rows done since the
            // last chunk are one block, which ends at this step's rows (forward) or begins there (reverse)
            chunkRows += bt;
            int next = s == 0 ? 0 : this.steps.batchSizes()[reverse ? t + 1 : t - 1];
            if (s == 0 || chunkRows + next > GRAD_CHUNK_ROWS) {
                int first = reverse ? r0 + bt - chunkRows : r0;
                chunkProducts(k, d, first, chunkRows);
                chunkRows = 0;
            }
        }
        whh = null;
        whhHi = null;
        wih = null;
    }

    /**
     * {@code dh[bt, P] (+)= dG·W_hh} for the gate gradients at row {@code r0}, with the packed weight when there is one;
     * split in two halves of the G·H sum, side by side, when {@link #splitsBack} (the second half's part is added last).
     */
    private void recurrentBack(KernelSet k, int bt, float[] dG, int r0, float[] dh, boolean accumulate) {
        if (whhHi != null && packedStep(bt)) {
            int lo = whh.k(); // the rows of W_hh in the first half
            float[] part = grads.dhPart;
            Parallel.forEach(2, half -> {
                if (half == 0) {
                    k.gemm().gemmPacked(false, bt, dG, r0 * gh, gh, whh, dh, 0, proj, accumulate);
                } else {
                    k.gemm().gemmPacked(false, bt, dG, r0 * gh + lo, gh, whhHi, part, 0, proj, false);
                }
            });
            k.elementwise().axpy(bt * proj, 1f, part, 0, dh, 0);
        } else if (whh != null && packedStep(bt)) {
            k.gemm().gemmPacked(false, bt, dG, r0 * gh, gh, whh, dh, 0, proj, accumulate);
        } else {
            k.gemm().gemm(false, false, bt, proj, gh, dG, r0 * gh, gh, w.wHh().value().data(), 0, proj, dh, 0, proj, accumulate);
        }
    }

    /** {@code src[from, from + length)} in a buffer of the open step. */
    private static float[] copyOf(float[] src, int from, int length) {
        float[] c = Workspace.floats(length);
        System.arraycopy(src, from, c, 0, length);
        return c;
    }

    private void rnnBack(KernelSet k, Grads d, int r0, int bt) {
        float[] g = d.g;
        UnaryOp act = kind == CellKind.RNN_TANH ? UnaryOp.TANH : UnaryOp.RELU;
        k.recurrent().rnnGatesBackward(act, bt * hidden, out, r0 * proj, d.dh, 0, g, r0 * proj, d.dA, r0 * gh);
        biasSums(k, d, r0, bt);
        // dL/dh_prev = dPre·W_hh   [bt, H] × [H, H]
        recurrentBack(k, bt, d.dA, r0, d.dh, false);
    }

    private void lstmBack(KernelSet k, Grads d, int r0, int bt) {
        float[] g = d.g;
        if (d.dHp != null) {
            // dL/dy = dh + dout (P wide); back through the projection: dL/dh_full = dL/dy · W_hr
            k.elementwise().binary(BinaryOp.ADD, d.dh, 0, g, r0 * proj, d.dHp, r0 * proj, bt * proj);
            k.gemm().gemm(false, false, bt, hidden, proj, d.dHp, r0 * proj, proj, w.wHr().value().data(), 0, hidden, d.dhWs, 0, hidden, false);
        } else {
            k.elementwise().binary(BinaryOp.ADD, d.dh, 0, g, r0 * proj, d.dhWs, 0, bt * hidden);
        }
        k.recurrent().lstmGatesBackward(bt, hidden, gates, r0 * gh, cPrev, r0 * hidden, tanhC, r0 * hidden, d.dhWs, 0,
                d.dc, 0, d.dA, r0 * gh);
        biasSums(k, d, r0, bt);
        // dL/dh_prev = dGates·W_hh   [bt, 4H] × [4H, P]
        recurrentBack(k, bt, d.dA, r0, d.dh, false);
    }

    /**
     * The step's column sums of dA (and for the GRU of dGh) into the bias gradients' sums, while its rows are in cache
     * (summing all of dA after the steps read it from memory once more).
     */
    private void biasSums(KernelSet k, Grads d, int r0, int bt) {
        if (d.sums != null) {
            k.recurrent().sumRowsAdd(bt, gh, d.dA, r0 * gh, gh, d.sums, 0);
        }
        if (d.sumsH != null) {
            k.recurrent().sumRowsAdd(bt, gh, d.dGh, r0 * gh, gh, d.sumsH, 0);
        }
    }

    private void gruBack(KernelSet k, Grads d, int r0, int bt) {
        float[] g = d.g;
        k.elementwise().binary(BinaryOp.ADD, d.dh, 0, g, r0 * hidden, d.dhWs, 0, bt * hidden);
        // writes dA, dGh and the direct path z·dh into d.dh
        k.recurrent().gruGatesBackward(bt, hidden, gates, r0 * gh, ghn, r0 * hidden, hPrev, r0 * hidden, d.dhWs, 0,
                d.dA, r0 * gh, d.dGh, r0 * gh, d.dh, 0);
        biasSums(k, d, r0, bt);
        // dL/dh_prev += dGh·W_hh   [bt, 3H] × [3H, H]   (P = H for the GRU)
        recurrentBack(k, bt, d.dGh, r0, d.dh, true);
    }

    /**
     * dX += dA·W_ih for all steps at once, for one direction of a bidirectional layer (the one gradient both
     * directions add into, in a fixed order once both are done); a single direction adds it chunk by chunk.
     */
    private void inputGradient() {
        if (x.requiresGrad()) {
            // [N, G·H] × [G·H, in]
            Kernels.gemm().gemm(false, false, n, in, gh, grads.dA, 0, gh, w.wIh().value().data(), 0, in, x.gradBuffer().data(), 0, in, true);
        }
        grads = null;
    }

    /**
     * The products of the rows [r, r + rows) of dA — one chunk of steps, still in cache: dW_ih, dW_hh,
     * dW_hr, and dX for a layer that is not one direction of a bidirectional one (whose two directions
     * add dX in a fixed order after both are done, {@link #inputGradient}). Each weight gradient adds the
     * chunks in the order the steps are walked; dX's rows are disjoint per chunk.
     */
    private void chunkProducts(KernelSet k, Grads d, int r, int rows) {
        float[] xd = x.value().data();
        float[] gIh = w.wIh().requiresGrad() ? w.wIh().gradBuffer().data() : null;
        float[] gHh = w.wHh().requiresGrad() ? w.wHh().gradBuffer().data() : null;
        // the leading gate rows whose dGh is dA: all of them for the LSTM and RNN, r and z for the GRU
        int shared = gIh != null && gHh != null ? (d.dGh == d.dA ? gh : 2 * hidden) : 0;
        int a = r * gh;
        if (shared > 0) {
            // dW_ih[:s] += dA[:, :s]ᵀ·X [s, rows] × [rows, in] and dW_hh[:s] += dA[:, :s]ᵀ·H_prev [s, rows] × [rows, P],
            // one transposing pack of dA for both
            k.gemm().gemmPair(true, shared, rows, d.dA, a, gh, in, xd, r * in, in, gIh, 0, in, proj, hPrev, r * proj, proj, gHh, 0,
                    proj, true);
        }
        if (gIh != null && shared < gh) {
            // dW_ih[s:] += dA[:, s:]ᵀ·X   [G·H - s, rows] × [rows, in]
            k.gemm().gemm(true, false, gh - shared, in, rows, d.dA, a + shared, gh, xd, r * in, in, gIh, shared * in, in, true);
        }
        if (gHh != null && shared < gh) {
            // dW_hh[s:] += dGh[:, s:]ᵀ·H_prev   [G·H - s, rows] × [rows, P]
            k.gemm().gemm(true, false, gh - shared, proj, rows, d.dGh, a + shared, gh, hPrev, r * proj, proj, gHh, shared * proj, proj,
                    true);
        }
        if (w.wHr() != null && w.wHr().requiresGrad()) {
            // dW_hr += dYᵀ·H_full   [P, rows] × [rows, H]
            k.gemm().gemm(true, false, proj, hidden, rows, d.dHp, r * proj, proj, hFull, r * hidden, hidden,
                    w.wHr().gradBuffer().data(), 0, hidden, true);
        }
        if (wih != null) {
            // dX += dA·W_ih   [rows, G·H] × [G·H, in]
            k.gemm().gemmPacked(false, rows, d.dA, a, gh, wih, x.gradBuffer().data(), r * in, in, true);
        }
    }

    /** The bias gradients (from the step-by-step sums), dh0 and dc0: each its own buffer, allocated by prepareBackward. */
    private void finishGradients() {
        KernelSet k = Kernels.get();
        Grads d = grads;
        if (w.hasBias()) {
            // the column sums of dA [N, G·H] (for the GRU's b_hh of dGh), summed step by step (biasSums)
            if (w.bIh().requiresGrad()) {
                k.elementwise().axpy(gh, 1f, d.sums, 0, w.bIh().gradBuffer().data(), 0);
            }
            if (w.bHh().requiresGrad()) {
                k.elementwise().axpy(gh, 1f, d.sumsH != null ? d.sumsH : d.sums, 0, w.bHh().gradBuffer().data(), 0);
            }
        }
        if (h0 != null && h0.requiresGrad()) {
            k.elementwise().axpy(batch * proj, 1f, d.dh, 0, h0.gradBuffer().data(), h0Off);
        }
        if (c0 != null && c0.requiresGrad()) {
            k.elementwise().axpy(batch * hidden, 1f, d.dc, 0, c0.gradBuffer().data(), c0Off);
        }
    }
}
