package org.rnn4j.kernel;

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
     * One {@code torch.optim.Adam} step (no amsgrad) over n elements, in float32 as torch's CPU kernels
     * do it. The hyper-parameters come in double, as Python floats do, and are rounded to float the way
     * torch rounds its scalar arguments ({@code 1 - β1} is formed in double, then rounded):
     * <pre>
     * g' = g + (float) weightDecay · p
     * m  = fma((float) (1 - β1), g' - m, m)                 (lerp_, vectorised form)
     * v  = v·(float) β2 + ((float) (1 - β2)·g')·g'          (mul_, addcmul_)
     * p  = p + ((float) -stepSize·m) / (sqrt(v) / (float) bc2Sqrt + (float) eps)   (addcdiv_)
     * </pre>
     * with {@code stepSize = lr / (1 - β1^t)} and {@code bc2Sqrt = sqrt(1 - β2^t)} computed by the
     * caller in double. Writes {@code p}, {@code m} and {@code v}; reads {@code g}.
     */
    void adamUpdate(int n, double beta1, double beta2, double stepSize, double bc2Sqrt, double eps, double weightDecay,
                    float[] p, int pOff, float[] g, int gOff, float[] m, int mOff, float[] v, int vOff);

    /**
     * Copies op(B) [k, n] (B stored [k, n], or [n, k] when {@code transB}; row stride {@code ldb}) into
     * a {@link PackedB} for {@link #gemmPacked}. The one kernel that allocates: its result.
     */
    PackedB packB(boolean transB, int k, int n, float[] b, int bOff, int ldb);

    /**
     * {@code C[m, n] (+)= op(A)[m, k] · B} with B from {@link #packB} of this instance: the same product
     * as {@link #gemm} with the original B (for the vector kernels bitwise the same when m > 4, within
     * float32 rounding otherwise). Writes C only.
     *
     * @throws IllegalArgumentException if {@code b} was packed by another kernels instance type
     */
    void gemmPacked(boolean transA, int m, float[] a, int aOff, int lda, PackedB b,
                    float[] c, int cOff, int ldc, boolean accumulate);
}
