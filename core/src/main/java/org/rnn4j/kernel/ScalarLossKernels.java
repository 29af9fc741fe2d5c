package org.rnn4j.kernel;

/**
 * The readable reference of {@link LossKernels}: the loss maths runs in double per element and is
 * rounded once. The vector kernels use it too (a loss is a small part of a training step).
 */
public class ScalarLossKernels implements LossKernels {

    @Override
    public void crossEntropyForward(int outer, int classes, int inner, float[] x, int xOff, int[] target, int tOff,
                                    float[] classWeight, int ignoreIndex, float labelSmoothing,
                                    float[] logp, float[] rowLoss, float[] rowWeight) {
        for (int o = 0; o < outer; o++) {
            for (int k = 0; k < inner; k++) {
                int base = o * classes * inner + k; // [o, 0, k] in logp; xOff + base in x
                double max = Double.NEGATIVE_INFINITY;
                for (int c = 0; c < classes; c++) {
                    max = Math.max(max, x[xOff + base + c * inner]);
                }
                double sumExp = 0;
                for (int c = 0; c < classes; c++) {
                    sumExp += Math.exp(x[xOff + base + c * inner] - max);
                }
                double lse = max + Math.log(sumExp); // log Σ exp(x_c), stable
                for (int c = 0; c < classes; c++) {
                    logp[base + c * inner] = (float) (x[xOff + base + c * inner] - lse);
                }
            }
        }
        nll(outer, classes, inner, logp, 0, target, tOff, classWeight, ignoreIndex, labelSmoothing, rowLoss, rowWeight);
    }

    @Override
    public void nllForward(int outer, int classes, int inner, float[] logp, int lpOff, int[] target, int tOff,
                           float[] classWeight, int ignoreIndex, float[] rowLoss, float[] rowWeight) {
        nll(outer, classes, inner, logp, lpOff, target, tOff,
                classWeight, ignoreIndex, 0f, rowLoss, rowWeight);
    }

    private static void nll(int outer, int classes, int inner, float[] logp, int lpOff, int[] target, int tOff,
                    float[] classWeight, int ignoreIndex, float labelSmoothing, float[] rowLoss, float[] rowWeight) {
        double eps = labelSmoothing;
        for (int o = 0; o < outer; o++) {
            for (int k = 0; k < inner; k++) {
                int i = o * inner + k;
                int t = target[tOff + i];
                if (t == ignoreIndex) {
                    rowLoss[i] = 0f;
                    rowWeight[i] = 0f;
                    continue;
                }
                int base = lpOff + o * classes * inner + k;
                double wt = classWeight == null ? 1.0 : classWeight[t];
                double loss = -wt * logp[base + t * inner];
                if (eps != 0) {
                    double smooth = 0; // Σ_c w[c]·(-logp[c])
                    for (int c = 0; c < classes; c++) {
                        double wc = classWeight == null ? 1.0 : classWeight[c];
                        smooth -= wc * logp[base + c * inner];
                    }
                    loss = (1 - eps) * loss + eps / classes * smooth;
                }
                rowLoss[i] = (float) loss;
                rowWeight[i] = (float) wt;
            }
        }
    }

    @Override
    public void crossEntropyBackwardAdd(int outer, int classes, int inner, float[] logp, int[] target, int tOff,
                                        float[] classWeight, int ignoreIndex, float labelSmoothing,
                                        float[] gRow, int gRowOff, int gRowStride, float[] gx, int gxOff) {
        double eps = labelSmoothing;
        double sumW = classes;
        if (classWeight != null) {
            sumW = 0;
            for (int c = 0; c < classes; c++) {
                sumW += classWeight[c];
            }
        }
        for (int o = 0; o < outer; o++) {
            for (int k = 0; k < inner; k++) {
                int i = o * inner + k;
                int t = target[tOff + i];
                if (t == ignoreIndex) {
                    continue;
                }
                double g = gRow[gRowOff + i * gRowStride];
                double wt = classWeight == null ? 1.0 : classWeight[t];
                int base = o * classes * inner + k;
                for (int c = 0; c < classes; c++) {
                    double p = Math.exp(logp[base + c * inner]);
                    double d = (1 - eps) * wt * (c == t ? p - 1 : p);
                    if (eps != 0) {
                        double wc = classWeight == null ? 1.0 : classWeight[c];
                        d += eps / classes * (p * sumW - wc);
                    }
                    gx[gxOff + base + c * inner] += (float) (g * d);
                }
            }
        }
    }

    @Override
    public void nllBackwardAdd(int outer, int classes, int inner, int[] target, int tOff,
                               float[] classWeight, int ignoreIndex,
                               float[] gRow, int gRowOff, int gRowStride, float[] gx, int gxOff) {
        for (int o = 0; o < outer; o++) {
            for (int k = 0; k < inner; k++) {
                int i = o * inner + k;
                int t = target[tOff + i];
                if (t == ignoreIndex) {
                    continue;
                }
                double wt = classWeight == null ? 1.0 : classWeight[t];
                gx[gxOff + o * classes * inner + t * inner + k] += (float) (-wt * gRow[gRowOff + i * gRowStride]);
            }
        }
    }

    /** softplus(-x) = log(1 + e^-x), stable for any sign of x. */
    private static double softplusNeg(double x) {
        return Math.max(-x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
    }

    @Override
    public void bceWithLogitsForward(int n, float[] x, int xOff, float[] y, int yOff,
                                     float[] weight, float[] posWeight, float[] out) {
        for (int i = 0; i < n; i++) {
            double xi = x[xOff + i];
            double yi = y[yOff + i];
            double pw = posWeight == null ? 1.0 : posWeight[i];
            double w = weight == null ? 1.0 : weight[i];
            out[i] = (float) (w * ((1 - yi) * xi + (1 + (pw - 1) * yi) * softplusNeg(xi)));
        }
    }

    @Override
    public void bceWithLogitsBackwardAdd(int n, float[] x, int xOff, float[] y, int yOff,
                                         float[] weight, float[] posWeight,
                                         float[] gOut, int gOff, int gStride, float[] gx, float[] gy) {
        for (int i = 0; i < n; i++) {
            double xi = x[xOff + i];
            double yi = y[yOff + i];
            double pw = posWeight == null ? 1.0 : posWeight[i];
            double gw = gOut[gOff + i * gStride] * (weight == null ? 1.0 : weight[i]);
            if (gx != null) {
                double sig = 1.0 / (1.0 + Math.exp(-xi));
                gx[i] += (float) (gw * (sig * (1 + (pw - 1) * yi) - pw * yi));
            }
            if (gy != null) {
                gy[i] += (float) (gw * ((pw - 1) * softplusNeg(xi) - xi));
            }
        }
    }

    @Override
    public void squaredDiff(int n, float[] a, int aOff, float[] b, int bOff, float[] out, int outOff) {
        for (int i = 0; i < n; i++) {
            float d = a[aOff + i] - b[bOff + i];
            out[outOff + i] = d * d;
        }
    }

    @Override
    public void mseBackwardAdd(int n, float[] x, int xOff, float[] y, int yOff,
                               float[] gOut, int gOff, int gStride, float alpha, float[] gx, float[] gy) {
        for (int i = 0; i < n; i++) {
            double v = 2.0 * alpha * gOut[gOff + i * gStride] * ((double) x[xOff + i] - y[yOff + i]);
            if (gx != null) {
                gx[i] += (float) v;
            }
            if (gy != null) {
                gy[i] -= (float) v;
            }
        }
    }
}
