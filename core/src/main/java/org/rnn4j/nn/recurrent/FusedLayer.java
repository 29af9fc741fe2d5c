package org.rnn4j.nn.recurrent;

import java.util.ArrayList;
import java.util.List;
import org.rnn4j.autograd.GradMode;
import org.rnn4j.autograd.Var;
import org.rnn4j.kernel.GemmKernels;
import org.rnn4j.kernel.Kernels;
import org.rnn4j.kernel.KernelSet;
import org.rnn4j.kernel.PackedB;
import org.rnn4j.kernel.Parallel;
import org.rnn4j.tensor.Shape;
import org.rnn4j.tensor.Tensor;
import org.rnn4j.tensor.Workspace;

/**
 * One layer in one direction as ONE autograd node: the fast path of every recurrent layer and cell.
 *
 * <p>This class is the scheduling; the cell's equations (its buffers, step and step backward) are a
 * {@link CellEquations} of the layer's {@link CellKind}, and each backward pass is a {@link BackwardPass}.
 * Forward: the input projection of all steps is one GEMM, {@code Gx = X·W_ihᵀ} [N, G·H]; then per step
 * its biases, one recurrent GEMM on the step's active rows and the cell's fused gate kernel. Backward
 * walks the steps in reverse with the cell's gate-backward kernel, the bias gradients' column sums and
 * one GEMM per step for dL/dh_prev (W_hh packed once); after each chunk of steps ({@link #GRAD_CHUNK_ROWS})
 * it computes that chunk's dW_ih, dW_hh, the cell's own weight gradients and (but for one direction of two) dX.
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
    final CellKind kind;
    final StepLayout steps;
    final boolean reverse;
    final int in;      // input width
    final int hidden;  // H
    final int proj;    // P: proj_size, or H
    final int gh;      // G·H
    final int n;       // N rows
    final int batch;   // B
    final Var x;
    final Var h0;
    final int h0Off;
    final Var c0;
    final int c0Off;
    final LayerWeights w;
    final boolean paired;        // one direction of applyBidirectional: already one thread per direction
    private final Tensor value;  // the node's value, flat (class comment)
    final float[] out;           // its data
    private final CellEquations eq;      // the cell's equations, with what the forward keeps for backward
    private final float[] whhTStore;     // storage for W_hhᵀ packed for the forward steps, or null (packsWeight)

    /** Takes the value and every forward buffer (and, when {@code keep}, those kept for backward) from the calling thread's workspace step. */
    private FusedLayer(CellKind kind, Var x, int inWidth, StepLayout steps, Var h0, int h0Off,
                       Var c0, int c0Off, LayerWeights w, boolean reverse, boolean paired, boolean keep) {
        this.kind = kind;
        this.steps = steps;
        this.reverse = reverse;
        this.paired = paired;
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
        this.eq = kind.equations().create(this, keep);
        this.whhTStore = packsWeight(steps.steps()) ? Workspace.floats(Kernels.gemm().packedBSize(proj, gh)) : null;
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
        List<Var> inputs = new ArrayList<>();
        boolean anyGrad = collect(inputs, x, h0, c0) | collect(inputs, w.wIh(), w.wHh(), w.bIh(), w.bHh(), w.wHr());
        boolean record = GradMode.isEnabled() && anyGrad;
        FusedLayer f = new FusedLayer(kind, x, inWidth, steps, h0, h0Off, c0, c0Off, w, reverse, false, record);
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
        List<Var> inputs = new ArrayList<>();
        boolean anyGrad = collect(inputs, x, h0, c0);
        for (int d = 0; d < 2; d++) {
            anyGrad |= collect(inputs, w[d].wIh(), w[d].wHh(), w[d].bIh(), w[d].bHh(), w[d].wHr());
        }
        boolean record = GradMode.isEnabled() && anyGrad;
        FusedLayer[] f = new FusedLayer[2];
        for (int d = 0; d < 2; d++) {
            f[d] = new FusedLayer(kind, x, inWidth, steps, h0, h0Off[d], c0, c0Off[d], w[d], d == 1, true, record);
        }
        Parallel.forEach(2, d -> f[d].forward(record));
        // a direction's gradient is kept here for the hidden node, which the graph reaches after both directions
        Tensor[] gradOut = new Tensor[2];
        Var both = Var.of(kind.layerOp(false) + "_bidirectional", Workspace.zeros(Shape.of(1)), g -> backwardBoth(f, gradOut),
                inputs.toArray(new Var[0]));
        Var[] out = new Var[2];
        for (int d = 0; d < 2; d++) {
            int dir = d;
            out[d] = Var.of(kind.layerOp(d == 1), f[d].value, g -> {
                gradOut[dir] = g;
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
    private static void backwardBoth(FusedLayer[] f, Tensor[] gradOut) {
        BackwardPass[] pass = new BackwardPass[2];
        for (int d = 0; d < 2; d++) {
            if (gradOut[d] != null) {
                pass[d] = new BackwardPass(f[d], f[d].eq, gradOut[d]);
            }
        }
        Parallel.forEach(2, d -> {
            if (pass[d] != null) {
                pass[d].steps();
                pass[d].finishGradients();
            }
        });
        for (int d = 1; d >= 0; d--) { // reverse direction first, as the graph order had it when the directions were separate nodes
            if (pass[d] != null) {
                pass[d].inputGradient();
                gradOut[d] = null;
            }
        }
    }

    // ---------------------------------------------------------------- forward

    /** The recurrent product of one forward pass, with W_hhᵀ packed once for all its steps when there is a packed copy. */
    final class Forward {
        private final PackedB whhT; // [P, G·H], or null

        private Forward(PackedB whhT) {
            this.whhT = whhT;
        }

        /** {@code C[bt, G·H] (+)= h·W_hhᵀ} for the running state rows, with the packed weight when there is one. */
        void recurrent(KernelSet k, int bt, float[] c, int cOff, boolean accumulate) {
            int hs = hOff();
            if (whhT != null && packedStep(bt)) {
                k.gemm().gemmPacked(false, bt, out, hs, proj, whhT, c, cOff, gh, accumulate);
            } else {
                k.gemm().gemm(false, true, bt, gh, proj, out, hs, proj, w.wHh().value().data(), 0, proj, c, cOff, gh, accumulate);
            }
        }
    }

    /** The forward pass into the buffers taken at construction; allocates nothing in the time loop, so it may run on any thread. */
    private void forward(boolean keep) {
        KernelSet k = Kernels.get();
        float[] gates = eq.gates;
        // Gx = X·W_ihᵀ   [N, G·H]; the biases are added step by step (below)
        k.gemm().gemm(false, true, n, gh, in, x.value().data(), 0, in, w.wIh().value().data(), 0, in, gates, 0, gh, false);
        if (h0 != null) {
            System.arraycopy(h0.value().data(), h0Off, out, hOff(), batch * proj);
        }
        if (c0 != null) {
            System.arraycopy(c0.value().data(), c0Off, out, cOff(), batch * hidden);
        }
        int steps = this.steps.steps();
        // W_hhᵀ packed once for all steps: the plain product repacks it at every step. Used for steps of
        // more than GEMM_SMALL_ROWS rows, where gemmPacked is bitwise the plain product (smaller steps
        // read W_hh unpacked, which packing would only slow down).
        Forward f = new Forward(whhTStore != null ? k.gemm().packB(true, proj, gh, w.wHh().value().data(), 0, proj, whhTStore) : null);
        int hhCols = eq.hhBiasColumns();
        for (int s = 0; s < steps; s++) {
            int t = reverse ? steps - 1 - s : s;
            int r0 = this.steps.offsets()[t];
            int bt = this.steps.batchSizes()[t];
            if (w.hasBias()) {
                // Gx + b_ih (+ b_hh, or its leading columns: hhBiasColumns), on the step's rows while they are in
                // cache for its product (two passes over all of Gx read it from memory twice)
                k.recurrent().addBiasRows(bt, gh, w.bIh().value().data(), 0, gates, r0 * gh, gh);
                k.recurrent().addBiasRows(bt, hhCols, w.bHh().value().data(), 0, gates, r0 * gh, gh);
            }
            eq.step(k, f, r0, bt, keep);
        }
    }

    /** Whether a pass over {@code steps} steps packs its recurrent weight once (forward W_hhᵀ, backward W_hh). */
    boolean packsWeight(int steps) {
        return steps > 1 && batch > GemmKernels.SMALL_ROWS;
    }

    /** Whether a step of {@code bt} rows uses the packed weight (smaller steps take the unpacked matrix-vector path). */
    static boolean packedStep(int bt) {
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
    int backSplit() {
        return splitsBack() ? gh / 2 : gh;
    }

    /** Where the running h (then h_n) starts in the value: after y [N, P]. */
    int hOff() {
        return n * proj;
    }

    /** Where the running c (then c_n) starts in the value: after h [B, P]. */
    int cOff() {
        return n * proj + batch * proj;
    }

    // ---------------------------------------------------------------- backward

    /**
     * From this G·H on, the backward's per-step product dL/dh_prev = dG·W_hh is cut in two halves of the
     * G·H sum, computed side by side and then added (always, whatever the thread count, so the bits
     * do not depend on it): the product's [B, P] output is one GEMM task otherwise, so a second thread
     * would idle through the largest serial part of the backward pass. Not for the directions of a
     * bidirectional layer, which already run one per thread (there the split only cost time).
     */
    static final int SPLIT_BACK_MIN = 512;

    /**
     * The backward's products of dA — dW_ih, dW_hh, dW_hr and dX — run on chunks of at most this many rows
     * (whole steps; a step with more rows is a chunk of its own), right after the chunk's steps, while
     * its rows of dA are in cache; over all rows at once they read the whole dA from memory again. A rule
     * of the shapes only, so the bits do not depend on the thread count.
     */
    static final int GRAD_CHUNK_ROWS = 512;

    /** The backward of a single layer-direction's node: one pass, on this thread. */
    private void backward(Tensor g) {
        BackwardPass pass = new BackwardPass(this, eq, g);
        pass.steps();
        pass.finishGradients();
    }
}
