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

    // ---------------------------------------------------------------- simd helper (denormals, optimizer)

    @Override
    public void flushDenormals(float[] x, int xOff, int n) {
        for (int i = xOff; i < xOff + n; i++) {
            if (Math.abs(x[i]) < Float.MIN_NORMAL) {
                x[i] = Math.copySign(0f, x[i]);
            }
        }
    }

    @Override
    public void adamUpdate(int n, double beta1, double beta2, double stepSize, double bc2Sqrt, double eps, double weightDecay,
                           float[] p, int pOff, float[] g, int gOff, float[] m, int mOff, float[] v, int vOff) {
        float w1 = (float) (1 - beta1);
        float b2 = (float) beta2;
        float w2 = (float) (1 - beta2);
        float negStep = (float) -stepSize;
        float bc2 = (float) bc2Sqrt;
        float e = (float) eps;
        float wd = (float) weightDecay;
        for (int i = 0; i < n; i++) {
            float pi = p[pOff + i];
            float gi = wd == 0f ? g[gOff + i] : g[gOff + i] + wd * pi;
            float mi = Math.fma(w1, gi - m[mOff + i], m[mOff + i]);
            float vi = v[vOff + i] * b2 + w2 * gi * gi;
            m[mOff + i] = mi;
            v[vOff + i] = vi;
            p[pOff + i] = pi + negStep * mi / ((float) Math.sqrt(vi) / bc2 + e);
        }
    }

    /** The reference packing: op(B) copied row-major [k, n]. */
    private record RowMajorB(int k, int n, float[] data) implements PackedB {
    }

    @Override
    public PackedB packB(boolean transB, int k, int n, float[] b, int bOff, int ldb) {
        float[] d = new float[k * n];
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
}
