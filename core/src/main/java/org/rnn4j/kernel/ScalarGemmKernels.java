package org.rnn4j.kernel;

/** The readable reference of {@link GemmKernels}: the triple loop, and packing as a row-major copy. */
public class ScalarGemmKernels implements GemmKernels {

    @Override
    public void gemm(boolean transA, boolean transB, int m, int n, int k,
                     float[] a, int aOff, int lda,
                     float[] b, int bOff, int ldb,
                     float[] c, int cOff, int ldc,
                     boolean accumulate) {
        for (int i = 0; i < m; i++) {
            int cRow = cOff + i * ldc;
            for (int j = 0; j < n; j++) {
                float s = 0f;
                for (int p = 0; p < k; p++) {
                    float av = transA ? a[aOff + p * lda + i] : a[aOff + i * lda + p];
                    float bv = transB ? b[bOff + j * ldb + p] : b[bOff + p * ldb + j];
                    s += av * bv;
                }
                c[cRow + j] = accumulate ? c[cRow + j] + s : s;
            }
        }
    }

    /** The reference packing: op(B) copied row-major [k, n]. */
    private record RowMajorB(int k, int n, float[] data) implements PackedB {
    }

    @Override
    public int packedBSize(int k, int n) {
        return Math.multiplyExact(k, n);
    }

    @Override
    public PackedB packB(boolean transB, int k, int n, float[] b, int bOff, int ldb, float[] d) {
        for (int p = 0; p < k; p++) {
            for (int j = 0; j < n; j++) {
                d[p * n + j] = transB ? b[bOff + j * ldb + p] : b[bOff + p * ldb + j];
            }
        }
        return new RowMajorB(k, n, d);
    }

    @Override
    public void gemmPacked(boolean transA, int m, float[] a, int aOff, int lda, PackedB b,
                           float[] c, int cOff, int ldc, boolean accumulate) {
        if (!(b instanceof RowMajorB rb)) {
            throw new IllegalArgumentException("gemmPacked: expected an operand packed by " + this
                    + ", got " + b.getClass().getSimpleName());
        }
        gemm(transA, false, m, rb.n(), rb.k(), a, aOff, lda, rb.data(), 0, rb.n(), c, cOff, ldc, accumulate);
    }

    @Override
    public String toString() {
        return "scalar kernels";
    }
}
