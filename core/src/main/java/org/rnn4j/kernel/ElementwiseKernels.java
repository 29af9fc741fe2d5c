package org.rnn4j.kernel;

/**
 * Elementwise arithmetic, activations and their derivatives, reductions to a scalar, softmax along
 * an axis, the dropout mask and the denormal flush. Contracts as in {@link GemmKernels};
 * {@link ScalarElementwiseKernels} is the reference.
 */
public interface ElementwiseKernels {

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

    /** {@code out[i] = x[i] op s} for i in [0, n). {@code out} may be {@code x}. */
    void binaryScalar(BinaryOp op, float[] x, int xOff, float s, float[] out, int outOff, int n);

    /** {@code out[i] += a[i] op b[i]} for i in [0, n). Writes {@code out} only. */
    void binaryAdd(BinaryOp op, float[] a, int aOff, float[] b, int bOff, float[] out, int outOff, int n);

    /**
     * Broadcast binary op over {@code outDims} (row-major, contiguous out). {@code aStrides} /
     * {@code bStrides} give each operand's stride per output dimension; 0 broadcasts.
     */
    void broadcastBinary(BinaryOp op, int[] outDims,
                         float[] a, int aOff, int[] aStrides,
                         float[] b, int bOff, int[] bStrides,
                         float[] out, int outOff);

    /** {@code y[i] += alpha · x[i]}. */
    void axpy(int n, float alpha, float[] x, int xOff, float[] y, int yOff);

    /** {@code x[i] *= alpha}. */
    void scale(int n, float alpha, float[] x, int xOff);

    /** {@code Σ x[i]} accumulated in double. */
    double sum(float[] x, int xOff, int n);

    /** {@code Σ x[i]·y[i]} accumulated in double. */
    double dot(int n, float[] x, int xOff, float[] y, int yOff);

    /**
     * Turns uniform draws u ∈ [0, 1) into an inverted-dropout mask in place:
     * {@code u[i] = u[i] < p ? 0 : scale}.
     */
    void dropoutMask(int n, float p, float scale, float[] u, int uOff);

    /**
     * Flushes subnormal values to zero in place: {@code x[i] = |x[i]| < Float.MIN_NORMAL ? ±0 : x[i]}
     * (the sign is kept, as the CPU's flush-to-zero mode does). The JVM cannot switch the CPU into
     * flush-to-zero mode, and arithmetic on subnormals is ~100× slower; recurrent backward passes
     * produce them (products of tiny gate derivatives over many steps). Kernels that produce such
     * values call this on their outputs; the change is below 1.2e-38 per element.
     */
    void flushDenormals(float[] x, int xOff, int n);

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
                               float[] gx, int gxOff);}
