package org.rnn4j.ops;

import org.rnn4j.autograd.Var;
import org.rnn4j.kernel.BinaryOp;
import org.rnn4j.kernel.Kernels;
import org.rnn4j.kernel.KernelSet;
import org.rnn4j.tensor.Shape;
import org.rnn4j.tensor.Tensor;
import org.rnn4j.tensor.Workspace;

/** Sum and mean over all elements or along one dim (negative dims count from the end), with keepdim. */
public final class Reductions {
    private Reductions() {
    }

    /** Sum of all elements (a 0-d result). */
    public static Var sum(Var x) {
        return all("sum", x, false);
    }

    /** Mean of all elements (a 0-d result; NaN for an empty tensor as in PyTorch). */
    public static Var mean(Var x) {
        return all("mean", x, true);
    }

    private static Var all(String name, Var x, boolean mean) {
        Tensor xv = x.value();
        int n = xv.size();
        double s = Kernels.elementwise().sum(xv.data(), 0, n);
        Tensor out = Workspace.full(Shape.scalar(), (float) (mean ? s / n : s));
        float alpha = mean ? 1f / n : 1f;
        return Var.of(name, out, gy -> {
            if (x.requiresGrad()) { // gx += alpha·gy, gy broadcast (all strides 0)
                Kernels.index().accumulateFromStrided(xv.dims(), alpha, gy.data(), 0, new int[xv.rank()],
                        x.gradBuffer().data(), 0);
            }
        }, x);
    }

    /** {@code x.sum(dim, keepdim)}. */
    public static Var sum(Var x, int dim, boolean keepdim) {
        return along("sum", x, dim, keepdim, false);
    }

    /** {@code x.sum(dim)} (keepdim false). */
    public static Var sum(Var x, int dim) {
        return sum(x, dim, false);
    }

    /** {@code x.mean(dim, keepdim)}. */
    public static Var mean(Var x, int dim, boolean keepdim) {
        return along("mean", x, dim, keepdim, true);
    }

    /** {@code x.mean(dim)} (keepdim false). */
    public static Var mean(Var x, int dim) {
        return mean(x, dim, false);
    }

    private static Var along(String name, Var x, int dim, boolean keepdim, boolean mean) {
        Shape s = x.shape();
        int d = Dims.check(name, s, dim);
        Shape kept = s.with(d, 1);
        Shape outShape = keepdim ? kept : Shape.of(Dims.remove(s.dims(), d));
        int[] strides = kept.strides();
        strides[d] = 0; // every element along d lands on the same output element
        Tensor out = Workspace.zeros(outShape);
        KernelSet k = Kernels.get();
        Tensor xv = x.value();
        k.index().accumulateStrided(s.dims(), xv.data(), 0, out.data(), 0, strides);
        int n = s.dim(d);
        float alpha = mean ? 1f / n : 1f;
        if (mean) {
            k.elementwise().binaryScalar(BinaryOp.DIV, out.data(), 0, n, out.data(), 0, out.size());
        }
        return Var.of(name, out, gy -> {
            if (x.requiresGrad()) { // gx += alpha·gy broadcast along d
                Kernels.index().accumulateFromStrided(s.dims(), alpha, gy.data(), 0, strides, x.gradBuffer().data(), 0);
            }
        }, x);
    }
}
