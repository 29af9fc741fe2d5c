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
}
