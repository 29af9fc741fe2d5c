package org.rnn4j.kernel;

/**
 * The readable reference of {@link IndexKernels}: row-major odometer walks over the output (or the
 * source) with per-operand strides. The vector kernels use it too: these loops are memory moves.
 */
public class ScalarIndexKernels implements IndexKernels {

    @Override
    public void copyStrided(int[] dims, float[] src, int srcOff, int[] srcStrides, float[] dst, int dstOff) {
        int rank = dims.length;
        int total = 1;
        for (int d : dims) total *= d;
        int[] idx = new int[rank];
        int is = srcOff;
        for (int o = 0; o < total; o++) {
            dst[dstOff + o] = src[is];
            for (int d = rank - 1; d >= 0; d--) {
                idx[d]++;
                is += srcStrides[d];
                if (idx[d] < dims[d]) break;
                is -= srcStrides[d] * dims[d];
                idx[d] = 0;
            }
        }
    }

    @Override
    public void accumulateStrided(int[] dims, float[] src, int srcOff, float[] dst, int dstOff, int[] dstStrides) {
        int rank = dims.length;
        int total = 1;
        for (int d : dims) total *= d;
        int[] idx = new int[rank];
        int id = dstOff;
        for (int s = 0; s < total; s++) {
            dst[id] += src[srcOff + s];
            for (int d = rank - 1; d >= 0; d--) {
                idx[d]++;
                id += dstStrides[d];
                if (idx[d] < dims[d]) break;
                id -= dstStrides[d] * dims[d];
                idx[d] = 0;
            }
        }
    }

    @Override
    public void accumulateFromStrided(int[] dims, float alpha, float[] src, int srcOff, int[] srcStrides,
                                      float[] dst, int dstOff) {
        int rank = dims.length;
        int total = 1;
        for (int d : dims) total *= d;
        int[] idx = new int[rank];
        int is = srcOff;
        for (int o = 0; o < total; o++) {
            dst[dstOff + o] += alpha * src[is];
            for (int d = rank - 1; d >= 0; d--) {
                idx[d]++;
                is += srcStrides[d];
                if (idx[d] < dims[d]) break;
                is -= srcStrides[d] * dims[d];
                idx[d] = 0;
            }
        }
    }

    @Override
    public void indexSelect(int outer, int n, int inner, int[] idx, int idxOff, int k,
                            float[] src, int srcOff, float[] dst, int dstOff) {
        for (int o = 0; o < outer; o++) {
            for (int j = 0; j < k; j++) {
                System.arraycopy(src, srcOff + (o * n + idx[idxOff + j]) * inner,
                        dst, dstOff + (o * k + j) * inner, inner);
            }
        }
    }

    @Override
    public void indexAdd(int outer, int n, int inner, int[] idx, int idxOff, int k, int skip,
                         float[] src, int srcOff, float[] dst, int dstOff) {
        for (int o = 0; o < outer; o++) {
            for (int j = 0; j < k; j++) {
                int row = idx[idxOff + j];
                if (row == skip) {
                    continue;
                }
                int s = srcOff + (o * k + j) * inner;
                int d = dstOff + (o * n + row) * inner;
                for (int i = 0; i < inner; i++) {
                    dst[d + i] += src[s + i];
                }
            }
        }
    }

    /** Offset of row-major position {@code o} of {@code dims}, with the index of {@code dim} replaced by {@code at}. */
    private static int gatherOffset(int[] dims, int dim, int o, int at, int[] strides) {
        int off = 0;
        for (int d = dims.length - 1; d >= 0; d--) {
            int i = o % dims[d];
            o /= dims[d];
            off += (d == dim ? at : i) * strides[d];
        }
        return off;
    }

    @Override
    public void gather(int[] dims, int dim, int[] idx, float[] src, int srcOff, int[] srcStrides,
                       float[] out, int outOff) {
        int total = 1;
        for (int d : dims) total *= d;
        for (int o = 0; o < total; o++) {
            out[outOff + o] = src[srcOff + gatherOffset(dims, dim, o, idx[o], srcStrides)];
        }
    }

    @Override
    public void scatterAdd(int[] dims, int dim, int[] idx, float[] src, int srcOff,
                           float[] dst, int dstOff, int[] dstStrides) {
        int total = 1;
        for (int d : dims) total *= d;
        for (int o = 0; o < total; o++) {
            dst[dstOff + gatherOffset(dims, dim, o, idx[o], dstStrides)] += src[srcOff + o];
        }
    }

    @Override
    public void maskedFill(int[] dims, float[] x, int xOff, boolean[] mask, int maskOff, int[] maskStrides,
                           float value, float[] out, int outOff) {
        int total = 1;
        for (int d : dims) total *= d;
        for (int o = 0; o < total; o++) {
            out[outOff + o] = mask[maskOff + gatherOffset(dims, -1, o, 0, maskStrides)] ? value : x[xOff + o];
        }
    }

    @Override
    public void maskedAccumulate(int[] dims, float[] gy, int gyOff, boolean[] mask, int maskOff, int[] maskStrides,
                                 float[] gx, int gxOff) {
        int total = 1;
        for (int d : dims) total *= d;
        for (int o = 0; o < total; o++) {
            if (!mask[maskOff + gatherOffset(dims, -1, o, 0, maskStrides)]) {
                gx[gxOff + o] += gy[gyOff + o];
            }
        }
    }

    @Override
    public void maxRowUpdate(int n, float[] x, int xOff, float[] max, int mOff, int[] arg, int aOff, int row) {
        for (int i = 0; i < n; i++) {
            float v = x[xOff + i];
            if (arg[aOff + i] < 0 || v > max[mOff + i] || (Float.isNaN(v) && !Float.isNaN(max[mOff + i]))) {
                max[mOff + i] = v;
                arg[aOff + i] = row;
            }
        }
    }

    @Override
    public void argScatterAdd(int n, float[] g, int gOff, int[] arg, int aOff, int ld, float[] dst, int dstOff) {
        for (int i = 0; i < n; i++) {
            dst[dstOff + arg[aOff + i] * ld + i] += g[gOff + i];
        }
    }
}
