package org.rnn4j.kernel.simd;

import static org.rnn4j.kernel.simd.VectorGemm.L;
import static org.rnn4j.kernel.simd.VectorGemm.S;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import org.rnn4j.kernel.BinaryOp;
import org.rnn4j.kernel.PackedB;
import org.rnn4j.kernel.Parallel;
import org.rnn4j.kernel.ScalarKernels;
import org.rnn4j.kernel.UnaryOp;

/**
 * {@link org.rnn4j.kernel.Kernels} on the Vector API ({@code jdk.incubator.vector}); loaded by
 * {@link org.rnn4j.kernel.KernelRegistry} only when that module is present. Methods not overridden
 * here are {@link ScalarKernels}'.
 *
 * <ul>
 *   <li>{@code gemm}: {@link VectorGemm} (blocked, register-tiled, multi-threaded; treats subnormal
 *       inputs as zero) — equal to the scalar reference within float32 rounding of a k-term sum.</li>
 *   <li>arithmetic elementwise kernels (binary ops, axpy, scale, activation backward, Adam,
 *       flushDenormals) do exactly the scalar reference's operations: bitwise equal results.</li>
 *   <li>exp / tanh / sigmoid use {@link VectorMath} (within 3 ulp of the reference, see VectorMath); log stays scalar.</li>
 *   <li>sum / dot accumulate in double, in a different (fixed) order than the reference.</li>
 * </ul>
 * Large elementwise calls are split into fixed chunks of {@link #CHUNK} elements across
 * {@link Parallel}; chunk boundaries depend only on n, so results do not depend on the thread count.
 */
public class VectorKernels extends ScalarKernels {
    /** Elements per parallel task of an elementwise kernel (a multiple of every vector length). */
    static final int CHUNK = 1 << 15;

    /** A range [from, to) of an elementwise kernel. */
    private interface Range {
        void run(int from, int to);
    }

    private static void chunks(int n, Range range) {
        if (n <= CHUNK) {
            range.run(0, n);
        } else {
            Parallel.forEach((n + CHUNK - 1) / CHUNK, t -> range.run(t * CHUNK, Math.min(n, (t + 1) * CHUNK)));
        }
    }

    @Override
    public void gemm(boolean transA, boolean transB, int m, int n, int k,
                     float[] a, int aOff, int lda,
                     float[] b, int bOff, int ldb,
                     float[] c, int cOff, int ldc,
                     boolean accumulate) {
        VectorGemm.gemm(transA, transB, m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc, accumulate);
    }

    @Override
    public PackedB packB(boolean transB, int k, int n, float[] b, int bOff, int ldb) {
        return VectorPackedB.pack(transB, k, n, b, bOff, ldb);
    }

    @Override
    public void gemmPacked(boolean transA, int m, float[] a, int aOff, int lda, PackedB b,
                           float[] c, int cOff, int ldc, boolean accumulate) {
        if (!(b instanceof VectorPackedB vb)) {
            throw new IllegalArgumentException("gemmPacked: expected an operand packed by " + this
                    + ", got " + b.getClass().getSimpleName());
        }
        VectorGemm.gemmPacked(transA, m, a, aOff, lda, vb, c, cOff, ldc, accumulate);
    }

    // ---------------------------------------------------------------- activations

    @Override
    public void unary(UnaryOp op, float[] x, int xOff, float[] out, int outOff, int n) {
        if (op == UnaryOp.LOG) {
            super.unary(op, x, xOff, out, outOff, n);
            return;
        }
        chunks(n, (lo, hi) -> unaryRange(op, x, xOff + lo, out, outOff + lo, hi - lo));
    }

    /** Every element, the last partial vector included (masked), goes through the same vector function. */
    private static void unaryRange(UnaryOp op, float[] x, int xo, float[] out, int oo, int n) {
        int upper = S.loopBound(n);
        switch (op) {
            case TANH -> {
                for (int i = 0; i < upper; i += L) {
                    VectorMath.tanh(FloatVector.fromArray(S, x, xo + i)).intoArray(out, oo + i);
                }
                if (upper < n) {
                    VectorMask<Float> m = S.indexInRange(upper, n);
                    VectorMath.tanh(FloatVector.fromArray(S, x, xo + upper, m)).intoArray(out, oo + upper, m);
                }
            }
            case SIGMOID -> {
                for (int i = 0; i < upper; i += L) {
                    VectorMath.sigmoid(FloatVector.fromArray(S, x, xo + i)).intoArray(out, oo + i);
                }
                if (upper < n) {
                    VectorMask<Float> m = S.indexInRange(upper, n);
                    VectorMath.sigmoid(FloatVector.fromArray(S, x, xo + upper, m)).intoArray(out, oo + upper, m);
                }
            }
            case EXP -> {
                for (int i = 0; i < upper; i += L) {
                    VectorMath.exp(FloatVector.fromArray(S, x, xo + i)).intoArray(out, oo + i);
                }
                if (upper < n) {
                    VectorMask<Float> m = S.indexInRange(upper, n);
                    VectorMath.exp(FloatVector.fromArray(S, x, xo + upper, m)).intoArray(out, oo + upper, m);
                }
            }
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

    // ---------------------------------------------------------------- arithmetic (bitwise equal to the reference)

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
        chunks(n, (lo, hi) -> {
            int upper = lo + S.loopBound(hi - lo);
            for (int i = lo; i < upper; i += L) {
                FloatVector.fromArray(S, x, xOff + i).mul(alpha).add(FloatVector.fromArray(S, y, yOff + i))
                        .intoArray(y, yOff + i);
            }
            super.axpy(hi - upper, alpha, x, xOff + upper, y, yOff + upper);
        });
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

    // ---------------------------------------------------------------- reductions, denormals, Adam

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
                VectorMask<Float> tiny = v.lanewise(VectorOperators.ABS).lt(Float.MIN_NORMAL);
                if (tiny.anyTrue()) { // keep the sign: ±0
                    v.reinterpretAsInts().lanewise(VectorOperators.AND, 0x80000000).reinterpretAsFloats()
                            .blend(v, tiny.not()).intoArray(x, xOff + i);
                }
            }
            super.flushDenormals(x, xOff + upper, hi - upper);
        });
    }

    /** Vectorised for plain Adam / AdamW (no amsgrad, no maximize); the other variants use the reference loop. */
    @Override
    public void adamUpdate(int n, float[] p, float[] g, float[] m, float[] v, float[] vmax, int off,
                           double beta1, double beta2, double eps, double weightDecay,
                           double stepSize, double bc2Sqrt, boolean maximize) {
        if (vmax != null || maximize) {
            super.adamUpdate(n, p, g, m, v, vmax, off, beta1, beta2, eps, weightDecay, stepSize, bc2Sqrt, maximize);
            return;
        }
        // The same float operations, in the same order, as the reference loop (bitwise equal).
        float b1 = (float) beta1;
        float w1 = (float) (1 - beta1);
        float b2 = (float) beta2;
        float w2 = (float) (1 - beta2);
        float negStep = (float) -stepSize;
        float bc2 = (float) bc2Sqrt;
        float e = (float) eps;
        float wd = (float) weightDecay;
        chunks(n, (lo, hi) -> {
            int upper = lo + S.loopBound(hi - lo);
            for (int i = off + lo; i < off + upper; i += L) {
                FloatVector pv = FloatVector.fromArray(S, p, i);
                FloatVector gv = FloatVector.fromArray(S, g, i);
                if (weightDecay != 0) {
                    gv = gv.add(pv.mul(wd));
                }
                FloatVector mv = FloatVector.fromArray(S, m, i).mul(b1).add(gv.mul(w1));
                FloatVector vv = FloatVector.fromArray(S, v, i).mul(b2).add(gv.mul(w2).mul(gv));
                mv.intoArray(m, i);
                vv.intoArray(v, i);
                FloatVector denom = vv.lanewise(VectorOperators.SQRT).div(bc2).add(e);
                pv.add(mv.mul(negStep).div(denom)).intoArray(p, i);
            }
            super.adamUpdate(hi - upper, p, g, m, v, null, off + upper, beta1, beta2, eps, weightDecay,
                    stepSize, bc2Sqrt, false);
        });
    }

    @Override
    public String toString() {
        return "vector kernels (" + L + " float lanes)";
    }
}
