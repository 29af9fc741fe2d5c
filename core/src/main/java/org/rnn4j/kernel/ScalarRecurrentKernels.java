package org.rnn4j.kernel;

/**
 * The readable reference of {@link RecurrentKernels}: the RNN, LSTM and GRU step forward and
 * backward, one element at a time. The vector kernels must match the backward bitwise and the
 * forward within the activations' ulp bounds.
 */
public class ScalarRecurrentKernels implements RecurrentKernels {

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

    @Override
    public void rnnGatesBackward(UnaryOp act, int n, float[] h, int hOff, float[] dh, int dhOff,
            float[] dy, int dyOff, float[] dPre, int dPreOff) {
        for (int i = 0; i < n; i++) {
            float g = dh[dhOff + i] + dy[dyOff + i];
            float y = h[hOff + i];
            dPre[dPreOff + i] = flushed(switch (act) {
                case TANH -> g * (1f - y * y);
                case RELU -> y > 0f ? g : 0f;
                default -> throw new IllegalArgumentException("rnnGatesBackward: unsupported activation " + act);
            });
        }
    }

    @Override
    public void lstmGatesForward(int rows, int hidden, float[] gates, int gOff, float[] cPrev, int cpOff,
            float[] cOut, int coOff, float[] tanhC, int tcOff, float[] h, int hOff) {
        int g4 = 4 * hidden;
        for (int r = 0; r < rows; r++) {
            int gr = gOff + r * g4;
            int sr = r * hidden;
            for (int j = 0; j < hidden; j++) {
                float i = ScalarElementwiseKernels.sigmoid(gates[gr + j]);
                float f = ScalarElementwiseKernels.sigmoid(gates[gr + hidden + j]);
                float g = (float) Math.tanh(gates[gr + 2 * hidden + j]);
                float o = ScalarElementwiseKernels.sigmoid(gates[gr + 3 * hidden + j]);
                gates[gr + j] = i;
                gates[gr + hidden + j] = f;
                gates[gr + 2 * hidden + j] = g;
                gates[gr + 3 * hidden + j] = o;
                float c = f * cPrev[cpOff + sr + j] + i * g;
                float tc = (float) Math.tanh(c);
                cOut[coOff + sr + j] = c;
                tanhC[tcOff + sr + j] = tc;
                h[hOff + sr + j] = o * tc;
            }
        }
    }

    @Override
    public void lstmGatesBackward(int rows, int hidden, float[] act, int aOff, float[] cPrev, int cpOff,
            float[] tanhC, int tcOff, float[] dh, int dhOff, float[] dc, int dcOff,
            float[] dGates, int dgOff) {
        int g4 = 4 * hidden;
        for (int r = 0; r < rows; r++) {
            int ar = aOff + r * g4;
            int dr = dgOff + r * g4;
            int sr = r * hidden;
            for (int j = 0; j < hidden; j++) {
                float i = act[ar + j];
                float f = act[ar + hidden + j];
                float g = act[ar + 2 * hidden + j];
                float o = act[ar + 3 * hidden + j];
                float tc = tanhC[tcOff + sr + j];
                float dhj = dh[dhOff + sr + j];
                float dct = dc[dcOff + sr + j] + dhj * o * (1f - tc * tc);
                dGates[dr + j] = flushed(dct * g * i * (1f - i));
                dGates[dr + hidden + j] = flushed(dct * cPrev[cpOff + sr + j] * f * (1f - f));
                dGates[dr + 2 * hidden + j] = flushed(dct * i * (1f - g * g));
                dGates[dr + 3 * hidden + j] = flushed(dhj * tc * o * (1f - o));
                dc[dcOff + sr + j] = flushed(dct * f);
            }
        }
    }

    @Override
    public void gruGatesForward(int rows, int hidden, float[] gates, int gOff, float[] gh, int ghOff,
            float[] bhn, int bhnOff, float[] hPrev, int hpOff, float[] hOut, int hoOff,
            float[] ghn, int ghnOff) {
        int g3 = 3 * hidden;
        for (int r = 0; r < rows; r++) {
            int gr = gOff + r * g3;
            int hr = ghOff + r * g3;
            int sr = r * hidden;
            for (int j = 0; j < hidden; j++) {
                float rg = ScalarElementwiseKernels.sigmoid(gates[gr + j] + gh[hr + j]);
                float z = ScalarElementwiseKernels.sigmoid(gates[gr + hidden + j] + gh[hr + hidden + j]);
                float hn = gh[hr + 2 * hidden + j] + (bhn == null ? 0f : bhn[bhnOff + j]);
                float n = (float) Math.tanh(gates[gr + 2 * hidden + j] + rg * hn);
                gates[gr + j] = rg;
                gates[gr + hidden + j] = z;
                gates[gr + 2 * hidden + j] = n;
                ghn[ghnOff + sr + j] = hn;
                float hp = hPrev[hpOff + sr + j];
                hOut[hoOff + sr + j] = (1f - z) * n + z * hp;
            }
        }
    }

    @Override
    public void gruGatesBackward(int rows, int hidden, float[] act, int aOff, float[] ghn, int ghnOff,
            float[] hPrev, int hpOff, float[] dh, int dhOff, float[] dA, int daOff,
            float[] dGh, int dghOff, float[] dhPrev, int dhpOff) {
        int g3 = 3 * hidden;
        for (int r = 0; r < rows; r++) {
            int ar = aOff + r * g3;
            int da = daOff + r * g3;
            int dg = dghOff + r * g3;
            int sr = r * hidden;
            for (int j = 0; j < hidden; j++) {
                float rg = act[ar + j];
                float z = act[ar + hidden + j];
                float n = act[ar + 2 * hidden + j];
                float d = dh[dhOff + sr + j];
                float dnPre = flushed(d * (1f - z) * (1f - n * n));
                float dzPre = flushed(d * (hPrev[hpOff + sr + j] - n) * z * (1f - z));
                float drPre = flushed(dnPre * ghn[ghnOff + sr + j] * rg * (1f - rg));
                dA[da + j] = drPre;
                dA[da + hidden + j] = dzPre;
                dA[da + 2 * hidden + j] = dnPre;
                dGh[dg + j] = drPre;
                dGh[dg + hidden + j] = dzPre;
                dGh[dg + 2 * hidden + j] = flushed(dnPre * rg);
                dhPrev[dhpOff + sr + j] = flushed(d * z);
            }
        }
    }

    /** ±0 where |x| is subnormal (the sign kept), else x: what gate-backward kernels write (see {@link ElementwiseKernels#flushDenormals}). */
    protected static float flushed(float x) {
        return Math.abs(x) < Denormals.FLUSH_BELOW ? Math.copySign(0f, x) : x;
    }
}
