package org.rnn4j.kernel;

/**
 * Data movement by index: strided copies and accumulations (transpose, permute, narrow, broadcast
 * and their backward), row selection, gather / scatter, masked fill, and the running max of
 * sequence pooling with its gradient routing. Contracts as in {@link GemmKernels};
 * {@link ScalarIndexKernels} is the reference.
 */
public interface IndexKernels {

    /**
     * Strided copy: walks {@code dims} row-major writing a contiguous {@code dst}, reading
     * {@code src[srcOff + Σ idx_j·srcStrides_j]} (transpose, permute, narrow, broadcast expand).
     */
    void copyStrided(int[] dims, float[] src, int srcOff, int[] srcStrides, float[] dst, int dstOff);

    /**
     * Strided gather-accumulate: walks {@code dims} row-major over a contiguous {@code src} and does
     * {@code dst[dstOff + Σ idx_j·dstStrides_j] += src[...]}. With zero strides this sums over
     * dimensions (reductions, the backward of broadcasting). Writes {@code dst} only.
     */
    void accumulateStrided(int[] dims, float[] src, int srcOff, float[] dst, int dstOff, int[] dstStrides);

    /**
     * Strided read-accumulate: walks {@code dims} row-major over a contiguous {@code dst} and does
     * {@code dst[dstOff + o] += alpha · src[srcOff + Σ idx_j·srcStrides_j]} (the backward of
     * reductions, narrow and permute; zero strides broadcast). Writes {@code dst} only.
     */
    void accumulateFromStrided(int[] dims, float alpha, float[] src, int srcOff, int[] srcStrides,
                               float[] dst, int dstOff);

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
     * Running max: for i &lt; n, if {@code arg[aOff + i] < 0}, or {@code x[xOff + i] > max[mOff + i]}, or
     * x is NaN (NaN propagates, as in PyTorch): {@code max[mOff + i] = x[xOff + i]} and
     * {@code arg[aOff + i] = row}. Ties keep the earlier row. Writes {@code max} and {@code arg}.
     */
    void maxRowUpdate(int n, float[] x, int xOff, float[] max, int mOff, int[] arg, int aOff, int row);

    /** {@code dst[dstOff + arg[aOff + i]·ld + i] += g[gOff + i]} for i &lt; n. Writes {@code dst}. */
    void argScatterAdd(int n, float[] g, int gOff, int[] arg, int aOff, int ld, float[] dst, int dstOff);}
