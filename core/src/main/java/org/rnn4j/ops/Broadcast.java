package org.rnn4j.ops;

import org.rnn4j.autograd.Var;
import org.rnn4j.kernel.Kernels;
import org.rnn4j.kernel.KernelSet;
import org.rnn4j.tensor.Shape;
import org.rnn4j.tensor.Tensor;
import org.rnn4j.tensor.Workspace;

/** NumPy/PyTorch broadcasting rules and the gradient reduction that undoes them. */
final class Broadcast {
    private Broadcast() {
    }

    /** The broadcast shape of {@code a} and {@code b} (dimensions aligned from the right). */
    static Shape shape(String op, Shape a, Shape b) {
        int r = Math.max(a.rank(), b.rank());
        int[] out = new int[r];
        int[] ad = a.dims();
        int[] bd = b.dims();
        for (int i = 0; i < r; i++) {
            int ai = i - (r - ad.length);
            int bi = i - (r - bd.length);
            int x = ai < 0 ? 1 : ad[ai];
            int y = bi < 0 ? 1 : bd[bi];
            if (x != y && x != 1 && y != 1) {
                throw new IllegalArgumentException(op + ": shapes " + a + " and " + b + " are not broadcastable");
            }
            out[i] = x == 1 ? y : x;
        }
        return new Shape(out);
    }

    /**
     * Strides (in elements of {@code in}'s contiguous storage) that read {@code in} as if expanded to
     * {@code out}: 0 for missing and size-1 dimensions.
     */
    static int[] strides(Shape in, Shape out) {
        int r = out.rank();
        int[] s = new int[r];
        int[] inStrides = in.strides();
        int[] id = in.dims();
        for (int i = 0; i < r; i++) {
            int k = i - (r - id.length);
            s[i] = k < 0 || id[k] == 1 ? 0 : inStrides[k];
        }
        return s;
    }

    /** {@code v.grad += alpha · g} where {@code g} has the broadcast shape: sums over broadcast dimensions. */
    static void accumulate(Var v, Tensor g, float alpha) {
        if (!v.requiresGrad()) {
            return;
        }
        KernelSet k = Kernels.get();
        Tensor gb = v.gradBuffer();
        if (v.shape().equals(g.shape())) {
            k.elementwise().axpy(g.size(), alpha, g.data(), 0, gb.data(), 0);
            return;
        }
        Tensor src = g;
        if (alpha != 1f) {
            src = Workspace.zeros(g.shape());
            src.copyFrom(g);
            k.elementwise().scale(src.size(), alpha, src.data(), 0);
        }
        k.index().accumulateStrided(g.dims(), src.data(), 0, gb.data(), 0, strides(v.shape(), g.shape()));
    }
}
