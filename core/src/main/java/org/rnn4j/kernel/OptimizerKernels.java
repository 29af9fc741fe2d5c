package org.rnn4j.kernel;

/**
 * Optimizer updates and gradient clipping. Hyper-parameters arrive as doubles and are rounded to
 * float32 once, where torch casts a Python scalar to the tensor's dtype; the element arithmetic is
 * float32. Contracts as in {@link GemmKernels}; {@link ScalarOptimizerKernels} is the reference.
 */
public interface OptimizerKernels {

    /**
     * One SGD step on {@code p[off..off+n)} (torch.optim.SGD, single-tensor form):
     * {@code d = ±g + wd·p}; with momentum {@code buf = d} when {@code initBuffer} else
     * {@code buf = μ·buf + (1-dampening)·d}, then {@code d = nesterov ? d + μ·buf : buf};
     * {@code p -= lr·d}. {@code buf} is ignored (may be null) when momentum is 0. Writes p and buf.
     */
    void sgdUpdate(int n, float[] p, float[] g, float[] buf, int off,
                   double lr, double momentum, double dampening, double weightDecay,
                   boolean nesterov, boolean initBuffer, boolean maximize);

    /**
     * One Adam step (L2 {@code weightDecay}; AdamW's decoupled decay is applied by the caller first):
     * {@code g = ±g + wd·p; m = β1·m + (1-β1)·g; v = β2·v + (1-β2)·g²};
     * {@code v̂ = vmax = max(vmax, v)} if {@code vmax != null} else {@code v};
     * {@code p -= stepSize · m / (sqrt(v̂)/bc2Sqrt + eps)}. Writes p, m, v, vmax.
     */
    void adamUpdate(int n, float[] p, float[] g, float[] m, float[] v, float[] vmax, int off,
                    double beta1, double beta2, double eps, double weightDecay,
                    double stepSize, double bc2Sqrt, boolean maximize);

    /**
     * One RMSprop step: {@code g = ±g + wd·p; s = α·s + (1-α)·g²}; centered ({@code gradAvg != null}):
     * {@code ḡ = α·ḡ + (1-α)·g, avg = sqrt(s - ḡ²) + eps}, else {@code avg = sqrt(s) + eps};
     * momentum ({@code buf != null}): {@code buf = μ·buf + g/avg, p -= lr·buf}, else {@code p -= lr·g/avg}.
     */
    void rmspropUpdate(int n, float[] p, float[] g, float[] squareAvg, float[] gradAvg, float[] buf, int off,
                       double lr, double alpha, double eps, double weightDecay, double momentum, boolean maximize);

    /** One Adagrad step: {@code g = ±g + wd·p; sum += g²; p -= clr·g/(sqrt(sum) + eps)}. */
    void adagradUpdate(int n, float[] p, float[] g, float[] sum, int off,
                       double clr, double eps, double weightDecay, boolean maximize);

    /** {@code Σ |x[i]|^p} accumulated in double ({@code p = 2}: sum of squares). */
    double sumAbsPow(int n, float[] x, int off, double p);

    /** {@code max |x[i]|} (0 for n = 0; NaN if any element is NaN). */
    float maxAbs(int n, float[] x, int off);

    /** In place: {@code x[i] = min(max(x[i], lo), hi)}. */
    void clamp(int n, float lo, float hi, float[] x, int off);}
