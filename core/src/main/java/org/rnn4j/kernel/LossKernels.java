package org.rnn4j.kernel;

/**
 * Fused loss forward and backward loops. Class-index losses see the input as
 * [outer, classes, inner] (class dim in the middle, row-major) and one target per (outer, inner)
 * position, flat index i = o·inner + k. Per-position outputs (logp, rowLoss, rowWeight) are written
 * from index 0. A "row gradient" is the upstream gradient per position:
 * {@code gRow[gRowOff + i·gRowStride]} (stride 0 broadcasts one scalar). Contracts as in
 * {@link GemmKernels}; {@link ScalarLossKernels} is the reference.
 */
public interface LossKernels {

    /**
     * Log-softmax over the class axis fused with the (label-smoothed) negative log-likelihood.
     * Writes {@code logp[outer·classes·inner]} (log-softmax of x, same layout), and per position i
     * with target t: {@code rowWeight[i] = w[t]} and
     * {@code rowLoss[i] = (1-ε)·w[t]·(-logp[t]) + (ε/C)·Σ_c w[c]·(-logp[c])}; both 0 where
     * {@code t == ignoreIndex}. {@code classWeight} null means all ones. Targets other than
     * ignoreIndex must be in [0, classes) (checked by the caller).
     */
    void crossEntropyForward(int outer, int classes, int inner, float[] x, int xOff, int[] target, int tOff,
                             float[] classWeight, int ignoreIndex, float labelSmoothing,
                             float[] logp, float[] rowLoss, float[] rowWeight);

    /**
     * Backward of {@link #crossEntropyForward}: for every non-ignored position i with target t and
     * row gradient g, {@code gx[i, c] += g·[(1-ε)·w[t]·(p_c - δ_ct) + (ε/C)·(p_c·Σw - w[c])]} with
     * {@code p = exp(logp)}. Writes {@code gx} only.
     */
    void crossEntropyBackwardAdd(int outer, int classes, int inner, float[] logp, int[] target, int tOff,
                                 float[] classWeight, int ignoreIndex, float labelSmoothing,
                                 float[] gRow, int gRowOff, int gRowStride, float[] gx, int gxOff);

    /**
     * Negative log-likelihood of log-probabilities {@code logp} (same layout as above):
     * {@code rowLoss[i] = -w[t]·logp[i, t]}, {@code rowWeight[i] = w[t]}, both 0 where ignored.
     */
    void nllForward(int outer, int classes, int inner, float[] logp, int lpOff, int[] target, int tOff,
                    float[] classWeight, int ignoreIndex, float[] rowLoss, float[] rowWeight);

    /** Backward of {@link #nllForward}: {@code gx[i, t] += -g·w[t]} for non-ignored positions. */
    void nllBackwardAdd(int outer, int classes, int inner, int[] target, int tOff,
                        float[] classWeight, int ignoreIndex,
                        float[] gRow, int gRowOff, int gRowStride, float[] gx, int gxOff);

    /**
     * Binary cross-entropy on logits, elementwise and numerically stable:
     * {@code out[i] = w[i]·[(1-y)·x + (1+(pw[i]-1)·y)·softplus(-x)]}, which equals
     * {@code -w·[pw·y·log σ(x) + (1-y)·log(1-σ(x))]}. {@code weight} / {@code posWeight} are
     * already expanded to n elements, or null (ones). Writes {@code out[0..n)}.
     */
    void bceWithLogitsForward(int n, float[] x, int xOff, float[] y, int yOff,
                              float[] weight, float[] posWeight, float[] out);

    /**
     * Backward of {@link #bceWithLogitsForward} with gradient g = {@code gOut[gOff + i·gStride]}:
     * {@code gx[i] += g·w·(σ(x)·(1+(pw-1)·y) - pw·y)},
     * {@code gy[i] += g·w·((pw-1)·softplus(-x) - x)}. {@code gx} or {@code gy} may be null (skipped).
     */
    void bceWithLogitsBackwardAdd(int n, float[] x, int xOff, float[] y, int yOff,
                                  float[] weight, float[] posWeight,
                                  float[] gOut, int gOff, int gStride, float[] gx, float[] gy);

    /** {@code out[i] = (a[i] - b[i])²}. */
    void squaredDiff(int n, float[] a, int aOff, float[] b, int bOff, float[] out, int outOff);

    /**
     * Backward of {@code alpha·(x - y)²} with gradient g = {@code gOut[gOff + i·gStride]}:
     * {@code gx[i] += 2·alpha·g·(x - y)}, {@code gy[i] -= 2·alpha·g·(x - y)}; null outputs are skipped.
     */
    void mseBackwardAdd(int n, float[] x, int xOff, float[] y, int yOff,
                        float[] gOut, int gOff, int gStride, float alpha, float[] gx, float[] gy);}
