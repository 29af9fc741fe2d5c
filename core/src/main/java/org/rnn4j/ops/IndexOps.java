package org.rnn4j.ops;

import java.util.Arrays;
import java.util.OptionalInt;
import org.rnn4j.autograd.Var;
import org.rnn4j.kernel.Kernels;
import org.rnn4j.tensor.IntTensor;
import org.rnn4j.tensor.Shape;
import org.rnn4j.tensor.Tensor;
import org.rnn4j.tensor.Workspace;

/** Indexing: index_select, gather, embedding lookup, masked_fill. */
public final class IndexOps {
    private IndexOps() {
    }

    /** {@code x.index_select(dim, indices)}: the slices at {@code indices} along dim (repeats allowed). */
    public static Var indexSelect(Var x, int dim, int[] indices) {
        Shape s = x.shape();
        int d = Dims.check("index_select", s, dim);
        int n = s.dim(d);
        checkRange("index_select", indices, n, "dim " + dim + " of shape " + s);
        int[] idx = indices.clone();
        int outer = s.sizeBetween(0, d);
        int inner = s.sizeBetween(d + 1, s.rank());
        int k = idx.length;
        Tensor out = Workspace.zeros(s.with(d, k)); // [outer, k, inner]
        Kernels.index().indexSelect(outer, n, inner, idx, 0, k, x.value().data(), 0, out.data(), 0);
        return Var.of("index_select", out, gy -> {
            if (x.requiresGrad()) {
                Kernels.index().indexAdd(outer, n, inner, idx, 0, k, -1, gy.data(), 0, x.gradBuffer().data(), 0);
            }
        }, x);
    }

    /**
     * {@code F.embedding(indices, weight, padding_idx)}: rows of weight [N, D] picked by {@code indices}
     * of any shape, giving [..., D]. Repeated indices accumulate in the weight gradient; the row
     * {@code paddingIdx} (if present; negative counts from the end) gets no gradient.
     */
    public static Var embedding(IntTensor indices, Var weight, OptionalInt paddingIdx) {
        Shape ws = weight.shape();
        if (ws.rank() != 2) {
            throw new IllegalArgumentException("embedding: weight must be [num_embeddings, embedding_dim], got " + ws);
        }
        int n = ws.dim(0);
        int dim = ws.dim(1);
        int skip = paddingIdx.isPresent() ? normalizePaddingIdx(paddingIdx.getAsInt(), n) : -1;
        int[] idx = indices.data();
        checkRange("embedding", idx, n, "num_embeddings " + n);
        int k = idx.length;
        Tensor out = Workspace.zeros(Shape.of(Dims.concat(indices.dims(), dim))); // [..., D]
        Kernels.index().indexSelect(1, n, dim, idx, 0, k, weight.value().data(), 0, out.data(), 0);
        return Var.of("embedding", out, gy -> {
            if (weight.requiresGrad()) {
                Kernels.index().indexAdd(1, n, dim, idx, 0, k, skip, gy.data(), 0, weight.gradBuffer().data(), 0);
            }
        }, weight);
    }

    /** Maps a padding_idx in -n..n-1 to 0..n-1 as PyTorch does, or throws. */
    public static int normalizePaddingIdx(int paddingIdx, int n) {
        if (paddingIdx < -n || paddingIdx >= n) {
            throw new IllegalArgumentException("embedding: padding_idx " + paddingIdx
                    + " must be within num_embeddings " + n + " (expected " + -n + ".." + (n - 1) + ")");
        }
        return paddingIdx < 0 ? paddingIdx + n : paddingIdx;
    }

    /** {@code torch.gather(x, dim, index)}: out[i][j][k] = x[i][index[i][j][k]][k] for dim 1, etc. */
    public static Var gather(Var x, int dim, IntTensor index) {
        Shape s = x.shape();
        int d = Dims.check("gather", s, dim);
        Shape is = index.shape();
        if (is.rank() != s.rank()) {
            throw new IllegalArgumentException("gather: index " + is + " must have the rank of input " + s);
        }
        for (int i = 0; i < s.rank(); i++) {
            if (i != d && is.dim(i) > s.dim(i)) {
                throw new IllegalArgumentException("gather: index " + is + " is larger than input " + s + " in dim " + i);
            }
        }
        int[] idx = index.data();
        checkRange("gather", idx, s.dim(d), "dim " + dim + " of shape " + s);
        int[] dims = is.dims();
        int[] strides = s.strides();
        Tensor out = Workspace.zeros(is);
        Kernels.index().gather(dims, d, idx, x.value().data(), 0, strides, out.data(), 0);
        return Var.of("gather", out, gy -> {
            if (x.requiresGrad()) {
                Kernels.index().scatterAdd(dims, d, idx, gy.data(), 0, x.gradBuffer().data(), 0, strides);
            }
        }, x);
    }

    /** {@code x.masked_fill(mask, value)} with a mask of x's shape, flat row-major. */
    public static Var maskedFill(Var x, boolean[] mask, float value) {
        return maskedFill(x, x.shape(), mask, value);
    }

    /** {@code x.masked_fill(mask, value)} where the mask (of {@code maskShape}) broadcasts to x's shape. */
    public static Var maskedFill(Var x, Shape maskShape, boolean[] mask, float value) {
        if (mask.length != maskShape.size()) {
            throw new IllegalArgumentException("masked_fill: mask of shape " + maskShape + " needs "
                    + maskShape.size() + " elements, got " + mask.length);
        }
        Shape s = x.shape();
        if (!Broadcast.shape("masked_fill", s, maskShape).equals(s)) {
            throw new IllegalArgumentException("masked_fill: mask " + maskShape + " does not broadcast to input " + s);
        }
        int[] dims = s.dims();
        int[] ms = Broadcast.strides(maskShape, s);
        boolean[] m = mask.clone();
        Tensor out = Workspace.zeros(s);
        Kernels.index().maskedFill(dims, x.value().data(), 0, m, 0, ms, value, out.data(), 0);
        return Var.of("masked_fill", out, gy -> {
            if (x.requiresGrad()) {
                Kernels.index().maskedAccumulate(dims, gy.data(), 0, m, 0, ms, x.gradBuffer().data(), 0);
            }
        }, x);
    }

    /** {@code x.masked_fill(mask, value)} with a float mask (non-zero = fill) that broadcasts to x. */
    public static Var maskedFill(Var x, Tensor mask, float value) {
        float[] f = mask.data();
        boolean[] m = new boolean[f.length];
        for (int i = 0; i < f.length; i++) {
            m[i] = f[i] != 0f;
        }
        return maskedFill(x, mask.shape(), m, value);
    }

    private static void checkRange(String op, int[] idx, int n, String what) {
        for (int i : idx) {
            if (i < 0 || i >= n) {
                throw new IllegalArgumentException(op + ": index " + i + " out of range for " + what
                        + " (indices " + (idx.length <= 16 ? Arrays.toString(idx) : idx.length + " values") + ")");
            }
        }
    }
}
