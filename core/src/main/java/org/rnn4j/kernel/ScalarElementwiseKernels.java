package org.rnn4j.kernel;

/**
 * The readable reference of {@link ElementwiseKernels}: plain loops; transcendental functions in
 * double, rounded once.
 */
public class ScalarElementwiseKernels implements ElementwiseKernels {

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

    @Override
    public void dropoutMask(int n, float p, float scale, float[] u, int uOff) {
        for (int i = 0; i < n; i++) {
            u[uOff + i] = u[uOff + i] < p ? 0f : scale;
        }
    }

    @Override
    public void flushDenormals(float[] x, int xOff, int n) {
        for (int i = xOff; i < xOff + n; i++) {
            if (Math.abs(x[i]) < Denormals.FLUSH_BELOW) {
                x[i] = Math.copySign(0f, x[i]);
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
}
