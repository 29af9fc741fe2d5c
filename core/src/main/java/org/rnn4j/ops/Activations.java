package org.rnn4j.ops;

import org.rnn4j.autograd.Var;
import org.rnn4j.kernel.Kernels;
import org.rnn4j.kernel.KernelSet;
import org.rnn4j.kernel.UnaryOp;
import org.rnn4j.tensor.Shape;
import org.rnn4j.tensor.Tensor;
import org.rnn4j.tensor.Workspace;

/** Elementwise functions (neg, exp, log, tanh, sigmoid, relu) and softmax / log_softmax along a dim. */
public final class Activations {
    private Activations() {
    }

    public static Var neg(Var x) {
        return unary("neg", UnaryOp.NEG, x);
    }

    public static Var exp(Var x) {
        return unary("exp", UnaryOp.EXP, x);
    }

    /** Natural logarithm. */
    public static Var log(Var x) {
        return unary("log", UnaryOp.LOG, x);
    }

    public static Var tanh(Var x) {
        return unary("tanh", UnaryOp.TANH, x);
    }

    public static Var sigmoid(Var x) {
        return unary("sigmoid", UnaryOp.SIGMOID, x);
    }

    public static Var relu(Var x) {
        return unary("relu", UnaryOp.RELU, x);
    }

    private static Var unary(String name, UnaryOp op, Var x) {
        Tensor xv = x.value();
        Tensor y = Workspace.zeros(xv.shape());
        Kernels.elementwise().unary(op, xv.data(), 0, y.data(), 0, y.size());
        return Var.of(name, y, gy -> {
            if (x.requiresGrad()) {
                Kernels.elementwise().unaryBackwardAdd(op, xv.data(), 0, y.data(), 0, gy.data(), 0,
                        x.gradBuffer().data(), 0, y.size());
            }
        }, x);
    }

    /** {@code softmax(x, dim)}: exp(x) / Σ_dim exp(x), computed stably (max subtracted). */
    public static Var softmax(Var x, int dim) {
        return softmax("softmax", x, dim, false);
    }

    /** {@code log_softmax(x, dim)}: x - log Σ_dim exp(x), computed stably. */
    public static Var logSoftmax(Var x, int dim) {
        return softmax("log_softmax", x, dim, true);
    }

    private static Var softmax(String name, Var x, int dim, boolean log) {
        Shape s = x.shape();
        if (s.rank() == 0) {
            // a 0-d tensor behaves as a single element along dim 0 or -1, as in PyTorch
            if (dim != 0 && dim != -1) {
                throw new IllegalArgumentException(name + ": dim " + dim + " out of range for shape " + s);
            }
            return softmaxOn(name, x, 1, 1, 1, log);
        }
        int d = Dims.check(name, s, dim);
        return softmaxOn(name, x, s.sizeBetween(0, d), s.dim(d), s.sizeBetween(d + 1, s.rank()), log);
    }

    private static Var softmaxOn(String name, Var x, int outer, int n, int inner, boolean log) {
        KernelSet k = Kernels.get();
        Tensor y = Workspace.zeros(x.shape());
        if (log) {
            k.elementwise().logSoftmax(outer, n, inner, x.value().data(), 0, y.data(), 0);
        } else {
            k.elementwise().softmax(outer, n, inner, x.value().data(), 0, y.data(), 0);
        }
        return Var.of(name, y, gy -> {
            if (!x.requiresGrad()) {
                return;
            }
            float[] gx = x.gradBuffer().data();
            if (log) {
                k.elementwise().logSoftmaxBackwardAdd(outer, n, inner, y.data(), 0, gy.data(), 0, gx, 0);
            } else {
                k.elementwise().softmaxBackwardAdd(outer, n, inner, y.data(), 0, gy.data(), 0, gx, 0);
            }
        }, x);
    }
}
