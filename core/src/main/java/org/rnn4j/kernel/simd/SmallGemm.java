package org.rnn4j.kernel.simd;

import static org.rnn4j.kernel.simd.VectorGemm.L;
import static org.rnn4j.kernel.simd.VectorGemm.S;

import jdk.incubator.vector.FloatVector;

/**
 * GEMM for a few rows of C (batch 1 inference, sampling): no packing, since each element of B is
 * used at most {@link VectorGemm#SMALL_M} times and the product is memory-bound.
 *
 * <p>op(B) = B [k, n]: row i of C is built 4 vectors of columns at a time, each a fused
 * multiply-add chain over k of {@code A(i, p) · B[p, j..]}. op(B) = Bᵀ (B stored [n, k]): each C
 * element is a dot product along k with vector partial sums, reduced across lanes in a fixed order
 * ({@link VectorMath#sumLanes}), plus a scalar
 * fused chain for the k tail. Column tasks of {@link #NC} columns depend only on the shape.
 */
final class SmallGemm {
    /** Columns per task. */
    static final int NC = 256;

    private SmallGemm() {
    }

    static void gemm(boolean transA, boolean transB, int m, int n, int k,
                     float[] a, int aOff, int lda,
                     float[] b, int bOff, int ldb,
                     float[] c, int cOff, int ldc,
                     boolean accumulate) {
        float[] rows = a;
        int rowsOff = aOff;
        int rowStride = lda;
        if (transA) { // gather the m rows of op(A) = Aᵀ into contiguous memory: rows[i·k + p] = A[p, i]
            rows = GemmWorkspace.get().rows(m * k);
            for (int p = 0; p < k; p++) {
                for (int i = 0; i < m; i++) {
                    rows[i * k + p] = a[aOff + p * lda + i];
                }
            }
            rowsOff = 0;
            rowStride = k;
        }
        float[] r = rows;
        int rOff = rowsOff;
        int rStride = rowStride;
        int tasks = (n + NC - 1) / NC;
        VectorGemm.run(tasks, (long) m * n * k, t -> {
            int j0 = t * NC;
            int j1 = Math.min(n, j0 + NC);
            for (int i = 0; i < m; i++) {
                if (transB) {
                    dots(k, r, rOff + i * rStride, b, bOff, ldb, j0, j1, c, cOff + i * ldc, accumulate);
                } else {
                    combine(k, r, rOff + i * rStride, b, bOff, ldb, j0, j1, c, cOff + i * ldc, accumulate);
                }
            }
        });
    }

    private static float put(float old, float s, boolean accumulate) {
        return accumulate ? old + s : s;
    }


    /** {@code c[j] (+)= Σ_p x[p]·B[p, j]} for j in [j0, j1), B [k, n] row-major. */
    private static void combine(int k, float[] x, int xOff, float[] b, int bOff, int ldb, int j0, int j1,
                                float[] c, int cRow, boolean accumulate) {
        int j = j0;
        for (; j + 4 * L <= j1; j += 4 * L) {
            FloatVector s0 = FloatVector.zero(S), s1 = s0, s2 = s0, s3 = s0;
            for (int p = 0; p < k; p++) {
                FloatVector xv = FloatVector.broadcast(S, x[xOff + p]);
                int bi = bOff + p * ldb + j;
                s0 = FloatVector.fromArray(S, b, bi).fma(xv, s0);
                s1 = FloatVector.fromArray(S, b, bi + L).fma(xv, s1);
                s2 = FloatVector.fromArray(S, b, bi + 2 * L).fma(xv, s2);
                s3 = FloatVector.fromArray(S, b, bi + 3 * L).fma(xv, s3);
            }
            if (accumulate) { // C + chain, written out: a helper taking the vectors would box them when not inlined
                s0 = FloatVector.fromArray(S, c, cRow + j).add(s0);
                s1 = FloatVector.fromArray(S, c, cRow + j + L).add(s1);
                s2 = FloatVector.fromArray(S, c, cRow + j + 2 * L).add(s2);
                s3 = FloatVector.fromArray(S, c, cRow + j + 3 * L).add(s3);
            }
            s0.intoArray(c, cRow + j);
            s1.intoArray(c, cRow + j + L);
            s2.intoArray(c, cRow + j + 2 * L);
            s3.intoArray(c, cRow + j + 3 * L);
        }
        for (; j + L <= j1; j += L) {
            FloatVector s0 = FloatVector.zero(S);
            for (int p = 0; p < k; p++) {
                s0 = FloatVector.fromArray(S, b, bOff + p * ldb + j).fma(FloatVector.broadcast(S, x[xOff + p]), s0);
            }
            if (accumulate) {
                s0 = FloatVector.fromArray(S, c, cRow + j).add(s0);
            }
            s0.intoArray(c, cRow + j);
        }
        for (; j < j1; j++) {
            float s = 0f;
            for (int p = 0; p < k; p++) {
                s = Math.fma(x[xOff + p], b[bOff + p * ldb + j], s);
            }
            c[cRow + j] = put(c[cRow + j], s, accumulate);
        }
    }

    /** {@code c[j] (+)= Σ_p x[p]·B[j, p]} for j in [j0, j1), B [n, k] row-major. */
    private static void dots(int k, float[] x, int xOff, float[] b, int bOff, int ldb, int j0, int j1,
                             float[] c, int cRow, boolean accumulate) {
        int kv = k - k % L;
        int j = j0;
        for (; j + 4 <= j1; j += 4) {
            int r0 = bOff + j * ldb;
            int r1 = r0 + ldb;
            int r2 = r1 + ldb;
            int r3 = r2 + ldb;
            FloatVector s0 = FloatVector.zero(S), s1 = s0, s2 = s0, s3 = s0;
            for (int p = 0; p < kv; p += L) {
                FloatVector xv = FloatVector.fromArray(S, x, xOff + p);
                s0 = FloatVector.fromArray(S, b, r0 + p).fma(xv, s0);
                s1 = FloatVector.fromArray(S, b, r1 + p).fma(xv, s1);
                s2 = FloatVector.fromArray(S, b, r2 + p).fma(xv, s2);
                s3 = FloatVector.fromArray(S, b, r3 + p).fma(xv, s3);
            }
            c[cRow + j] = put(c[cRow + j], tail(k, kv, x, xOff, b, r0, VectorMath.sumLanes(s0)), accumulate);
            c[cRow + j + 1] = put(c[cRow + j + 1], tail(k, kv, x, xOff, b, r1, VectorMath.sumLanes(s1)), accumulate);
            c[cRow + j + 2] = put(c[cRow + j + 2], tail(k, kv, x, xOff, b, r2, VectorMath.sumLanes(s2)), accumulate);
            c[cRow + j + 3] = put(c[cRow + j + 3], tail(k, kv, x, xOff, b, r3, VectorMath.sumLanes(s3)), accumulate);
        }
        for (; j < j1; j++) {
            int r0 = bOff + j * ldb;
            FloatVector s0 = FloatVector.zero(S);
            for (int p = 0; p < kv; p += L) {
                s0 = FloatVector.fromArray(S, b, r0 + p).fma(FloatVector.fromArray(S, x, xOff + p), s0);
            }
            c[cRow + j] = put(c[cRow + j], tail(k, kv, x, xOff, b, r0, VectorMath.sumLanes(s0)), accumulate);
        }
    }

    /**
     * The scalar k tail [kv, k) added to {@code s}, the lane sum of the vector partial sums (taken by
     * the caller: a vector passed to this method would be boxed whenever C2 does not inline it).
     */
    private static float tail(int k, int kv, float[] x, int xOff, float[] b, int row, float s) {
        for (int p = kv; p < k; p++) {
            s = Math.fma(x[xOff + p], b[row + p], s);
        }
        return s;
    }
}
