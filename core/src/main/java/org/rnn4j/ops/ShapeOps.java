package org.rnn4j.ops;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.rnn4j.autograd.Var;
import org.rnn4j.kernel.Kernels;
import org.rnn4j.kernel.KernelSet;
import org.rnn4j.tensor.Shape;
import org.rnn4j.tensor.Tensor;
import org.rnn4j.tensor.Workspace;

/** reshape, squeeze / unsqueeze, transpose / permute, cat / stack, narrow / select / split / chunk. */
public final class ShapeOps {
    private ShapeOps() {
    }

    /** {@code x.reshape(dims)}; one entry may be -1 (inferred). Shares x's data (a view). */
    public static Var reshape(Var x, int... dims) {
        Shape s = x.shape();
        int infer = -1;
        long known = 1;
        for (int i = 0; i < dims.length; i++) {
            if (dims[i] == -1) {
                if (infer >= 0) {
                    throw new IllegalArgumentException("reshape: shape " + Arrays.toString(dims) + " has more than one -1");
                }
                infer = i;
            } else if (dims[i] < 0) {
                throw new IllegalArgumentException("reshape: invalid size " + dims[i] + " in " + Arrays.toString(dims));
            } else {
                known *= dims[i];
            }
        }
        int[] d = dims.clone();
        if (infer >= 0) {
            if (known == 0 || s.size() % known != 0) {
                throw new IllegalArgumentException("reshape: cannot reshape " + s + " (" + s.size()
                        + " elements) into " + Arrays.toString(dims));
            }
            d[infer] = (int) (s.size() / known);
        } else if (known != s.size()) {
            throw new IllegalArgumentException("reshape: cannot reshape " + s + " (" + s.size()
                    + " elements) into " + Arrays.toString(dims));
        }
        Tensor out = x.value().view(Shape.of(d));
        return Var.of("reshape", out, gy -> {
            if (x.requiresGrad()) {
                Kernels.elementwise().axpy(gy.size(), 1f, gy.data(), 0, x.gradBuffer().data(), 0);
            }
        }, x);
    }

    /** Inserts a dimension of size 1 at {@code dim} (in -(rank+1)..rank). */
    public static Var unsqueeze(Var x, int dim) {
        Shape s = x.shape();
        int d = Dims.check("unsqueeze", s, dim, s.rank() + 1);
        return reshape(x, Dims.insert(s.dims(), d, 1));
    }

    /** Removes {@code dim} if its size is 1 (otherwise returns x unchanged, as PyTorch). */
    public static Var squeeze(Var x, int dim) {
        Shape s = x.shape();
        int d = Dims.check("squeeze", s, dim);
        return s.dim(d) == 1 ? reshape(x, Dims.remove(s.dims(), d)) : x;
    }

    /** Swaps dims {@code d0} and {@code d1} (copying into row-major order). */
    public static Var transpose(Var x, int d0, int d1) {
        Shape s = x.shape();
        int a = Dims.check("transpose", s, d0);
        int b = Dims.check("transpose", s, d1);
        int[] perm = new int[s.rank()];
        for (int i = 0; i < perm.length; i++) {
            perm[i] = i;
        }
        perm[a] = b;
        perm[b] = a;
        return permute(x, perm);
    }

    /** {@code x.permute(dims)}: output dim i is input dim {@code dims[i]} (negative allowed). */
    public static Var permute(Var x, int... dims) {
        Shape s = x.shape();
        if (dims.length != s.rank()) {
            throw new IllegalArgumentException("permute: " + Arrays.toString(dims) + " does not match the rank of " + s);
        }
        int[] xd = s.dims();
        int[] xs = s.strides();
        int[] outDims = new int[dims.length];
        int[] srcStrides = new int[dims.length];
        boolean[] seen = new boolean[dims.length];
        for (int i = 0; i < dims.length; i++) {
            int d = Dims.check("permute", s, dims[i]);
            if (seen[d]) {
                throw new IllegalArgumentException("permute: " + Arrays.toString(dims) + " repeats dim " + dims[i]);
            }
            seen[d] = true;
            outDims[i] = xd[d];
            srcStrides[i] = xs[d];
        }
        Tensor out = Workspace.zeros(Shape.of(outDims));
        Kernels.index().copyStrided(outDims, x.value().data(), 0, srcStrides, out.data(), 0);
        return Var.of("permute", out, gy -> {
            if (x.requiresGrad()) {
                Kernels.index().accumulateStrided(outDims, gy.data(), 0, x.gradBuffer().data(), 0, srcStrides);
            }
        }, x);
    }

    /** {@code x.narrow(dim, start, length)}: elements start..start+length-1 along dim (start may be negative). */
    public static Var narrow(Var x, int dim, int start, int length) {
        Shape s = x.shape();
        int d = Dims.check("narrow", s, dim);
        int size = s.dim(d);
        int st = start < 0 ? start + size : start;
        if (st < 0 || length < 0 || st + length > size) {
            throw new IllegalArgumentException("narrow: start " + start + " and length " + length
                    + " out of range for dim " + dim + " of shape " + s);
        }
        int[] outDims = s.with(d, length).dims();
        int[] xs = s.strides();
        int off = st * xs[d];
        Tensor out = Workspace.zeros(Shape.of(outDims));
        Kernels.index().copyStrided(outDims, x.value().data(), off, xs, out.data(), 0);
        return Var.of("narrow", out, gy -> {
            if (x.requiresGrad()) {
                Kernels.index().accumulateStrided(outDims, gy.data(), 0, x.gradBuffer().data(), off, xs);
            }
        }, x);
    }

    /** {@code x.select(dim, index)}: the slice at {@code index} (negative allowed), dim removed. */
    public static Var select(Var x, int dim, int index) {
        Shape s = x.shape();
        int d = Dims.check("select", s, dim);
        int i = index < 0 ? index + s.dim(d) : index;
        if (i < 0 || i >= s.dim(d)) {
            throw new IllegalArgumentException("select: index " + index + " out of range for dim " + dim + " of shape " + s);
        }
        return reshape(narrow(x, d, i, 1), Dims.remove(s.dims(), d));
    }

    /** {@code torch.split(x, splitSize, dim)}: pieces of {@code splitSize} (the last may be smaller). */
    public static List<Var> split(Var x, int splitSize, int dim) {
        Shape s = x.shape();
        int d = Dims.check("split", s, dim);
        if (splitSize <= 0) {
            throw new IllegalArgumentException("split: split size must be positive, got " + splitSize);
        }
        List<Var> out = new ArrayList<>();
        for (int st = 0; st < s.dim(d); st += splitSize) {
            out.add(narrow(x, d, st, Math.min(splitSize, s.dim(d) - st)));
        }
        return out;
    }

    /** {@code torch.split(x, sizes, dim)}: pieces of the given sizes, which must sum to the dim's size. */
    public static List<Var> split(Var x, int[] sizes, int dim) {
        Shape s = x.shape();
        int d = Dims.check("split", s, dim);
        int total = 0;
        for (int z : sizes) {
            if (z < 0) {
                throw new IllegalArgumentException("split: negative size in " + Arrays.toString(sizes));
            }
            total += z;
        }
        if (total != s.dim(d)) {
            throw new IllegalArgumentException("split: sizes " + Arrays.toString(sizes) + " sum to " + total
                    + ", expected " + s.dim(d) + " (dim " + dim + " of " + s + ")");
        }
        List<Var> out = new ArrayList<>();
        int st = 0;
        for (int z : sizes) {
            out.add(narrow(x, d, st, z));
            st += z;
        }
        return out;
    }

    /** {@code torch.chunk(x, chunks, dim)}: at most {@code chunks} pieces of size ceil(n / chunks). */
    public static List<Var> chunk(Var x, int chunks, int dim) {
        if (chunks <= 0) {
            throw new IllegalArgumentException("chunk: chunks must be positive, got " + chunks);
        }
        int n = x.shape().dim(Dims.check("chunk", x.shape(), dim));
        return split(x, Math.max(1, (n + chunks - 1) / chunks), dim);
    }

    /** {@code torch.cat(xs, dim)}: all shapes equal except along dim. */
    public static Var cat(List<Var> xs, int dim) {
        if (xs.isEmpty()) {
            throw new IllegalArgumentException("cat: expected at least one tensor, got none");
        }
        Shape first = xs.get(0).shape();
        int d = Dims.check("cat", first, dim);
        int total = 0;
        for (Var v : xs) {
            Shape s = v.shape();
            if (s.rank() != first.rank() || !s.with(d, 0).equals(first.with(d, 0))) {
                throw new IllegalArgumentException("cat: shape " + s + " does not match " + first + " except in dim " + dim);
            }
            total += s.dim(d);
        }
        Shape outShape = first.with(d, total);
        int[] os = outShape.strides();
        Tensor out = Workspace.zeros(outShape);
        KernelSet k = Kernels.get();
        int[] offs = new int[xs.size()];
        int at = 0;
        for (int i = 0; i < xs.size(); i++) {
            Tensor v = xs.get(i).value();
            offs[i] = at * os[d];
            k.index().accumulateStrided(v.dims(), v.data(), 0, out.data(), offs[i], os); // out is zero: a copy
            at += v.dim(d);
        }
        Var[] inputs = xs.toArray(new Var[0]);
        return Var.of("cat", out, gy -> {
            for (int i = 0; i < inputs.length; i++) {
                if (inputs[i].requiresGrad()) {
                    Kernels.index().accumulateFromStrided(inputs[i].shape().dims(), 1f, gy.data(), offs[i], os,
                            inputs[i].gradBuffer().data(), 0);
                }
            }
        }, inputs);
    }

    /** {@code torch.stack(xs, dim)}: equal shapes joined along a new dim (in -(rank+1)..rank). */
    public static Var stack(List<Var> xs, int dim) {
        if (xs.isEmpty()) {
            throw new IllegalArgumentException("stack: expected at least one tensor, got none");
        }
        Shape first = xs.get(0).shape();
        int d = Dims.check("stack", first, dim, first.rank() + 1);
        List<Var> parts = new ArrayList<>(xs.size());
        for (Var v : xs) {
            if (!v.shape().equals(first)) {
                throw new IllegalArgumentException("stack: shape " + v.shape() + " does not match " + first);
            }
            parts.add(unsqueeze(v, d));
        }
        return cat(parts, d);
    }
}
