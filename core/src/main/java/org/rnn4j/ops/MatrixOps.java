package org.rnn4j.ops;

import java.util.Arrays;
import org.rnn4j.autograd.Var;
import org.rnn4j.kernel.Kernels;
import org.rnn4j.kernel.KernelSet;
import org.rnn4j.tensor.Shape;
import org.rnn4j.tensor.Tensor;
import org.rnn4j.tensor.Workspace;

/** Matrix products: {@code matmul} with torch.matmul's rules, and the fused {@code linear}. */
public final class MatrixOps {
    private MatrixOps() {
    }

    /**
     * {@code torch.matmul(a, b)}: 1-D·1-D is a dot product (0-d result); a 1-D left operand is a row
     * [1, k] and a 1-D right operand a column [k, 1], the added dim removed from the result; 2-D is the
     * matrix product; higher ranks are batches of matrices whose batch dims broadcast, e.g.
     * [b, m, k]·[b, k, n] → [b, m, n] and [b, m, k]·[k, n] → [b, m, n].
     */
    public static Var matmul(Var a, Var b) {
        Shape as = a.shape();
        Shape bs = b.shape();
        if (as.rank() == 0 || bs.rank() == 0) {
            throw new IllegalArgumentException("matmul: both arguments need at least 1 dimension, got " + as + " and " + bs);
        }
        int[] ad = as.rank() == 1 ? new int[] {1, as.dim(0)} : as.dims();
        int[] bd = bs.rank() == 1 ? new int[] {bs.dim(0), 1} : bs.dims();
        int m = ad[ad.length - 2];
        int k = ad[ad.length - 1];
        int n = bd[bd.length - 1];
        if (bd[bd.length - 2] != k) {
            throw new IllegalArgumentException("matmul: shapes " + as + " and " + bs + " cannot be multiplied ("
                    + k + " != " + bd[bd.length - 2] + ")");
        }
        Shape aBatch = Shape.of(Arrays.copyOf(ad, ad.length - 2));
        Shape bBatch = Shape.of(Arrays.copyOf(bd, bd.length - 2));
        Shape batch = Broadcast.shape("matmul", aBatch, bBatch);
        int[] outDims = Dims.concat(batch.dims(), m, n);
        if (bs.rank() == 1) {
            outDims = Dims.remove(outDims, outDims.length - 1);
        }
        if (as.rank() == 1) {
            outDims = Dims.remove(outDims, outDims.length - (bs.rank() == 1 ? 1 : 2));
        }
        Tensor out = Workspace.zeros(Shape.of(outDims));
        Tensor av = a.value();
        Tensor bv = b.value();
        if (bBatch.rank() == 0) {
            // [..., m, k]·[k, n]: A is contiguous, so all batches form one [B·m, k] matrix
            int rows = aBatch.size() * m;
            Kernels.gemm().gemm(false, false, rows, n, k, av.data(), 0, k, bv.data(), 0, n, out.data(), 0, n, false);
            return Var.of("matmul", out, gy -> {
                KernelSet kk = Kernels.get();
                if (a.requiresGrad()) { // gA[B·m, k] += gY[B·m, n]·Bᵀ
                    kk.gemm().gemm(false, true, rows, k, n, gy.data(), 0, n, bv.data(), 0, n, a.gradBuffer().data(), 0, k, true);
                }
                if (b.requiresGrad()) { // gB[k, n] += Aᵀ[k, B·m]·gY[B·m, n]
                    kk.gemm().gemm(true, false, k, n, rows, av.data(), 0, k, gy.data(), 0, n, b.gradBuffer().data(), 0, n, true);
                }
            }, a, b);
        }
        int count = batch.size();
        int[] aOff = offsets(batch, Broadcast.strides(aBatch, batch), m * k);
        int[] bOff = offsets(batch, Broadcast.strides(bBatch, batch), k * n);
        KernelSet kernels = Kernels.get();
        for (int t = 0; t < count; t++) {
            kernels.gemm().gemm(false, false, m, n, k, av.data(), aOff[t], k, bv.data(), bOff[t], n, out.data(), t * m * n, n, false);
        }
        return Var.of("matmul", out, gy -> {
            KernelSet kk = Kernels.get();
            for (int t = 0; t < count; t++) {
                if (a.requiresGrad()) { // gA[m, k] += gY[m, n]·Bᵀ; broadcast batches accumulate
                    kk.gemm().gemm(false, true, m, k, n, gy.data(), t * m * n, n, bv.data(), bOff[t], n,
                            a.gradBuffer().data(), aOff[t], k, true);
                }
                if (b.requiresGrad()) { // gB[k, n] += Aᵀ·gY[m, n]
                    kk.gemm().gemm(true, false, k, n, m, av.data(), aOff[t], k, gy.data(), t * m * n, n,
                            b.gradBuffer().data(), bOff[t], n, true);
                }
            }
        }, a, b);
    }

    /** Offset of each matrix of {@code batch} (row-major) in an operand with the given batch strides. */
    private static int[] offsets(Shape batch, int[] strides, int matrixSize) {
        int[] dims = batch.dims();
        int[] offs = new int[batch.size()];
        int[] idx = new int[dims.length];
        int off = 0;
        for (int t = 0; t < offs.length; t++) {
            offs[t] = off * matrixSize;
            for (int d = dims.length - 1; d >= 0; d--) {
                idx[d]++;
                off += strides[d];
                if (idx[d] < dims[d]) {
                    break;
                }
                off -= strides[d] * dims[d];
                idx[d] = 0;
            }
        }
        return offs;
    }

    /**
     * {@code F.linear(x, weight, bias)}: {@code x·weightᵀ + bias} with weight [out, in], bias [out] or
     * {@code null}; x is [..., in] (any leading dims, or 1-D [in]) and the result [..., out].
     */
    public static Var linear(Var x, Var weight, Var bias) {
        Shape ws = weight.shape();
        if (ws.rank() != 2) {
            throw new IllegalArgumentException("linear: weight must be [out_features, in_features], got " + ws);
        }
        int outF = ws.dim(0);
        int inF = ws.dim(1);
        Shape xs = x.shape();
        if (xs.rank() == 0 || xs.dim(-1) != inF) {
            throw new IllegalArgumentException("linear: input " + xs + " does not match in_features " + inF);
        }
        if (bias != null && !bias.shape().equals(Shape.of(outF))) {
            throw new IllegalArgumentException("linear: bias " + bias.shape() + " does not match out_features " + outF);
        }
        int n = xs.sizeBetween(0, xs.rank() - 1); // rows of x viewed as [N, in]
        Tensor out = Workspace.zeros(xs.with(-1, outF)); // [N, out]
        KernelSet k = Kernels.get();
        if (bias != null) {
            k.index().copyStrided(new int[] {n, outF}, bias.value().data(), 0, new int[] {0, 1}, out.data(), 0);
        }
        Tensor xv = x.value();
        Tensor wv = weight.value();
        // out[N, out] (+)= x[N, in]·Wᵀ
        k.gemm().gemm(false, true, n, outF, inF, xv.data(), 0, inF, wv.data(), 0, inF, out.data(), 0, outF, bias != null);
        Var[] inputs = bias == null ? new Var[] {x, weight} : new Var[] {x, weight, bias};
        return Var.of("linear", out, gy -> {
            KernelSet kk = Kernels.get();
            if (x.requiresGrad()) { // gx[N, in] += gy[N, out]·W[out, in]
                kk.gemm().gemm(false, false, n, inF, outF, gy.data(), 0, outF, wv.data(), 0, inF, x.gradBuffer().data(), 0, inF, true);
            }
            if (weight.requiresGrad()) { // gW[out, in] += gyᵀ[out, N]·x[N, in]
                kk.gemm().gemm(true, false, outF, inF, n, gy.data(), 0, outF, xv.data(), 0, inF, weight.gradBuffer().data(), 0, inF, true);
            }
            if (bias != null && bias.requiresGrad()) { // gb[out] += Σ_N gy
                kk.index().accumulateStrided(new int[] {n, outF}, gy.data(), 0, bias.gradBuffer().data(), 0, new int[] {0, 1});
            }
        }, inputs);
    }
}
