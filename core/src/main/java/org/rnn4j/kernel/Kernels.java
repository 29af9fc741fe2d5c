package org.rnn4j.kernel;

import org.rnn4j.tensor.IntTensor;
/**
 * The one numeric seam: every inner loop over floats lives behind this interface.
 *
 * <p>Contracts: arrays are addressed by offset and size; nothing here allocates data-sized memory
 * (a rank-sized index counter at most); an argument is
 * written only where the documentation says so. A method whose name ends in {@code Add} (or that
 * takes {@code accumulate = true}) adds into its output ({@code +=}) instead of overwriting it.
 * {@link ScalarKernels} is the readable reference; faster implementations must match it within
 * float32 rounding and are tested against it.
 */
public interface Kernels {

    /**
     * Products with at most this many rows of op(A) are matrix-vector work: the vector kernels read B
     * unpacked for them, and {@link #gemmPacked} equals {@link #gemm} bitwise only above it.
     */
    int GEMM_SMALL_ROWS = 4;

    /** The process-wide kernels in use. */
    static Kernels get() {
        return KernelRegistry.current();
    }

    // ---------------------------------------------------------------- matrix products

    /**
     * {@code C[m, n] (+)= op(A)[m, k] · op(B)[k, n]}.
     *
     * <p>{@code op(A) = A} is stored as rows of length {@code lda} (A[i, p] at {@code aOff + i·lda + p});
     * {@code op(A) = Aᵀ} stores A as [k, m] (A[p, i] at {@code aOff + p·lda + i}). Likewise for B with
     * [k, n] or, transposed, [n, k]. C is [m, n] with row stride {@code ldc}. Writes C only; C must not
     * overlap A or B.
     */
    void gemm(boolean transA, boolean transB, int m, int n, int k,
              float[] a, int aOff, int lda,
              float[] b, int bOff, int ldb,
              float[] c, int cOff, int ldc,
              boolean accumulate);

    /**
     * Two products with one op(A): {@code C1[m, n1] (+)= op(A)[m, k] · B1} and {@code C2[m, n2] (+)= op(A) · B2},
     * with B1 and B2 stored by rows ([k, n1] at stride {@code ldb1}, [k, n2] at {@code ldb2}). The results of
     * two {@link #gemm} calls (for the vector kernels the same bits); a blocked implementation packs op(A)
     * once for both. Writes C1 and C2 only; neither may overlap A, B1, B2 or the other.
     */
    default void gemmPair(boolean transA, int m, int k, float[] a, int aOff, int lda,
                          int n1, float[] b1, int b1Off, int ldb1, float[] c1, int c1Off, int ldc1,
                          int n2, float[] b2, int b2Off, int ldb2, float[] c2, int c2Off, int ldc2,
                          boolean accumulate) {
        gemm(transA, false, m, n1, k, a, aOff, lda, b1, b1Off, ldb1, c1, c1Off, ldc1, accumulate);
        gemm(transA, false, m, n2, k, a, aOff, lda, b2, b2Off, ldb2, c2, c2Off, ldc2, accumulate);
    }

    // ---------------------------------------------------------------- elementwise

    /** {@code out[i] = op(x[i])} for i in [0, n). {@code out} may be {@code x}. */
    void unary(UnaryOp op, float[] x, int xOff, float[] out, int outOff, int n);

    /**
     * {@code gx[i] += gy[i] · op'(x[i])}, where {@code y = op(x)} is passed too so that tanh, sigmoid,
     * exp reuse it. Writes {@code gx} only.
     */
    void unaryBackwardAdd(UnaryOp op, float[] x, int xOff, float[] y, int yOff,
                          float[] gy, int gyOff, float[] gx, int gxOff, int n);

    /** {@code out[i] = a[i] op b[i]}. {@code out} may alias an input. */
    void binary(BinaryOp op, float[] a, int aOff, float[] b, int bOff, float[] out, int outOff, int n);

    /**
     * Broadcast binary op over {@code outDims} (row-major, contiguous out). {@code aStrides} /
     * {@code bStrides} give each operand's stride per output dimension; 0 broadcasts.
     */
    void broadcastBinary(BinaryOp op, int[] outDims,
                         float[] a, int aOff, int[] aStrides,
                         float[] b, int bOff, int[] bStrides,
                         float[] out, int outOff);

    /**
     * Strided gather-accumulate: walks {@code dims} row-major over a contiguous {@code src} and does
     * {@code dst[dstOff + Σ idx_j·dstStrides_j] += src[...]}. With zero strides this sums over
     * dimensions (reductions, the backward of broadcasting). Writes {@code dst} only.
     */
    void accumulateStrided(int[] dims, float[] src, int srcOff, float[] dst, int dstOff, int[] dstStrides);

    /**
     * Strided copy: walks {@code dims} row-major writing a contiguous {@code dst}, reading
     * {@code src[srcOff + Σ idx_j·srcStrides_j]} (transpose, permute, narrow, broadcast expand).
     */
    void copyStrided(int[] dims, float[] src, int srcOff, int[] srcStrides, float[] dst, int dstOff);

    /** {@code y[i] += alpha · x[i]}. */
    void axpy(int n, float alpha, float[] x, int xOff, float[] y, int yOff);

    /** {@code x[i] *= alpha}. */
    void scale(int n, float alpha, float[] x, int xOff);

    /** {@code Σ x[i]} accumulated in double. */
    double sum(float[] x, int xOff, int n);

    /** {@code Σ x[i]·y[i]} accumulated in double. */
    double dot(int n, float[] x, int xOff, float[] y, int yOff);

    // ---------------------------------------------------------------- ops helper (org.rnn4j.ops)

    /** {@code out[i] = x[i] op s} for i in [0, n). {@code out} may be {@code x}. */
    void binaryScalar(BinaryOp op, float[] x, int xOff, float s, float[] out, int outOff, int n);

    /** {@code out[i] += a[i] op b[i]} for i in [0, n). Writes {@code out} only. */
    void binaryAdd(BinaryOp op, float[] a, int aOff, float[] b, int bOff, float[] out, int outOff, int n);

    /**
     * Strided read-accumulate: walks {@code dims} row-major over a contiguous {@code dst} and does
     * {@code dst[dstOff + o] += alpha · src[srcOff + Σ idx_j·srcStrides_j]} (the backward of
     * reductions, narrow and permute; zero strides broadcast). Writes {@code dst} only.
     */
    void accumulateFromStrided(int[] dims, float alpha, float[] src, int srcOff, int[] srcStrides,
                               float[] dst, int dstOff);

    /**
     * Softmax along the middle axis of {@code x} viewed as [outer, n, inner]:
     * {@code y = exp(x - max) / Σ exp(x - max)}. Writes {@code y} only.
     */
    void softmax(int outer, int n, int inner, float[] x, int xOff, float[] y, int yOff);

    /** Log-softmax along the middle axis of [outer, n, inner]: {@code y = x - max - log Σ exp(x - max)}. */
    void logSoftmax(int outer, int n, int inner, float[] x, int xOff, float[] y, int yOff);

    /** Softmax backward over [outer, n, inner]: {@code gx += y · (gy - Σ_n gy·y)}. Writes {@code gx} only. */
    void softmaxBackwardAdd(int outer, int n, int inner, float[] y, int yOff, float[] gy, int gyOff,
                            float[] gx, int gxOff);

    /** Log-softmax backward over [outer, n, inner]: {@code gx += gy - exp(y) · Σ_n gy}. Writes {@code gx} only. */
    void logSoftmaxBackwardAdd(int outer, int n, int inner, float[] y, int yOff, float[] gy, int gyOff,
                               float[] gx, int gxOff);

    /**
     * Row selection: {@code dst[o, j, i] = src[o, idx[idxOff + j], i]} with src [outer, n, inner] and
     * dst [outer, k, inner]. Indices must already be checked to lie in [0, n). Writes {@code dst} only.
     */
    void indexSelect(int outer, int n, int inner, int[] idx, int idxOff, int k,
                     float[] src, int srcOff, float[] dst, int dstOff);

    /**
     * The backward of {@link #indexSelect}: {@code dst[o, idx[j], i] += src[o, j, i]}, skipping every j
     * with {@code idx[j] == skip} (pass -1 to skip nothing). Repeated indices accumulate.
     */
    void indexAdd(int outer, int n, int inner, int[] idx, int idxOff, int k, int skip,
                  float[] src, int srcOff, float[] dst, int dstOff);

    /**
     * Gather: walks {@code dims} (the shape of the contiguous index {@code idx}) row-major and writes
     * {@code out[o] = src[srcOff + Σ_{j≠dim} i_j·srcStrides_j + idx[o]·srcStrides[dim]]}.
     */
    void gather(int[] dims, int dim, int[] idx, float[] src, int srcOff, int[] srcStrides,
                float[] out, int outOff);

    /** The backward of {@link #gather}: {@code dst[...same address...] += src[o]}. Writes {@code dst} only. */
    void scatterAdd(int[] dims, int dim, int[] idx, float[] src, int srcOff,
                    float[] dst, int dstOff, int[] dstStrides);

    /**
     * Masked fill: walks {@code dims} row-major over contiguous x and out,
     * {@code out[o] = mask[maskOff + Σ i_j·maskStrides_j] ? value : x[o]}. {@code out} may be {@code x}.
     */
    void maskedFill(int[] dims, float[] x, int xOff, boolean[] mask, int maskOff, int[] maskStrides,
                    float value, float[] out, int outOff);

    /** The backward of {@link #maskedFill}: {@code gx[o] += mask[...] ? 0 : gy[o]}. Writes {@code gx} only. */
    void maskedAccumulate(int[] dims, float[] gy, int gyOff, boolean[] mask, int maskOff, int[] maskStrides,
                          float[] gx, int gxOff);

    /**
     * Turns uniform draws u ∈ [0, 1) into an inverted-dropout mask in place:
     * {@code u[i] = u[i] < p ? 0 : scale}.
     */
    void dropoutMask(int n, float p, float scale, float[] u, int uOff);
    // ================================================================ loss/optim helper
    // Fused loss forward/backward loops, optimizer updates and gradient clipping. Optimizer
    // hyper-parameters arrive as doubles and are rounded to float32 once, where torch casts a
    // Python scalar to the tensor's dtype; the element arithmetic is float32. Class-index
    // losses see the input as [outer, classes, inner] (class dim in the middle, row-major) and
    // one target per (outer, inner) position, flat index i = o·inner + k. Per-position outputs
    // (logp, rowLoss, rowWeight) are written from index 0. A "row gradient" is the upstream
    // gradient per position: gRow[gRowOff + i·gRowStride] (stride 0 broadcasts one scalar).

    /**
     * Log-softmax over the class axis fused with the (label-smoothed) negative log-likelihood.
     * Writes {@code logp[outer·classes·inner]} (log-softmax of x, same layout), and per position i
     * with target t: {@code rowWeight[i] = w[t]} and
     * {@code rowLoss[i] = (1-ε)·w[t]·(-logp[t]) + (ε/C)·Σ_c w[c]·(-logp[c])}; both 0 where
     * {@code t == ignoreIndex}. {@code classWeight} null means all ones. IntTensor other than
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
                        float[] gOut, int gOff, int gStride, float alpha, float[] gx, float[] gy);

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
    void clamp(int n, float lo, float hi, float[] x, int off);

    // ---------------------------------------------------------------- recurrent helper (issue 3)
    // Fused per-step kernels of the recurrent layers (org.rnn4j.nn.recurrent). Rows are contiguous:
    // a gate block of `rows` rows has row stride G·H, a state block row stride H. "May alias" means
    // the element is read before it is written, so in-place updates of a running state are allowed.
    // The backward kernels write ±0 for every subnormal result (as flushDenormals does): a gradient
    // carried over many steps (dc·f·f·…) decays into the subnormal range, where every operation on
    // it costs a microcode assist; the change is below 1.2e-38 per element.

    /** {@code out[outOff + r·ld + c] += bias[bOff + c]} for r < rows, c < cols. Writes {@code out}. */
    void addBiasRows(int rows, int cols, float[] bias, int bOff, float[] out, int outOff, int ld);

    /** {@code dst[dstOff + c] += Σ_r src[srcOff + r·ld + c]} (bias gradients). Writes {@code dst}. */
    void sumRowsAdd(int rows, int cols, float[] src, int srcOff, int ld, float[] dst, int dstOff);

    /**
     * Simple-RNN backward for {@code n} contiguous elements: {@code dPre = (dh + dy) · act'(h)} where
     * {@code h = act(pre)} (act = TANH or RELU). Writes {@code dPre} only.
     */
    void rnnGatesBackward(UnaryOp act, int n, float[] h, int hOff, float[] dh, int dhOff,
                          float[] dy, int dyOff, float[] dPre, int dPreOff);

    /**
     * LSTM step, gate order [i, f, g, o]. {@code gates} [rows, 4H]: in pre-activations, out
     * σ(i), σ(f), tanh(g), σ(o). {@code c' = f·cPrev + i·g} into {@code cOut} [rows, H] (may alias
     * {@code cPrev}); {@code tanhC} [rows, H] = tanh(c'); {@code h} [rows, H] = o·tanh(c').
     */
    void lstmGatesForward(int rows, int hidden, float[] gates, int gOff, float[] cPrev, int cpOff,
                          float[] cOut, int coOff, float[] tanhC, int tcOff, float[] h, int hOff);

    /**
     * LSTM step backward. {@code act} [rows, 4H] holds the activations written by
     * {@link #lstmGatesForward}; {@code dh} [rows, H] is dL/dh'; {@code dc} [rows, H] is dL/dc' from
     * later steps on entry and dL/dcPrev on exit. Writes {@code dc} and {@code dGates} [rows, 4H]
     * (gradients of the pre-activations).
     */
    void lstmGatesBackward(int rows, int hidden, float[] act, int aOff, float[] cPrev, int cpOff,
                           float[] tanhC, int tcOff, float[] dh, int dhOff, float[] dc, int dcOff,
                           float[] dGates, int dgOff);

    /**
     * GRU step, gate order [r, z, n]. {@code gates} [rows, 3H]: in {@code W_ih·x + b_ih} with the r, z
     * parts of {@code b_hh} already added; out r, z, n. {@code gh} [rows, 3H] = {@code W_hh·h} (no bias);
     * {@code bhn} [H] is the n part of {@code b_hh} or {@code null}. {@code r = σ(a_r + gh_r)},
     * {@code z = σ(a_z + gh_z)}, {@code n = tanh(a_n + r·(gh_n + b_hn))}, {@code h' = (1−z)·n + z·hPrev}
     * into {@code hOut} [rows, H] (may alias {@code hPrev}); {@code ghn} [rows, H] = gh_n + b_hn.
     */
    void gruGatesForward(int rows, int hidden, float[] gates, int gOff, float[] gh, int ghOff,
                         float[] bhn, int bhnOff, float[] hPrev, int hpOff, float[] hOut, int hoOff,
                         float[] ghn, int ghnOff);

    /**
     * GRU step backward. {@code act} [rows, 3H] = r, z, n; {@code ghn} [rows, H]; {@code dh} [rows, H]
     * = dL/dh'. Writes {@code dA} [rows, 3H] (grads of W_ih·x + b_ih), {@code dGh} [rows, 3H] (grads of
     * W_hh·h + b_hh) and {@code dhPrev} [rows, H] = z·dh, the direct path to the previous state (may
     * alias {@code dh}).
     */
    void gruGatesBackward(int rows, int hidden, float[] act, int aOff, float[] ghn, int ghnOff,
                          float[] hPrev, int hpOff, float[] dh, int dhOff, float[] dA, int daOff,
                          float[] dGh, int dghOff, float[] dhPrev, int dhpOff);

    // ---------------------------------------------------------------- simd helper (denormals, optimizer)

    /**
     * Flushes subnormal values to zero in place: {@code x[i] = |x[i]| < Float.MIN_NORMAL ? ±0 : x[i]}
     * (the sign is kept, as the CPU's flush-to-zero mode does). The JVM cannot switch the CPU into
     * flush-to-zero mode, and arithmetic on subnormals is ~100× slower; recurrent backward passes
     * produce them (products of tiny gate derivatives over many steps). Kernels that produce such
     * values call this on their outputs; the change is below 1.2e-38 per element.
     */
    void flushDenormals(float[] x, int xOff, int n);

    /**
     * Copies op(B) [k, n] (B stored [k, n], or [n, k] when {@code transB}; row stride {@code ldb}) into
     * a {@link PackedB} for {@link #gemmPacked}. Allocates its result (see the overload with a buffer).
     */
    default PackedB packB(boolean transB, int k, int n, float[] b, int bOff, int ldb) {
        return packB(transB, k, n, b, bOff, ldb, new float[packedBSize(k, n)]);
    }

    /** The floats a packed op(B) [k, n] takes: the length {@code packB}'s buffer needs. */
    int packedBSize(int k, int n);

    /**
     * {@link #packB(boolean, int, int, float[], int, int)} into the caller's {@code into} (length ≥
     * {@link #packedBSize}, any content: every float it uses is written), which the result keeps using;
     * allocates only the small handle.
     */
    PackedB packB(boolean transB, int k, int n, float[] b, int bOff, int ldb, float[] into);

    /**
     * {@code C[m, n] (+)= op(A)[m, k] · B} with B from {@link #packB} of this instance: the same product
     * as {@link #gemm} with the original B (for the vector kernels bitwise the same when m >
     * {@link #GEMM_SMALL_ROWS}, within float32 rounding otherwise). Writes C only.
     *
     * @throws IllegalArgumentException if {@code b} was packed by another kernels instance type
     */
    void gemmPacked(boolean transA, int m, float[] a, int aOff, int lda, PackedB b,
                    float[] c, int cOff, int ldc, boolean accumulate);

    // ---------------------------------------------------------------- sequence pooling (issue 6, classify)
    // Max over the valid steps of packed sequences (org.rnn4j.nn.recurrent.PackedPooling): a running
    // max updated one row at a time, and its gradient routed back to the winning rows.

    /**
     * Running max: for i &lt; n, if {@code arg[aOff + i] < 0}, or {@code x[xOff + i] > max[mOff + i]}, or
     * x is NaN (NaN propagates, as in PyTorch): {@code max[mOff + i] = x[xOff + i]} and
     * {@code arg[aOff + i] = row}. Ties keep the earlier row. Writes {@code max} and {@code arg}.
     */
    void maxRowUpdate(int n, float[] x, int xOff, float[] max, int mOff, int[] arg, int aOff, int row);

    /** {@code dst[dstOff + arg[aOff + i]·ld + i] += g[gOff + i]} for i &lt; n. Writes {@code dst}. */
    void argScatterAdd(int n, float[] g, int gOff, int[] arg, int aOff, int ld, float[] dst, int dstOff);
}
