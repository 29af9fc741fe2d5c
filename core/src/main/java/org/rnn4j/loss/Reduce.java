package org.rnn4j.loss;

import org.rnn4j.kernel.Kernels;
import org.rnn4j.tensor.Shape;
import org.rnn4j.tensor.Tensor;
import org.rnn4j.tensor.Workspace;

/** Reduction plumbing shared by the losses: the forward value and the per-element upstream gradient. */
final class Reduce {
    private Reduce() {
    }

    /**
     * The loss value from per-element losses {@code perElement} (shape {@code shape}): itself for
     * NONE, else a 0-d tensor holding the sum, divided by {@code meanDenominator} for MEAN.
     */
    static Tensor value(Reduction r, float[] perElement, Shape shape, double meanDenominator) {
        if (r == Reduction.NONE) {
            Tensor t = Workspace.zeros(shape); // a copy: perElement may be a scratch array of the open step
            System.arraycopy(perElement, 0, t.data(), 0, t.size());
            return t;
        }
        double sum = Kernels.elementwise().sum(perElement, 0, perElement.length);
        return Workspace.full(Shape.scalar(), (float) (r == Reduction.MEAN ? sum / meanDenominator : sum));
    }

    /** The upstream gradient of element i is {@code g[off + i·stride]} (stride 0 = one shared value). */
    record RowGrad(float[] g, int off, int stride) {
    }

    static RowGrad rowGrad(Reduction r, Tensor gradOutput, double meanDenominator) {
        return switch (r) {
            case NONE -> new RowGrad(gradOutput.data(), 0, 1);
            case SUM -> new RowGrad(new float[] {gradOutput.item()}, 0, 0);
            case MEAN -> new RowGrad(new float[] {(float) (gradOutput.item() / meanDenominator)}, 0, 0);
        };
    }

    /**
     * {@code t} broadcast (NumPy rules, aligned on the right) to {@code to}, as a contiguous array; the
     * array of {@code t} itself when the shapes are equal.
     */
    static float[] expand(String op, String what, Tensor t, Shape to) {
        if (t.shape().equals(to)) {
            return t.data();
        }
        int[] src = t.dims();
        int[] dst = to.dims();
        if (src.length > dst.length) {
            throw new IllegalArgumentException(op + ": " + what + " " + t.shape() + " cannot broadcast to input " + to);
        }
        int[] srcStrides = t.shape().strides();
        int[] strides = new int[dst.length];
        for (int i = 0; i < src.length; i++) {
            int d = dst.length - src.length + i;
            if (src[i] == dst[d]) {
                strides[d] = srcStrides[i];
            } else if (src[i] != 1) {
                throw new IllegalArgumentException(op + ": " + what + " " + t.shape() + " cannot broadcast to input " + to);
            }
        }
        float[] out = Workspace.floats(to.size());
        Kernels.index().copyStrided(dst, t.data(), 0, strides, out, 0);
        return out;
    }
}
