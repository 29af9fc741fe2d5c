package org.rnn4j.kernel.simd;

import org.rnn4j.kernel.GemmKernels;
import org.rnn4j.kernel.PackedB;

/**
 * {@link GemmKernels} on the Vector API: {@link VectorGemm} (blocked, register-tiled,
 * multi-threaded; treats subnormal inputs as zero), equal to the scalar reference within float32
 * rounding of a k-term sum; {@link VectorPackedB} is its packed operand.
 */
public final class VectorGemmKernels implements GemmKernels {

    @Override
    public void gemm(boolean transA, boolean transB, int m, int n, int k,
                     float[] a, int aOff, int lda,
                     float[] b, int bOff, int ldb,
                     float[] c, int cOff, int ldc,
                     boolean accumulate) {
        VectorGemm.gemm(transA, transB, m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc, accumulate);
    }

    @Override
    public void gemmPair(boolean transA, int m, int k, float[] a, int aOff, int lda,
                         int n1, float[] b1, int b1Off, int ldb1, float[] c1, int c1Off, int ldc1,
                         int n2, float[] b2, int b2Off, int ldb2, float[] c2, int c2Off, int ldc2,
                         boolean accumulate) {
        VectorGemm.gemmPair(transA, m, k, a, aOff, lda, n1, b1, b1Off, ldb1, c1, c1Off, ldc1,
                n2, b2, b2Off, ldb2, c2, c2Off, ldc2, accumulate);
    }

    @Override
    public int packedBSize(int k, int n) {
        return VectorPackedB.size(k, n);
    }

    @Override
    public PackedB packB(boolean transB, int k, int n, float[] b, int bOff, int ldb, float[] into) {
        return VectorPackedB.pack(transB, k, n, b, bOff, ldb, into);
    }

    @Override
    public void gemmPacked(boolean transA, int m, float[] a, int aOff, int lda, PackedB b,
                           float[] c, int cOff, int ldc, boolean accumulate) {
        if (!(b instanceof VectorPackedB vb)) {
            throw new IllegalArgumentException("gemmPacked: expected an operand packed by " + this
                    + ", got " + b.getClass().getSimpleName());
        }
        VectorGemm.gemmPacked(transA, m, a, aOff, lda, vb, c, cOff, ldc, accumulate);
    }

    @Override
    public String toString() {
        return "vector gemm kernels";
    }
}
