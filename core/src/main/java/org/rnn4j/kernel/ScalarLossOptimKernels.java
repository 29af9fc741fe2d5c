package org.rnn4j.kernel;

/**
 * Reference loops of the "loss/optim helper" section of {@link Kernels}, used by
 * {@link ScalarKernels}. Loss maths runs in double per element and is rounded once; optimizer
 * updates follow torch's float32 op order (single-tensor code path of torch 1.13).
 */
final class ScalarLossOptimKernels {
    private ScalarLossOptimKernels() {
    }

    // ---------------------------------------------------------------- class-index losses

    static void crossEntropyForward(int outer, int classes, int inner, float[] x, int xOff, int[] target, int tOff,
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

    static void nll(int outer, int classes, int inner, float[] logp, int lpOff, int[] target, int tOff,
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

    static void crossEntropyBackwardAdd(int outer, int classes, int inner, float[] logp, int[] target, int tOff,
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

    static void nllBackwardAdd(int outer, int classes, int inner, int[] target, int tOff,
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

    // ---------------------------------------------------------------- elementwise losses

    /** softplus(-x) = log(1 + e^-x), stable for any sign of x. */
    private static double softplusNeg(double x) {
        return Math.max(-x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
    }

    static void bceWithLogitsForward(int n, float[] x, int xOff, float[] y, int yOff,
                                     float[] weight, float[] posWeight, float[] out) {
        for (int i = 0; i < n; i++) {
            double xi = x[xOff + i];
            double yi = y[yOff + i];
            double pw = posWeight == null ? 1.0 : posWeight[i];
            double w = weight == null ? 1.0 : weight[i];
            out[i] = (float) (w * ((1 - yi) * xi + (1 + (pw - 1) * yi) * softplusNeg(xi)));
        }
    }

    static void bceWithLogitsBackwardAdd(int n, float[] x, int xOff, float[] y, int yOff,
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

    static void squaredDiff(int n, float[] a, int aOff, float[] b, int bOff, float[] out, int outOff) {
        for (int i = 0; i < n; i++) {
            float d = a[aOff + i] - b[bOff + i];
            out[outOff + i] = d * d;
        }
    }

    static void mseBackwardAdd(int n, float[] x, int xOff, float[] y, int yOff,
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

    // ---------------------------------------------------------------- optimizers

    static void sgdUpdate(int n, float[] p, float[] g, float[] buf, int off,
                          double lr, double momentum, double dampening, double weightDecay,
                          boolean nesterov, boolean initBuffer, boolean maximize) {
        float wd = (float) weightDecay;
        float mu = (float) momentum;
        float keep = (float) (1 - dampening);
        float negLr = (float) -lr;
        for (int j = off; j < off + n; j++) {
            float d = maximize ? -g[j] : g[j];
            if (weightDecay != 0) {
                d = d + wd * p[j];
            }
            if (momentum != 0) {
                float b = initBuffer ? d : buf[j] * mu + keep * d;
                buf[j] = b;
                d = nesterov ? d + mu * b : b;
            }
            p[j] = p[j] + negLr * d;
        }
    }

    static void adamUpdate(int n, float[] p, float[] g, float[] m, float[] v, float[] vmax, int off,
                           double beta1, double beta2, double eps, double weightDecay,
                           double stepSize, double bc2Sqrt, boolean maximize) {
        float b1 = (float) beta1;
        float b2 = (float) beta2;
        float oneMinusB1 = (float) (1 - beta1);
        float oneMinusB2 = (float) (1 - beta2);
        float wd = (float) weightDecay;
        float epsF = (float) eps;
        float bc2 = (float) bc2Sqrt;
        float negStep = (float) -stepSize;
        for (int j = off; j < off + n; j++) {
            float gj = maximize ? -g[j] : g[j];
            if (weightDecay != 0) {
                gj = gj + wd * p[j];
            }
            float mj = m[j] * b1 + oneMinusB1 * gj;
            float vj = v[j] * b2 + oneMinusB2 * gj * gj;
            m[j] = mj;
            v[j] = vj;
            float vHat = vj;
            if (vmax != null) {
                vHat = Math.max(vmax[j], vj);
                vmax[j] = vHat;
            }
            float denom = (float) Math.sqrt(vHat) / bc2 + epsF;
            p[j] = p[j] + negStep * mj / denom;
        }
    }

    static void rmspropUpdate(int n, float[] p, float[] g, float[] squareAvg, float[] gradAvg, float[] buf, int off,
                              double lr, double alpha, double eps, double weightDecay, double momentum,
                              boolean maximize) {
        float a = (float) alpha;
        float oneMinusA = (float) (1 - alpha);
        float wd = (float) weightDecay;
        float epsF = (float) eps;
        float mu = (float) momentum;
        float negLr = (float) -lr;
        for (int j = off; j < off + n; j++) {
            float gj = maximize ? -g[j] : g[j];
            if (weightDecay != 0) {
                gj = gj + wd * p[j];
            }
            float s = squareAvg[j] * a + oneMinusA * gj * gj;
            squareAvg[j] = s;
            float avg;
            if (gradAvg != null) {
                float ga = gradAvg[j] * a + oneMinusA * gj;
                gradAvg[j] = ga;
                avg = (float) Math.sqrt(s + (-1f * ga) * ga);
            } else {
                avg = (float) Math.sqrt(s);
            }
            avg = avg + epsF;
            if (buf != null) {
                float b = buf[j] * mu + gj / avg;
                buf[j] = b;
                p[j] = p[j] + negLr * b;
            } else {
                p[j] = p[j] + negLr * gj / avg;
            }
        }
    }

    static void adagradUpdate(int n, float[] p, float[] g, float[] sum, int off,
                              double clr, double eps, double weightDecay, boolean maximize) {
        float wd = (float) weightDecay;
        float epsF = (float) eps;
        float negClr = (float) -clr;
        for (int j = off; j < off + n; j++) {
            float gj = maximize ? -g[j] : g[j];
            if (weightDecay != 0) {
                gj = gj + wd * p[j];
            }
            float s = sum[j] + gj * gj;
            sum[j] = s;
            float std = (float) Math.sqrt(s) + epsF;
            p[j] = p[j] + negClr * gj / std;
        }
    }

    // ---------------------------------------------------------------- clipping

    static double sumAbsPow(int n, float[] x, int off, double p) {
        double s = 0;
        if (p == 2) {
            for (int i = off; i < off + n; i++) {
                s += (double) x[i] * x[i];
            }
        } else if (p == 1) {
            for (int i = off; i < off + n; i++) {
                s += Math.abs(x[i]);
            }
        } else {
            for (int i = off; i < off + n; i++) {
                s += Math.pow(Math.abs(x[i]), p);
            }
        }
        return s;
    }

    static float maxAbs(int n, float[] x, int off) {
        float m = 0f;
        for (int i = off; i < off + n; i++) {
            float a = Math.abs(x[i]);
            if (Float.isNaN(a)) {
                return Float.NaN;
            }
            m = Math.max(m, a);
        }
        return m;
    }

    static void clamp(int n, float lo, float hi, float[] x, int off) {
        for (int i = off; i < off + n; i++) {
            x[i] = Math.min(Math.max(x[i], lo), hi);
        }
    }
}
