package org.rnn4j.kernel.simd;

import static org.rnn4j.kernel.simd.Chunks.CHUNK;
import static org.rnn4j.kernel.simd.Chunks.chunks;
import static org.rnn4j.kernel.simd.VectorGemm.L;
import static org.rnn4j.kernel.simd.VectorGemm.S;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import org.rnn4j.kernel.BinaryOp;
import org.rnn4j.kernel.Denormals;
import org.rnn4j.kernel.ScalarElementwiseKernels;
import org.rnn4j.kernel.UnaryOp;

/**
 * {@link org.rnn4j.kernel.ElementwiseKernels} on the Vector API; methods not overridden here
 * (log, softmax, dropout mask, broadcast) are the reference's.
 *
 * <ul>
 *   <li>arithmetic (binary ops, axpy, scale, activation backward, flushDenormals) does exactly the
 *       reference's operations: bitwise equal results;</li>
 *   <li>exp / tanh / sigmoid use {@link VectorMath} (within 3 ulp of the reference); log stays scalar;</li>
 *   <li>sum / dot accumulate in double, in a different (fixed) order than the reference.</li>
 * </ul>
 * Large calls are split into fixed chunks of {@link Chunks#CHUNK} elements across the kernel
 * threads; chunk boundaries depend only on n, so results do not depend on the thread count.
 */
public class VectorElementwiseKernels extends ScalarElementwiseKernels {

    @Override
    public void unary(UnaryOp op, float[] x, int xOff, float[] out, int outOff, int n) {
        if (op == UnaryOp.LOG) {
            super.unary(op, x, xOff, out, outOff, n);
        } else if (n <= CHUNK) {
            unaryRange(op, x, xOff, out, outOff, n);
        } else {
            chunks(n, (lo, hi) -> unaryRange(op, x, xOff + lo, out, outOff + lo, hi - lo));
        }
    }

    /** Every element, the last partial vector included (masked), goes through the same vector function. */
    private static void unaryRange(UnaryOp op, float[] x, int xo, float[] out, int oo, int n) {
        int upper = S.loopBound(n);
        switch (op) {
            case TANH -> VectorActivations.tanh(x, xo, out, oo, n);
            case SIGMOID -> VectorActivations.sigmoid(x, xo, out, oo, n);
            case EXP -> VectorActivations.exp(x, xo, out, oo, n);
            case NEG -> {
                for (int i = 0; i < upper; i += L) {
                    FloatVector.fromArray(S, x, xo + i).neg().intoArray(out, oo + i);
                }
                for (int i = upper; i < n; i++) {
                    out[oo + i] = -x[xo + i];
                }
            }
            case RELU -> {
                for (int i = 0; i < upper; i += L) {
                    FloatVector.fromArray(S, x, xo + i).max(0f).intoArray(out, oo + i);
                }
                for (int i = upper; i < n; i++) {
                    out[oo + i] = Math.max(x[xo + i], 0f);
                }
            }
            case LOG -> throw new AssertionError("log is scalar");
        }
    }

    @Override
    public void unaryBackwardAdd(UnaryOp op, float[] x, int xOff, float[] y, int yOff,
                                 float[] gy, int gyOff, float[] gx, int gxOff, int n) {
        if (op == UnaryOp.LOG) {
            super.unaryBackwardAdd(op, x, xOff, y, yOff, gy, gyOff, gx, gxOff, n);
            return;
        }
        chunks(n, (lo, hi) -> {
            int upper = lo + S.loopBound(hi - lo);
            backwardRange(op, y, yOff, gy, gyOff, gx, gxOff, lo, upper);
            super.unaryBackwardAdd(op, x, xOff + upper, y, yOff + upper, gy, gyOff + upper, gx, gxOff + upper, hi - upper);
        });
    }

    private static FloatVector v(float[] a, int i) {
        return FloatVector.fromArray(S, a, i);
    }

    /**
     * {@code gx += gy · op'} over whole vectors [lo, upper), one loop per op (no branch on the op
     * inside a vector loop); the same operations as the reference, in the same order.
     */
    private static void backwardRange(UnaryOp op, float[] y, int yo, float[] gy, int go, float[] gx, int xo,
                                      int lo, int upper) {
        FloatVector one = FloatVector.broadcast(S, 1f);
        switch (op) {
            case NEG -> {
                for (int i = lo; i < upper; i += L) {
                    v(gx, xo + i).add(v(gy, go + i).neg()).intoArray(gx, xo + i);
                }
            }
            case EXP -> {
                for (int i = lo; i < upper; i += L) {
                    v(gx, xo + i).add(v(gy, go + i).mul(v(y, yo + i))).intoArray(gx, xo + i);
                }
            }
            case TANH -> {
                for (int i = lo; i < upper; i += L) {
                    FloatVector yv = v(y, yo + i);
                    v(gx, xo + i).add(v(gy, go + i).mul(one.sub(yv.mul(yv)))).intoArray(gx, xo + i);
                }
            }
            case SIGMOID -> {
                for (int i = lo; i < upper; i += L) {
                    FloatVector yv = v(y, yo + i);
                    v(gx, xo + i).add(v(gy, go + i).mul(yv).mul(one.sub(yv))).intoArray(gx, xo + i);
                }
            }
            case RELU -> {
                for (int i = lo; i < upper; i += L) {
                    FloatVector g = v(gy, go + i).blend(0f, v(y, yo + i).compare(VectorOperators.GT, 0f).not());
                    v(gx, xo + i).add(g).intoArray(gx, xo + i);
                }
            }
            case LOG -> throw new AssertionError("log is scalar");
        }
    }

    /** {@code out = a op b} (or {@code out += a op b} when {@code add}) over whole vectors [lo, upper). */
    private static void binaryRange(BinaryOp op, boolean add, float[] a, int ao, float[] b, int bo,
                                    float[] out, int oo, int lo, int upper) {
        if (add) {
            switch (op) {
                case ADD -> {
                    for (int i = lo; i < upper; i += L) {
                        v(out, oo + i).add(v(a, ao + i).add(v(b, bo + i))).intoArray(out, oo + i);
                    }
                }
                case SUB -> {
                    for (int i = lo; i < upper; i += L) {
                        v(out, oo + i).add(v(a, ao + i).sub(v(b, bo + i))).intoArray(out, oo + i);
                    }
                }
                case MUL -> {
                    for (int i = lo; i < upper; i += L) {
                        v(out, oo + i).add(v(a, ao + i).mul(v(b, bo + i))).intoArray(out, oo + i);
                    }
                }
                case DIV -> {
                    for (int i = lo; i < upper; i += L) {
                        v(out, oo + i).add(v(a, ao + i).div(v(b, bo + i))).intoArray(out, oo + i);
                    }
                }
            }
        } else {
            switch (op) {
                case ADD -> { for (int i = lo; i < upper; i += L) v(a, ao + i).add(v(b, bo + i)).intoArray(out, oo + i); }
                case SUB -> { for (int i = lo; i < upper; i += L) v(a, ao + i).sub(v(b, bo + i)).intoArray(out, oo + i); }
                case MUL -> { for (int i = lo; i < upper; i += L) v(a, ao + i).mul(v(b, bo + i)).intoArray(out, oo + i); }
                case DIV -> { for (int i = lo; i < upper; i += L) v(a, ao + i).div(v(b, bo + i)).intoArray(out, oo + i); }
            }
        }
    }

    @Override
    public void binary(BinaryOp op, float[] a, int aOff, float[] b, int bOff, float[] out, int outOff, int n) {
        chunks(n, (lo, hi) -> {
            int upper = lo + S.loopBound(hi - lo);
            binaryRange(op, false, a, aOff, b, bOff, out, outOff, lo, upper);
            super.binary(op, a, aOff + upper, b, bOff + upper, out, outOff + upper, hi - upper);
        });
    }

    @Override
    public void binaryScalar(BinaryOp op, float[] x, int xOff, float s, float[] out, int outOff, int n) {
        chunks(n, (lo, hi) -> {
            FloatVector sv = FloatVector.broadcast(S, s);
            int upper = lo + S.loopBound(hi - lo);
            switch (op) {
                case ADD -> { for (int i = lo; i < upper; i += L) v(x, xOff + i).add(sv).intoArray(out, outOff + i); }
                case SUB -> { for (int i = lo; i < upper; i += L) v(x, xOff + i).sub(sv).intoArray(out, outOff + i); }
                case MUL -> { for (int i = lo; i < upper; i += L) v(x, xOff + i).mul(sv).intoArray(out, outOff + i); }
                case DIV -> { for (int i = lo; i < upper; i += L) v(x, xOff + i).div(sv).intoArray(out, outOff + i); }
            }
            super.binaryScalar(op, x, xOff + upper, s, out, outOff + upper, hi - upper);
        });
    }

    @Override
    public void binaryAdd(BinaryOp op, float[] a, int aOff, float[] b, int bOff, float[] out, int outOff, int n) {
        chunks(n, (lo, hi) -> {
            int upper = lo + S.loopBound(hi - lo);
            binaryRange(op, true, a, aOff, b, bOff, out, outOff, lo, upper);
            super.binaryAdd(op, a, aOff + upper, b, bOff + upper, out, outOff + upper, hi - upper);
        });
    }

    @Override
    public void axpy(int n, float alpha, float[] x, int xOff, float[] y, int yOff) {
        if (n <= CHUNK) { // no task lambda: a gather's backward calls this once per copied block
            axpyRange(alpha, x, xOff, y, yOff, 0, n);
        } else {
            chunks(n, (lo, hi) -> axpyRange(alpha, x, xOff, y, yOff, lo, hi));
        }
    }

    private void axpyRange(float alpha, float[] x, int xOff, float[] y, int yOff, int lo, int hi) {
        int upper = lo + S.loopBound(hi - lo);
        for (int i = lo; i < upper; i += L) {
            FloatVector.fromArray(S, x, xOff + i).mul(alpha).add(FloatVector.fromArray(S, y, yOff + i))
                    .intoArray(y, yOff + i);
        }
        super.axpy(hi - upper, alpha, x, xOff + upper, y, yOff + upper);
    }

    @Override
    public void scale(int n, float alpha, float[] x, int xOff) {
        chunks(n, (lo, hi) -> {
            int upper = lo + S.loopBound(hi - lo);
            for (int i = lo; i < upper; i += L) {
                FloatVector.fromArray(S, x, xOff + i).mul(alpha).intoArray(x, xOff + i);
            }
            super.scale(hi - upper, alpha, x, xOff + upper);
        });
    }

    @Override
    public double sum(float[] x, int xOff, int n) {
        return VectorReductions.sum(x, xOff, n);
    }

    @Override
    public double dot(int n, float[] x, int xOff, float[] y, int yOff) {
        return VectorReductions.dot(n, x, xOff, y, yOff);
    }

    @Override
    public void flushDenormals(float[] x, int xOff, int n) {
        chunks(n, (lo, hi) -> {
            int upper = lo + S.loopBound(hi - lo);
            for (int i = lo; i < upper; i += L) {
                FloatVector v = FloatVector.fromArray(S, x, xOff + i);
                VectorMask<Float> tiny = v.lanewise(VectorOperators.ABS).lt(Denormals.FLUSH_BELOW);
                if (tiny.anyTrue()) { // keep the sign: ±0
                    v.reinterpretAsInts().lanewise(VectorOperators.AND, 0x80000000).reinterpretAsFloats()
                            .blend(v, tiny.not()).intoArray(x, xOff + i);
                }
            }
            super.flushDenormals(x, xOff + upper, hi - upper);
        });
    }
}
