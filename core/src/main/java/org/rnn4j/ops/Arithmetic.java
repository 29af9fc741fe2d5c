package org.rnn4j.ops;

import org.rnn4j.autograd.Var;
import org.rnn4j.kernel.BinaryOp;
import org.rnn4j.kernel.Kernels;
import org.rnn4j.kernel.KernelSet;
import org.rnn4j.tensor.Shape;
import org.rnn4j.tensor.Tensor;
import org.rnn4j.tensor.Workspace;

/**
 * Elementwise add, sub, mul, div with NumPy/PyTorch broadcasting (each input's gradient is summed
 * back to its own shape), and their scalar variants.
 */
public final class Arithmetic {
    private Arithmetic() {
    }

    public static Var add(Var a, Var b) {
        return binary("add", BinaryOp.ADD, a, b);
    }

    public static Var sub(Var a, Var b) {
        return binary("sub", BinaryOp.SUB, a, b);
    }

    public static Var mul(Var a, Var b) {
        return binary("mul", BinaryOp.MUL, a, b);
    }

    public static Var div(Var a, Var b) {
        return binary("div", BinaryOp.DIV, a, b);
    }

    private static Var binary(String name, BinaryOp op, Var a, Var b) {
        KernelSet k = Kernels.get();
        Shape outShape = Broadcast.shape(name, a.shape(), b.shape());
        Tensor out = Workspace.zeros(outShape);
        Tensor av = a.value();
        Tensor bv = b.value();
        boolean same = av.shape().equals(outShape) && bv.shape().equals(outShape);
        if (same) {
            k.elementwise().binary(op, av.data(), 0, bv.data(), 0, out.data(), 0, out.size());
        } else {
            k.elementwise().broadcastBinary(op, outShape.dims(), av.data(), 0, Broadcast.strides(av.shape(), outShape),
                    bv.data(), 0, Broadcast.strides(bv.shape(), outShape), out.data(), 0);
        }
        return Var.of(name, out, gy -> {
            switch (op) {
                case ADD -> {
                    Broadcast.accumulate(a, gy, 1f);
                    Broadcast.accumulate(b, gy, 1f);
                }
                case SUB -> {
                    Broadcast.accumulate(a, gy, 1f);
                    Broadcast.accumulate(b, gy, -1f);
                }
                case MUL -> {
                    // ga = gy·b, gb = gy·a (on the broadcast shape, then reduced)
                    if (a.requiresGrad()) {
                        Broadcast.accumulate(a, product(BinaryOp.MUL, gy, bv), 1f);
                    }
                    if (b.requiresGrad()) {
                        Broadcast.accumulate(b, product(BinaryOp.MUL, gy, av), 1f);
                    }
                }
                case DIV -> {
                    // ga = gy / b, gb = -gy·out / b
                    if (a.requiresGrad()) {
                        Broadcast.accumulate(a, product(BinaryOp.DIV, gy, bv), 1f);
                    }
                    if (b.requiresGrad()) {
                        Tensor t = Workspace.zeros(outShape);
                        k.elementwise().binary(BinaryOp.MUL, gy.data(), 0, out.data(), 0, t.data(), 0, t.size());
                        Broadcast.accumulate(b, product(BinaryOp.DIV, t, bv), -1f);
                    }
                }
            }
        }, a, b);
    }

    /** {@code g op x}, with {@code x} broadcast to {@code g}'s shape. */
    private static Tensor product(BinaryOp op, Tensor g, Tensor x) {
        Tensor t = Workspace.zeros(g.shape());
        KernelSet k = Kernels.get();
        if (x.shape().equals(g.shape())) {
            k.elementwise().binary(op, g.data(), 0, x.data(), 0, t.data(), 0, t.size());
        } else {
            k.elementwise().broadcastBinary(op, g.dims(), g.data(), 0, g.shape().strides(),
                    x.data(), 0, Broadcast.strides(x.shape(), g.shape()), t.data(), 0);
        }
        return t;
    }

    /** {@code x + s}. */
    public static Var add(Var x, float s) {
        return scalar("add", BinaryOp.ADD, x, s, 1f);
    }

    /** {@code x - s}. */
    public static Var sub(Var x, float s) {
        return scalar("sub", BinaryOp.SUB, x, s, 1f);
    }

    /** {@code x · s}. */
    public static Var mul(Var x, float s) {
        return scalar("mul", BinaryOp.MUL, x, s, s);
    }

    /** {@code x / s}. */
    public static Var div(Var x, float s) {
        return scalar("div", BinaryOp.DIV, x, s, Float.NaN);
    }

    /** {@code s - x} (PyTorch's {@code rsub}). */
    public static Var rsub(float s, Var x) {
        return add(neg(x), s);
    }

    /** {@code -x}. */
    public static Var neg(Var x) {
        return Activations.neg(x);
    }

    /** {@code x op s}; the gradient is {@code gy · slope}, or {@code gy / s} for division. */
    private static Var scalar(String name, BinaryOp op, Var x, float s, float slope) {
        Tensor out = Workspace.zeros(x.shape());
        Kernels.elementwise().binaryScalar(op, x.value().data(), 0, s, out.data(), 0, out.size());
        return Var.of(name, out, gy -> {
            if (!x.requiresGrad()) {
                return;
            }
            Tensor gx = x.gradBuffer();
            if (op == BinaryOp.DIV) {
                Tensor t = Workspace.zeros(gy.shape());
                Kernels.elementwise().binaryScalar(BinaryOp.DIV, gy.data(), 0, s, t.data(), 0, t.size());
                Kernels.elementwise().axpy(t.size(), 1f, t.data(), 0, gx.data(), 0);
            } else {
                Kernels.elementwise().axpy(gy.size(), slope, gy.data(), 0, gx.data(), 0);
            }
        }, x);
    }
}
