package org.rnn4j.nn.recurrent;

import org.rnn4j.kernel.Kernels;
import org.rnn4j.kernel.KernelSet;
import org.rnn4j.tensor.Workspace;

/**
 * One cell's equations inside a {@link FusedLayer}: the buffers its forward keeps for backward, its step
 * forward and its step backward. One instance per layer-direction and call, made with the buffers it
 * needs (from the open {@link Workspace} step); the layer does the scheduling around it (the input
 * product, biases, packing, chunks, threads) and hands each step its rows [r0, r0 + bt).
 *
 * <p>Every step reads the running state from the layer's value ({@code h} at {@link FusedLayer#hOff()},
 * {@code c} at {@link FusedLayer#cOff()}), writes the step's output rows y and then the new state there.
 */
abstract class CellEquations {
    /** Makes the equations of one layer-direction; {@code keep}: the graph is recorded, so keep what backward reads. */
    interface Factory {
        CellEquations create(FusedLayer layer, boolean keep);
    }

    final FusedLayer l;
    final int hidden;   // H
    final int proj;     // P
    final int gh;       // G·H
    final float[] out;  // the layer's value (FusedLayer's class comment)
    final float[] gates; // [N, G·H] pre-activations Gx (+ h·W_hhᵀ), then what the gate kernels leave there
    final float[] hPrev; // [N, P] the state each step read, or null when nothing is recorded

    CellEquations(FusedLayer l, boolean keep) {
        this.l = l;
        this.hidden = l.hidden;
        this.proj = l.proj;
        this.gh = l.gh;
        this.out = l.out;
        this.gates = Workspace.scratchFloats(l.n * gh); // every row written by the input product
        this.hPrev = keep ? Workspace.floats(l.n * proj) : null;
    }

    /** The leading gate columns that get {@code b_hh} with {@code b_ih} before the step (all G·H unless the cell adds the rest itself). */
    int hhBiasColumns() {
        return gh;
    }

    /** True when dL/d(W_hh h + b_hh) differs from dL/d(W_ih x + b_ih), so the backward keeps it apart (the GRU). */
    boolean separateHhGradient() {
        return false;
    }

    /**
     * One step forward on the rows [r0, r0 + bt), whose gates hold Gx + biases; {@code f} computes the
     * recurrent product. {@code keep}: rows of the saved buffers are indexed by r0, else they are one-step workspaces.
     */
    abstract void step(KernelSet k, FusedLayer.Forward f, int r0, int bt, boolean keep);

    /** A backward pass's running dL/dc [B, H], starting from the node gradient {@code g}'s c_n part; null without a cell state. */
    float[] cellGradient(float[] g) {
        return null;
    }

    /** A backward pass's buffer for dL/d(projected output) [N, P]; null without a projection. */
    float[] projectedGradient() {
        return null;
    }

    /**
     * One step backward on the rows [r0, r0 + bt): from dL/d(state after the step) in {@code d.dh} (and {@code d.dc})
     * and the step's output gradient, the gate gradients' rows of {@code d.dA} (and {@code d.dGh}), their bias sums,
     * and dL/d(state before the step) back into {@code d.dh} / {@code d.dc}.
     */
    abstract void stepBack(KernelSet k, BackwardPass d, int r0, int bt);

    /** The cell's own weight gradients of the rows [r, r + rows) (a chunk of steps), after the shared ones. */
    void chunkProducts(KernelSet k, BackwardPass d, int r, int rows) {
    }
}
