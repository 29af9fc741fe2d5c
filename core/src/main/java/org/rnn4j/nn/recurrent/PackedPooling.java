package org.rnn4j.nn.recurrent;

import java.util.Arrays;
import org.rnn4j.autograd.Var;
import org.rnn4j.kernel.BinaryOp;
import org.rnn4j.kernel.Kernels;
import org.rnn4j.kernel.KernelSet;
import org.rnn4j.tensor.Shape;
import org.rnn4j.tensor.Tensor;
import org.rnn4j.tensor.Workspace;

/**
 * Pooling over the valid steps of packed sequences, one row per sequence in the <b>original batch
 * order</b>: what a padded batch with a mask computes, e.g. {@code (out * mask).sum(1) / lengths}
 * for the mean, without ever reading a padded position. So appending padding to a batch cannot
 * change the result.
 */
public final class PackedPooling {
    private PackedPooling() {
    }

    /** Mean over each sequence's steps: data [N, F] → [B, F]. */
    public static Var mean(PackedSequence x) {
        Geometry g = Geometry.of("packed mean", x);
        Tensor out = Workspace.zeros(g.batch, g.width); // [B, F]
        float[] xd = x.data().value().data();
        float[] od = out.data();
        KernelSet k = Kernels.get();
        for (int r = 0; r < g.rows(); r++) {
            k.elementwise().axpy(g.width, 1f, xd, r * g.width, od, g.seqOfRow[r] * g.width);
        }
        for (int b = 0; b < g.batch; b++) { // sum / length
            k.elementwise().binaryScalar(BinaryOp.DIV, od, b * g.width, g.lengths[b], od, b * g.width, g.width);
        }
        Var data = x.data();
        return Var.of("packed_mean", out, gy -> {
            if (data.requiresGrad()) {
                float[] gx = data.gradBuffer().data();
                for (int r = 0; r < g.rows(); r++) {
                    int b = g.seqOfRow[r];
                    k.elementwise().axpy(g.width, 1f / g.lengths[b], gy.data(), b * g.width, gx, r * g.width);
                }
            }
        }, data);
    }

    /** Maximum over each sequence's steps, per feature: data [N, F] → [B, F]; the gradient goes to the winning step. */
    public static Var max(PackedSequence x) {
        Geometry g = Geometry.of("packed max", x);
        Tensor out = Workspace.zeros(g.batch, g.width); // [B, F]
        int[] arg = new int[g.batch * g.width];      // winning packed row per output element
        Arrays.fill(arg, -1);
        float[] xd = x.data().value().data();
        KernelSet k = Kernels.get();
        for (int r = 0; r < g.rows(); r++) {
            int b = g.seqOfRow[r];
            k.index().maxRowUpdate(g.width, xd, r * g.width, out.data(), b * g.width, arg, b * g.width, r);
        }
        Var data = x.data();
        return Var.of("packed_max", out, gy -> {
            if (data.requiresGrad()) {
                float[] gx = data.gradBuffer().data();
                for (int b = 0; b < g.batch; b++) { // gx[arg[b, f], f] += gy[b, f]
                    k.index().argScatterAdd(g.width, gy.data(), b * g.width, arg, b * g.width, g.width, gx, 0);
                }
            }
        }, data);
    }

    /**
     * Packed rows → original sequence: row {@code offsets[t] + j} is step t of the sequence at sorted
     * position j, i.e. original index {@code sortedIndices[j]}.
     */
    private record Geometry(int batch, int width, int[] seqOfRow, int[] lengths) {
        static Geometry of(String op, PackedSequence x) {
            Shape s = x.data().shape();
            if (s.rank() != 2) {
                throw new IllegalArgumentException(op + ": expected packed data [N, F], got " + s);
            }
            StepLayout layout = x.layout();
            int[] sorted = x.sortedIndices();
            int[] seqOfRow = new int[layout.rows()];
            for (int t = 0; t < layout.steps(); t++) {
                for (int j = 0; j < layout.batchSizes()[t]; j++) {
                    seqOfRow[layout.offsets()[t] + j] = sorted[j];
                }
            }
            return new Geometry(layout.batch(), s.dim(1), seqOfRow, x.lengths());
        }

        int rows() {
            return seqOfRow.length;
        }
    }
}
