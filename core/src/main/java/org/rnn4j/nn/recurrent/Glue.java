package org.rnn4j.nn.recurrent;

import org.rnn4j.autograd.Var;
import org.rnn4j.kernel.BinaryOp;
import org.rnn4j.kernel.Kernels;
import org.rnn4j.kernel.KernelSet;
import org.rnn4j.rand.Rng;
import org.rnn4j.tensor.Shape;
import org.rnn4j.tensor.Tensor;
import org.rnn4j.tensor.Workspace;

/**
 * The differentiable copies around the fused layers: layouts in and out of the time-major packed rows,
 * bidirectional concatenation, state gathers, and dropout between layers. All cost O(elements).
 */
final class Glue {
    private Glue() {
    }

    /** [B, T, F] → [T·B, F] (batch-first to time-major rows). */
    static Var timeMajor(Var x, int batch, int steps, int width) {
        BlockCopy bc = new BlockCopy(steps * batch, x);
        for (int t = 0; t < steps; t++) {
            for (int b = 0; b < batch; b++) {
                bc.add(0, (b * steps + t) * width, (t * batch + b) * width, width);
            }
        }
        return bc.build("to_time_major", Shape.of(steps * batch, width), 0f);
    }

    /**
     * A layer's output rows: row r of the result (row {@code rowOf[r]} when a map is given) is the
     * concatenation over directions of rows r of {@code dirs[d]}'s first [rows, width] values.
     */
    static Var concatRows(Var[] dirs, int rows, int width, int[] rowOf, Shape shape) {
        int d = dirs.length;
        BlockCopy bc = new BlockCopy(rowOf == null && d == 1 ? 1 : rows * d, dirs);
        for (int r = 0; r < rows; r++) {
            int dst = (rowOf == null ? r : rowOf[r]) * d * width;
            for (int k = 0; k < d; k++) {
                bc.add(k, r * width, dst + k * width, width);
            }
        }
        return bc.build(d == 1 ? "rnn_output" : "rnn_output_cat", shape, 0f);
    }

    /**
     * Stacks one state block per fused layer-direction: result[k, b] = {@code fused[k]} values at
     * {@code section + perm[b]·width} (perm {@code null} = identity). Shape [K, B, width] (or [K, width]).
     */
    static Var stackStates(String op, Var[] fused, int section, int batch, int width, int[] perm, Shape shape) {
        BlockCopy bc = new BlockCopy(perm == null ? fused.length : fused.length * batch, fused);
        for (int k = 0; k < fused.length; k++) {
            for (int b = 0; b < batch; b++) {
                int from = section + (perm == null ? b : perm[b]) * width;
                bc.add(k, from, (k * batch + b) * width, width);
            }
        }
        return bc.build(op, shape, 0f);
    }

    /** result[k, j] = state[k, perm[j]] for a state [K, B, width] (batch order change). */
    static Var permuteBatch(Var state, int layers, int batch, int width, int[] perm) {
        BlockCopy bc = new BlockCopy(layers * batch, state);
        for (int k = 0; k < layers; k++) {
            for (int j = 0; j < batch; j++) {
                bc.add(0, (k * batch + perm[j]) * width, (k * batch + j) * width, width);
            }
        }
        return bc.build("sort_state", state.shape(), 0f);
    }

    /** A view with another shape of the same elements (as a graph node). */
    static Var reshape(Var x, Shape shape) {
        if (x.shape().equals(shape)) {
            return x;
        }
        int n = shape.size();
        return new BlockCopy(1, x).add(0, 0, 0, n).build("reshape", shape, 0f);
    }

    /**
     * Inverted dropout on the first {@code size} values of {@code x}: each is zeroed with probability
     * p, the rest scaled by 1/(1-p). Result shape {@code shape}.
     */
    static Var dropout(Var x, int size, Shape shape, double p, Rng rng) {
        float[] mask = Workspace.floats(size);
        float keep = p >= 1 ? 0f : (float) (1.0 / (1.0 - p));
        for (int i = 0; i < size; i++) {
            mask[i] = rng.bernoulli(p) ? 0f : keep;
        }
        Tensor out = Workspace.zeros(shape);
        Kernels.elementwise().binary(BinaryOp.MUL, x.value().data(), 0, mask, 0, out.data(), 0, size);
        return Var.of("rnn_dropout", out, g -> {
            KernelSet k = Kernels.get();
            float[] masked = Workspace.floats(size);
            k.elementwise().binary(BinaryOp.MUL, g.data(), 0, mask, 0, masked, 0, size);
            k.elementwise().axpy(size, 1f, masked, 0, x.gradBuffer().data(), 0);
        }, x);
    }
}
