package org.rnn4j.kernel;

/**
 * The readable reference implementation of {@link Kernels}: plain loops, no tricks. Faster
 * kernels are tested against this one.
 */
public class ScalarKernels implements Kernels {

    @Override
    public void gemm(boolean transA, boolean transB, int m, int n, int k,
                     float[] a, int aOff, int lda,
                     float[] b, int bOff, int ldb,
                     float[] c, int cOff, int ldc,
                     boolean accumulate) {
        for (int i = 0; i < m; i++) {
            int cRow = cOff + i * ldc;
            for (int j = 0; j < n; j++) {
                float s = 0f;
                for (int p = 0; p < k; p++) {
                    float av = transA ? a[aOff + p * lda + i] : a[aOff + i * lda + p];
                    float bv = transB ? b[bOff + j * ldb + p] : b[bOff + p * ldb + j];
                    s += av * bv;
                }
                c[cRow + j] = accumulate ? c[cRow + j] + s : s;
            }
        }
    }

    @Override
    public void unary(UnaryOp op, float[] x, int xOff, float[] out, int outOff, int n) {
        switch (op) {
            case NEG -> { for (int i = 0; i < n; i++) out[outOff + i] = -x[xOff + i]; }
            case EXP -> { for (int i = 0; i < n; i++) out[outOff + i] = (float) Math.exp(x[xOff + i]); }
            case LOG -> { for (int i = 0; i < n; i++) out[outOff + i] = (float) Math.log(x[xOff + i]); }
            case TANH -> { for (int i = 0; i < n; i++) out[outOff + i] = (float) Math.tanh(x[xOff + i]); }
            case SIGMOID -> { for (int i = 0; i < n; i++) out[outOff + i] = sigmoid(x[xOff + i]); }
            case RELU -> { for (int i = 0; i < n; i++) out[outOff + i] = Math.max(x[xOff + i], 0f); }
        }
    }

    /** σ(x) = 1 / (1 + e^-x), evaluated in double and rounded once. */
    public static float sigmoid(float x) {
        return (float) (1.0 / (1.0 + Math.exp(-x)));
    }

    @Override
    public void unaryBackwardAdd(UnaryOp op, float[] x, int xOff, float[] y, int yOff,
                                 float[] gy, int gyOff, float[] gx, int gxOff, int n) {
        for (int i = 0; i < n; i++) {
            float g = gy[gyOff + i];
            float d = switch (op) {
                case NEG -> -g;
                case EXP -> g * y[yOff + i];
                case LOG -> g / x[xOff + i];
                case TANH -> g * (1f - y[yOff + i] * y[yOff + i]);
                case SIGMOID -> g * y[yOff + i] * (1f - y[yOff + i]);
                case RELU -> y[yOff + i] > 0f ? g : 0f;
            };
            gx[gxOff + i] += d;
        }
    }

    @Override
    public void binary(BinaryOp op, float[] a, int aOff, float[] b, int bOff, float[] out, int outOff, int n) {
        switch (op) {
            case ADD -> { for (int i = 0; i < n; i++) out[outOff + i] = a[aOff + i] + b[bOff + i]; }
            case SUB -> { for (int i = 0; i < n; i++) out[outOff + i] = a[aOff + i] - b[bOff + i]; }
            case MUL -> { for (int i = 0; i < n; i++) out[outOff + i] = a[aOff + i] * b[bOff + i]; }
            case DIV -> { for (int i = 0; i < n; i++) out[outOff + i] = a[aOff + i] / b[bOff + i]; }
        }
    }

    @Override
    public void broadcastBinary(BinaryOp op, int[] outDims,
                                float[] a, int aOff, int[] aStrides,
                                float[] b, int bOff, int[] bStrides,
                                float[] out, int outOff) {
        int rank = outDims.length;
        int total = 1;
        for (int d : outDims) total *= d;
        int[] idx = new int[rank];
        int ia = aOff;
        int ib = bOff;
        for (int o = 0; o < total; o++) {
            float av = a[ia];
            float bv = b[ib];
            out[outOff + o] = switch (op) {
                case ADD -> av + bv;
                case SUB -> av - bv;
                case MUL -> av * bv;
                case DIV -> av / bv;
            };
            // odometer increment, keeping the operand offsets in step
            for (int d = rank - 1; d >= 0; d--) {
                idx[d]++;
                ia += aStrides[d];
                ib += bStrides[d];
                if (idx[d] < outDims[d]) break;
                ia -= aStrides[d] * outDims[d];
                ib -= bStrides[d] * outDims[d];
                idx[d] = 0;
            }
        }
    }

    @Override
    public void accumulateStrided(int[] dims, float[] src, int srcOff, float[] dst, int dstOff, int[] dstStrides) {
        int rank = dims.length;
        int total = 1;
        for (int d : dims) total *= d;
        int[] idx = new int[rank];
        int id = dstOff;
        for (int s = 0; s < total; s++) {
            dst[id] += src[srcOff + s];
            for (int d = rank - 1; d >= 0; d--) {
                idx[d]++;
                id += dstStrides[d];
                if (idx[d] < dims[d]) break;
                id -= dstStrides[d] * dims[d];
                idx[d] = 0;
            }
        }
    }

    @Override
    public void copyStrided(int[] dims, float[] src, int srcOff, int[] srcStrides, float[] dst, int dstOff) {
        int rank = dims.length;
        int total = 1;
        for (int d : dims) total *= d;
        int[] idx = new int[rank];
        int is = srcOff;
        for (int o = 0; o < total; o++) {
            dst[dstOff + o] = src[is];
            for (int d = rank - 1; d >= 0; d--) {
                idx[d]++;
                is += srcStrides[d];
                if (idx[d] < dims[d]) break;
                is -= srcStrides[d] * dims[d];
                idx[d] = 0;
            }
        }
    }

    @Override
    public void axpy(int n, float alpha, float[] x, int xOff, float[] y, int yOff) {
        for (int i = 0; i < n; i++) {
            y[yOff + i] += alpha * x[xOff + i];
        }
    }

    @Override
    public void scale(int n, float alpha, float[] x, int xOff) {
        for (int i = 0; i < n; i++) {
            x[xOff + i] *= alpha;
        }
    }

    @Override
    public double sum(float[] x, int xOff, int n) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += x[xOff + i];
        }
        return s;
    }

    @Override
    public double dot(int n, float[] x, int xOff, float[] y, int yOff) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += (double) x[xOff + i] * y[yOff + i];
        }
        return s;
    }

    // ---------------------------------------------------------------- ops helper (org.rnn4j.ops)

    private static float apply(BinaryOp op, float a, float b) {
        return switch (op) {
            case ADD -> a + b;
            case SUB -> a - b;
            case MUL -> a * b;
            case DIV -> a / b;
        };
    }

    @Override
    public void binaryScalar(BinaryOp op, float[] x, int xOff, float s, float[] out, int outOff, int n) {
        for (int i = 0; i < n; i++) {
            out[outOff + i] = apply(op, x[xOff + i], s);
        }
    }

    @Override
    public void binaryAdd(BinaryOp op, float[] a, int aOff, float[] b, int bOff, float[] out, int outOff, int n) {
        for (int i = 0; i < n; i++) {
            out[outOff + i] += apply(op, a[aOff + i], b[bOff + i]);
        }
    }

    @Override
    public void accumulateFromStrided(int[] dims, float alpha, float[] src, int srcOff, int[] srcStrides,
                                      float[] dst, int dstOff) {
        int rank = dims.length;
        int total = 1;
        for (int d : dims) total *= d;
        int[] idx = new int[rank];
        int is = srcOff;
        for (int o = 0; o < total; o++) {
            dst[dstOff + o] += alpha * src[is];
            for (int d = rank - 1; d >= 0; d--) {
                idx[d]++;
                is += srcStrides[d];
                if (idx[d] < dims[d]) break;
                is -= srcStrides[d] * dims[d];
                idx[d] = 0;
            }
        }
    }

    /** Largest of the n values starting at {@code off} with step {@code inner}. */
    private static float max(float[] x, int off, int n, int inner) {
        float m = Float.NEGATIVE_INFINITY;
        for (int j = 0; j < n; j++) {
            m = Math.max(m, x[off + j * inner]);
        }
        return m;
    }

    /** Σ exp(x - m) over the n values starting at {@code off} with step {@code inner}, in double. */
    private static double sumExp(float[] x, int off, int n, int inner, float m) {
        double s = 0;
        for (int j = 0; j < n; j++) {
            s += Math.exp(x[off + j * inner] - m);
        }
        return s;
    }

    @Override
    public void softmax(int outer, int n, int inner, float[] x, int xOff, float[] y, int yOff) {
        for (int o = 0; o < outer; o++) {
            for (int i = 0; i < inner; i++) {
                int base = o * n * inner + i;
                float m = max(x, xOff + base, n, inner);
                double s = sumExp(x, xOff + base, n, inner, m);
                for (int j = 0; j < n; j++) {
                    y[yOff + base + j * inner] = (float) (Math.exp(x[xOff + base + j * inner] - m) / s);
                }
            }
        }
    }

    @Override
    public void logSoftmax(int outer, int n, int inner, float[] x, int xOff, float[] y, int yOff) {
        for (int o = 0; o < outer; o++) {
            for (int i = 0; i < inner; i++) {
                int base = o * n * inner + i;
                float m = max(x, xOff + base, n, inner);
                double logSum = Math.log(sumExp(x, xOff + base, n, inner, m));
                for (int j = 0; j < n; j++) {
                    y[yOff + base + j * inner] = (float) (x[xOff + base + j * inner] - m - logSum);
                }
            }
        }
    }

    @Override
    public void softmaxBackwardAdd(int outer, int n, int inner, float[] y, int yOff, float[] gy, int gyOff,
                                   float[] gx, int gxOff) {
        for (int o = 0; o < outer; o++) {
            for (int i = 0; i < inner; i++) {
                int base = o * n * inner + i;
                double dot = 0;
                for (int j = 0; j < n; j++) {
                    dot += (double) gy[gyOff + base + j * inner] * y[yOff + base + j * inner];
                }
                for (int j = 0; j < n; j++) {
                    int at = base + j * inner;
                    gx[gxOff + at] += (float) (y[yOff + at] * (gy[gyOff + at] - dot));
                }
            }
        }
    }

    @Override
    public void logSoftmaxBackwardAdd(int outer, int n, int inner, float[] y, int yOff, float[] gy, int gyOff,
                                      float[] gx, int gxOff) {
        for (int o = 0; o < outer; o++) {
            for (int i = 0; i < inner; i++) {
                int base = o * n * inner + i;
                double sum = 0;
                for (int j = 0; j < n; j++) {
                    sum += gy[gyOff + base + j * inner];
                }
                for (int j = 0; j < n; j++) {
                    int at = base + j * inner;
                    gx[gxOff + at] += (float) (gy[gyOff + at] - Math.exp(y[yOff + at]) * sum);
                }
            }
        }
    }

    @Override
    public void indexSelect(int outer, int n, int inner, int[] idx, int idxOff, int k,
                            float[] src, int srcOff, float[] dst, int dstOff) {
        for (int o = 0; o < outer; o++) {
            for (int j = 0; j < k; j++) {
                System.arraycopy(src, srcOff + (o * n + idx[idxOff + j]) * inner,
                        dst, dstOff + (o * k + j) * inner, inner);
            }
        }
    }

    @Override
    public void indexAdd(int outer, int n, int inner, int[] idx, int idxOff, int k, int skip,
                         float[] src, int srcOff, float[] dst, int dstOff) {
        for (int o = 0; o < outer; o++) {
            for (int j = 0; j < k; j++) {
                int row = idx[idxOff + j];
                if (row == skip) {
                    continue;
                }
                int s = srcOff + (o * k + j) * inner;
                int d = dstOff + (o * n + row) * inner;
                for (int i = 0; i < inner; i++) {
                    dst[d + i] += src[s + i];
                }
            }
        }
    }

    /** Offset of row-major position {@code o} of {@code dims}, with the index of {@code dim} replaced by {@code at}. */
    private static int gatherOffset(int[] dims, int dim, int o, int at, int[] strides) {
        int off = 0;
        for (int d = dims.length - 1; d >= 0; d--) {
            int i = o % dims[d];
            o /= dims[d];
            off += (d == dim ? at : i) * strides[d];
        }
        return off;
    }

    @Override
    public void gather(int[] dims, int dim, int[] idx, float[] src, int srcOff, int[] srcStrides,
                       float[] out, int outOff) {
        int total = 1;
        for (int d : dims) total *= d;
        for (int o = 0; o < total; o++) {
            out[outOff + o] = src[srcOff + gatherOffset(dims, dim, o, idx[o], srcStrides)];
        }
    }

    @Override
    public void scatterAdd(int[] dims, int dim, int[] idx, float[] src, int srcOff,
                           float[] dst, int dstOff, int[] dstStrides) {
        int total = 1;
        for (int d : dims) total *= d;
        for (int o = 0; o < total; o++) {
            dst[dstOff + gatherOffset(dims, dim, o, idx[o], dstStrides)] += src[srcOff + o];
        }
    }

    @Override
    public void maskedFill(int[] dims, float[] x, int xOff, boolean[] mask, int maskOff, int[] maskStrides,
                           float value, float[] out, int outOff) {
        int total = 1;
        for (int d : dims) total *= d;
        for (int o = 0; o < total; o++) {
            out[outOff + o] = mask[maskOff + gatherOffset(dims, -1, o, 0, maskStrides)] ? value : x[xOff + o];
        }
    }

    @Override
    public void maskedAccumulate(int[] dims, float[] gy, int gyOff, boolean[] mask, int maskOff, int[] maskStrides,
                                 float[] gx, int gxOff) {
        int total = 1;
        for (int d : dims) total *= d;
        for (int o = 0; o < total; o++) {
            if (!mask[maskOff + gatherOffset(dims, -1, o, 0, maskStrides)]) {
                gx[gxOff + o] += gy[gyOff + o];
            }
        }
    }

    @Override
    public void dropoutMask(int n, float p, float scale, float[] u, int uOff) {
        for (int i = 0; i < n; i++) {
            u[uOff + i] = u[uOff + i] < p ? 0f : scale;
        }
    }

    // ================================================================ loss/optim helper
    // The loops live in ScalarLossOptimKernels (package-private) to keep this file short.

    @Override
    public void crossEntropyForward(int outer, int classes, int inner, float[] x, int xOff, int[] target, int tOff,
                                    float[] classWeight, int ignoreIndex, float labelSmoothing,
                                    float[] logp, float[] rowLoss, float[] rowWeight) {
        ScalarLossOptimKernels.crossEntropyForward(outer, classes, inner, x, xOff, target, tOff,
                classWeight, ignoreIndex, labelSmoothing, logp, rowLoss, rowWeight);
    }

    @Override
    public void crossEntropyBackwardAdd(int outer, int classes, int inner, float[] logp, int[] target, int tOff,
                                        float[] classWeight, int ignoreIndex, float labelSmoothing,
                                        float[] gRow, int gRowOff, int gRowStride, float[] gx, int gxOff) {
        ScalarLossOptimKernels.crossEntropyBackwardAdd(outer, classes, inner, logp, target, tOff,
                classWeight, ignoreIndex, labelSmoothing, gRow, gRowOff, gRowStride, gx, gxOff);
    }

    @Override
    public void nllForward(int outer, int classes, int inner, float[] logp, int lpOff, int[] target, int tOff,
                           float[] classWeight, int ignoreIndex, float[] rowLoss, float[] rowWeight) {
        ScalarLossOptimKernels.nll(outer, classes, inner, logp, lpOff, target, tOff,
                classWeight, ignoreIndex, 0f, rowLoss, rowWeight);
    }

    @Override
    public void nllBackwardAdd(int outer, int classes, int inner, int[] target, int tOff,
                               float[] classWeight, int ignoreIndex,
                               float[] gRow, int gRowOff, int gRowStride, float[] gx, int gxOff) {
        ScalarLossOptimKernels.nllBackwardAdd(outer, classes, inner, target, tOff, classWeight, ignoreIndex,
                gRow, gRowOff, gRowStride, gx, gxOff);
    }

    @Override
    public void bceWithLogitsForward(int n, float[] x, int xOff, float[] y, int yOff,
                                     float[] weight, float[] posWeight, float[] out) {
        ScalarLossOptimKernels.bceWithLogitsForward(n, x, xOff, y, yOff, weight, posWeight, out);
    }

    @Override
    public void bceWithLogitsBackwardAdd(int n, float[] x, int xOff, float[] y, int yOff,
                                         float[] weight, float[] posWeight,
                                         float[] gOut, int gOff, int gStride, float[] gx, float[] gy) {
        ScalarLossOptimKernels.bceWithLogitsBackwardAdd(n, x, xOff, y, yOff, weight, posWeight,
                gOut, gOff, gStride, gx, gy);
    }

    @Override
    public void squaredDiff(int n, float[] a, int aOff, float[] b, int bOff, float[] out, int outOff) {
        ScalarLossOptimKernels.squaredDiff(n, a, aOff, b, bOff, out, outOff);
    }

    @Override
    public void mseBackwardAdd(int n, float[] x, int xOff, float[] y, int yOff,
                               float[] gOut, int gOff, int gStride, float alpha, float[] gx, float[] gy) {
        ScalarLossOptimKernels.mseBackwardAdd(n, x, xOff, y, yOff, gOut, gOff, gStride, alpha, gx, gy);
    }

    @Override
    public void sgdUpdate(int n, float[] p, float[] g, float[] buf, int off,
                          double lr, double momentum, double dampening, double weightDecay,
                          boolean nesterov, boolean initBuffer, boolean maximize) {
        ScalarLossOptimKernels.sgdUpdate(n, p, g, buf, off, lr, momentum, dampening, weightDecay,
                nesterov, initBuffer, maximize);
    }

    @Override
    public void adamUpdate(int n, float[] p, float[] g, float[] m, float[] v, float[] vmax, int off,
                           double beta1, double beta2, double eps, double weightDecay,
                           double stepSize, double bc2Sqrt, boolean maximize) {
        ScalarLossOptimKernels.adamUpdate(n, p, g, m, v, vmax, off, beta1, beta2, eps, weightDecay,
                stepSize, bc2Sqrt, maximize);
    }

    @Override
    public void rmspropUpdate(int n, float[] p, float[] g, float[] squareAvg, float[] gradAvg, float[] buf, int off,
                              double lr, double alpha, double eps, double weightDecay, double momentum,
                              boolean maximize) {
        ScalarLossOptimKernels.rmspropUpdate(n, p, g, squareAvg, gradAvg, buf, off, lr, alpha, eps, weightDecay,
                momentum, maximize);
    }

    @Override
    public void adagradUpdate(int n, float[] p, float[] g, float[] sum, int off,
                              double clr, double eps, double weightDecay, boolean maximize) {
        ScalarLossOptimKernels.adagradUpdate(n, p, g, sum, off, clr, eps, weightDecay, maximize);
    }

    @Override
    public double sumAbsPow(int n, float[] x, int off, double p) {
        return ScalarLossOptimKernels.sumAbsPow(n, x, off, p);
    }

    @Override
    public float maxAbs(int n, float[] x, int off) {
        return ScalarLossOptimKernels.maxAbs(n, x, off);
    }

    @Override
    public void clamp(int n, float lo, float hi, float[] x, int off) {
        ScalarLossOptimKernels.clamp(n, lo, hi, x, off);
    }

    // ---------------------------------------------------------------- recurrent helper (issue 3)

    @Override
    public void addBiasRows(int rows, int cols, float[] bias, int bOff, float[] out, int outOff, int ld) {
        for (int r = 0; r < rows; r++) {
            int o = outOff + r * ld;
            for (int c = 0; c < cols; c++) {
                out[o + c] += bias[bOff + c];
            }
        }
    }

    @Override
    public void sumRowsAdd(int rows, int cols, float[] src, int srcOff, int ld, float[] dst, int dstOff) {
        for (int c = 0; c < cols; c++) {
            float s = 0f;
            for (int r = 0; r < rows; r++) {
                s += src[srcOff + r * ld + c];
            }
            dst[dstOff + c] += s;
        }
    }

    // The gate loops live in ScalarRecurrentKernels (package-private) to keep this file short.

    @Override
    public void rnnGatesBackward(UnaryOp act, int n, float[] h, int hOff, float[] dh, int dhOff,
                                 float[] dy, int dyOff, float[] dPre, int dPreOff) {
        ScalarRecurrentKernels.rnnGatesBackward(act, n, h, hOff, dh, dhOff, dy, dyOff, dPre, dPreOff);
    }

    @Override
    public void lstmGatesForward(int rows, int hidden, float[] gates, int gOff, float[] cPrev, int cpOff,
                                 float[] cOut, int coOff, float[] tanhC, int tcOff, float[] h, int hOff) {
        ScalarRecurrentKernels.lstmGatesForward(rows, hidden, gates, gOff, cPrev, cpOff, cOut, coOff, tanhC, tcOff, h, hOff);
    }

    @Override
    public void lstmGatesBackward(int rows, int hidden, float[] act, int aOff, float[] cPrev, int cpOff,
                                  float[] tanhC, int tcOff, float[] dh, int dhOff, float[] dc, int dcOff,
                                  float[] dGates, int dgOff) {
        ScalarRecurrentKernels.lstmGatesBackward(rows, hidden, act, aOff, cPrev, cpOff, tanhC, tcOff, dh, dhOff, dc, dcOff, dGates, dgOff);
    }

    @Override
    public void gruGatesForward(int rows, int hidden, float[] gates, int gOff, float[] gh, int ghOff,
                                float[] bhn, int bhnOff, float[] hPrev, int hpOff, float[] hOut, int hoOff,
                                float[] ghn, int ghnOff) {
        ScalarRecurrentKernels.gruGatesForward(rows, hidden, gates, gOff, gh, ghOff, bhn, bhnOff, hPrev, hpOff, hOut, hoOff, ghn, ghnOff);
    }

    @Override
    public void gruGatesBackward(int rows, int hidden, float[] act, int aOff, float[] ghn, int ghnOff,
                                 float[] hPrev, int hpOff, float[] dh, int dhOff, float[] dA, int daOff,
                                 float[] dGh, int dghOff, float[] dhPrev, int dhpOff) {
        ScalarRecurrentKernels.gruGatesBackward(rows, hidden, act, aOff, ghn, ghnOff, hPrev, hpOff, dh, dhOff, dA, daOff, dGh, dghOff, dhPrev, dhpOff);
    }

    /** ±0 where |x| is subnormal (the sign kept), else x: what gate-backward kernels write (see {@link #flushDenormals}). */
    protected static float flushed(float x) {
        return Math.abs(x) < Denormals.FLUSH_BELOW ? Math.copySign(0f, x) : x;
    }

    // ---------------------------------------------------------------- simd helper (denormals, optimizer)

    @Override
    public void flushDenormals(float[] x, int xOff, int n) {
        for (int i = xOff; i < xOff + n; i++) {
            if (Math.abs(x[i]) < Denormals.FLUSH_BELOW) {
                x[i] = Math.copySign(0f, x[i]);
            }
        }
    }

    /** The reference packing: op(B) copied row-major [k, n]. */
    private record RowMajorB(int k, int n, float[] data) implements PackedB {
    }

    @Override
    public int packedBSize(int k, int n) {
        return Math.multiplyExact(k, n);
    }

    @Override
    public PackedB packB(boolean transB, int k, int n, float[] b, int bOff, int ldb, float[] d) {
        for (int p = 0; p < k; p++) {
            for (int j = 0; j < n; j++) {
                d[p * n + j] = transB ? b[bOff + j * ldb + p] : b[bOff + p * ldb + j];
            }
        }
        return new RowMajorB(k, n, d);
    }

    @Override
    public void gemmPacked(boolean transA, int m, float[] a, int aOff, int lda, PackedB b,
                           float[] c, int cOff, int ldc, boolean accumulate) {
        if (!(b instanceof RowMajorB rb)) {
            throw new IllegalArgumentException("gemmPacked: expected an operand packed by " + this
                    + ", got " + b.getClass().getSimpleName());
        }
        gemm(transA, false, m, rb.n(), rb.k(), a, aOff, lda, rb.data(), 0, rb.n(), c, cOff, ldc, accumulate);
    }

    @Override
    public String toString() {
        return "scalar kernels";
    }

    // ---------------------------------------------------------------- sequence pooling (issue 6, classify)

    @Override
    public void maxRowUpdate(int n, float[] x, int xOff, float[] max, int mOff, int[] arg, int aOff, int row) {
        for (int i = 0; i < n; i++) {
            float v = x[xOff + i];
            if (arg[aOff + i] < 0 || v > max[mOff + i] || (Float.isNaN(v) && !Float.isNaN(max[mOff + i]))) {
                max[mOff + i] = v;
                arg[aOff + i] = row;
            }
        }
    }

    @Override
    public void argScatterAdd(int n, float[] g, int gOff, int[] arg, int aOff, int ld, float[] dst, int dstOff) {
        for (int i = 0; i < n; i++) {
            dst[dstOff + arg[aOff + i] * ld + i] += g[gOff + i];
        }
    }
}
