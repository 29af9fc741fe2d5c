package org.rnn4j.kernel;

/**
 * The readable reference of {@link OptimizerKernels}: updates follow torch's float32 op order
 * (the single-tensor code path of torch 1.13); norms accumulate in double.
 */
public class ScalarOptimizerKernels implements OptimizerKernels {

    @Override
    public void sgdUpdate(int n, float[] p, float[] g, float[] buf, int off,
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

    @Override
    public void adamUpdate(int n, float[] p, float[] g, float[] m, float[] v, float[] vmax, int off,
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

    @Override
    public void rmspropUpdate(int n, float[] p, float[] g, float[] squareAvg, float[] gradAvg, float[] buf, int off,
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

    @Override
    public void adagradUpdate(int n, float[] p, float[] g, float[] sum, int off,
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

    @Override
    public double sumAbsPow(int n, float[] x, int off, double p) {
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

    @Override
    public float maxAbs(int n, float[] x, int off) {
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

    @Override
    public void clamp(int n, float lo, float hi, float[] x, int off) {
        for (int i = off; i < off + n; i++) {
            x[i] = Math.min(Math.max(x[i], lo), hi);
        }
    }
}
