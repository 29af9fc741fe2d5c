package org.rnn4j.kernel.simd;

import static org.rnn4j.kernel.simd.VectorGemm.L;
import static org.rnn4j.kernel.simd.VectorGemm.S;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import org.rnn4j.kernel.BinaryOp;
import org.rnn4j.kernel.Denormals;
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
    public void gemmPair(boolean transA, int m, int k, float[] a, int aOff, int lda,
                         int n1, float[] b1, int b1Off, int ldb1, float[] c1, int c1Off, int ldc1,
                         int n2, float[] b2, int b2Off, int ldb2, float[] c2, int c2Off, int ldc2,
                         boolean accumulate) {
        VectorGemm.gemmPair(transA, m, k, a, aOff, lda, n1, b1, b1Off, ldb1, c1, c1Off, ldc1,
                n2, b2, b2Off, ldb2, c2, c2Off, ldc2, accumulate);
    }

    @Override
    public int packedBSize(int k, int n) {
        return VectorPackedB.size(k, n);
    }

    @Override
    public PackedB packB(boolean transB, int k, int n, float[] b, int bOff, int ldb, float[] into) {
        return VectorPackedB.pack(transB, k, n, b, bOff, ldb, into);
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
                VectorMask<Float> tiny = v.lanewise(VectorOperators.ABS).lt(Denormals.FLUSH_BELOW);
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

    // ---------------------------------------------------------------- recurrent helper (VectorRecurrent)

    /** Rows per parallel task of a per-row recurrent kernel: about {@link #ROW_TASK} elements. */
    private static int rowsPerTask(int width) {
        return Math.max(1, ROW_TASK / Math.max(1, width));
    }

    /** Elements per task of the per-row recurrent kernels (rows are independent: any split is exact). */
    static final int ROW_TASK = 1 << 14;

    /** Runs {@code rows} rows in fixed blocks of {@code per} rows, in parallel when there are several. */
    private static void rowBlocks(int rows, int per, Range range) {
        if (rows <= per) {
            range.run(0, rows);
        } else {
            int tasks = (rows + per - 1) / per;
            Parallel.forEach(tasks, t -> range.run(t * per, Math.min(rows, (t + 1) * per)));
        }
    }

    @Override
    public void addBiasRows(int rows, int cols, float[] bias, int bOff, float[] out, int outOff, int ld) {
        rowBlocks(rows, rowsPerTask(cols), (lo, hi) ->
                VectorRecurrent.addBiasRows(hi - lo, cols, bias, bOff, out, outOff + lo * ld, ld));
    }

    /**
     * Below this many elements {@link #sumRowsAdd} runs on the calling thread: a recurrent layer sums
     * each step's gate gradients ([64, 1024] in W3, [32, 2048] in W5train), and handing such a small
     * sum to the pool at every step cost W5train on 2 threads 9 % (18,519 / 18,422 -> 16,678 / 16,830 tokens/s).
     */
    static final long SUM_PARALLEL_MIN = 1L << 18;
    /** Columns per task of {@link #sumRowsAdd} (each column's sum runs over all rows in order). */
    static final int SUM_COLUMNS = 256;
    private static final ThreadLocal<float[]> SUM_ACC = ThreadLocal.withInitial(() -> new float[SUM_COLUMNS]);

    @Override
    public void sumRowsAdd(int rows, int cols, float[] src, int srcOff, int ld, float[] dst, int dstOff) {
        int tasks = (cols + SUM_COLUMNS - 1) / SUM_COLUMNS;
        Range range = (lo, hi) -> {
            for (int t = lo; t < hi; t++) {
                int c0 = t * SUM_COLUMNS;
                VectorRecurrent.sumRowsAdd(rows, c0, Math.min(cols, c0 + SUM_COLUMNS), src, srcOff, ld, dst, dstOff,
                        SUM_ACC.get());
            }
        };
        if (tasks == 1 || (long) rows * cols < SUM_PARALLEL_MIN) {
            range.run(0, tasks);
        } else {
            Parallel.forEach(tasks, t -> range.run(t, t + 1));
        }
    }

    @Override
    public void rnnGatesBackward(UnaryOp act, int n, float[] h, int hOff, float[] dh, int dhOff,
                                 float[] dy, int dyOff, float[] dPre, int dPreOff) {
        if (act != UnaryOp.TANH && act != UnaryOp.RELU) {
            super.rnnGatesBackward(act, n, h, hOff, dh, dhOff, dy, dyOff, dPre, dPreOff);
            return;
        }
        boolean tanh = act == UnaryOp.TANH;
        rowBlocks(n, ROW_TASK, (lo, hi) -> VectorRecurrent.rnnBackward(tanh, hi - lo, h, hOff + lo, dh, dhOff + lo,
                dy, dyOff + lo, dPre, dPreOff + lo));
    }

    @Override
    public void lstmGatesForward(int rows, int hidden, float[] gates, int gOff, float[] cPrev, int cpOff,
                                 float[] cOut, int coOff, float[] tanhC, int tcOff, float[] h, int hOff) {
        int g4 = 4 * hidden;
        rowBlocks(rows, rowsPerTask(g4), (lo, hi) -> {
            for (int r = lo; r < hi; r++) {
                int gr = gOff + r * g4;
                int sr = r * hidden;
                VectorActivations.sigmoid(gates, gr, gates, gr, 2 * hidden);                    // i, f
                VectorActivations.tanh(gates, gr + 2 * hidden, gates, gr + 2 * hidden, hidden); // g
                VectorActivations.sigmoid(gates, gr + 3 * hidden, gates, gr + 3 * hidden, hidden); // o
                VectorRecurrent.lstmCell(hidden, gates, gr, cPrev, cpOff + sr, cOut, coOff + sr, tanhC, tcOff + sr,
                        h, hOff + sr);
            }
        });
    }

    @Override
    public void lstmGatesBackward(int rows, int hidden, float[] act, int aOff, float[] cPrev, int cpOff,
                                  float[] tanhC, int tcOff, float[] dh, int dhOff, float[] dc, int dcOff,
                                  float[] dGates, int dgOff) {
        int g4 = 4 * hidden;
        rowBlocks(rows, rowsPerTask(g4), (lo, hi) -> {
            for (int r = lo; r < hi; r++) {
                int sr = r * hidden;
                VectorRecurrent.lstmBackwardRow(hidden, act, aOff + r * g4, cPrev, cpOff + sr, tanhC, tcOff + sr,
                        dh, dhOff + sr, dc, dcOff + sr, dGates, dgOff + r * g4);
            }
        });
    }

    @Override
    public void gruGatesForward(int rows, int hidden, float[] gates, int gOff, float[] gh, int ghOff,
                                float[] bhn, int bhnOff, float[] hPrev, int hpOff, float[] hOut, int hoOff,
                                float[] ghn, int ghnOff) {
        int g3 = 3 * hidden;
        rowBlocks(rows, rowsPerTask(g3), (lo, hi) -> {
            for (int r = lo; r < hi; r++) {
                int gr = gOff + r * g3;
                int hr = ghOff + r * g3;
                int sr = r * hidden;
                VectorActivations.sigmoidOfSum(gates, gr, gh, hr, 2 * hidden); // r, z
                VectorRecurrent.gruCell(hidden, gates, gr, gh, hr, bhn, bhnOff, hPrev, hpOff + sr, hOut, hoOff + sr,
                        ghn, ghnOff + sr);
            }
        });
    }

    @Override
    public void gruGatesBackward(int rows, int hidden, float[] act, int aOff, float[] ghn, int ghnOff,
                                 float[] hPrev, int hpOff, float[] dh, int dhOff, float[] dA, int daOff,
                                 float[] dGh, int dghOff, float[] dhPrev, int dhpOff) {
        int g3 = 3 * hidden;
        rowBlocks(rows, rowsPerTask(g3), (lo, hi) -> {
            for (int r = lo; r < hi; r++) {
                int sr = r * hidden;
                VectorRecurrent.gruBackwardRow(hidden, act, aOff + r * g3, ghn, ghnOff + sr, hPrev, hpOff + sr,
                        dh, dhOff + sr, dA, daOff + r * g3, dGh, dghOff + r * g3, dhPrev, dhpOff + sr);
            }
        });
    }

    @Override
    public String toString() {
        return "vector kernels (" + L + " float lanes, C2 directives " + CompileUnits.STATUS + ")";
    }
}
