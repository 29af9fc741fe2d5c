package org.rnn4j.kernel.simd;

import static org.rnn4j.kernel.simd.GemmPacking.flush;
import static org.rnn4j.kernel.simd.VectorGemm.L;
import static org.rnn4j.kernel.simd.VectorGemm.MR;
import static org.rnn4j.kernel.simd.VectorGemm.NR;
import static org.rnn4j.kernel.simd.VectorGemm.S;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShuffle;
import org.rnn4j.kernel.Denormals;

/**
 * The transposing packs of the GEMM done in registers: a block of rows is loaded as vectors
 * (L floats along k each), transposed by exchanges of lane bits with row bits, and stored as
 * vectors along the panel. Only data moves (plus the subnormal flush of {@link GemmPacking}), so
 * the packed panels are bitwise those of the scalar loops.
 *
 * <p>One exchange level swaps a row bit with lane bit s: for a pair of rows (x, y) differing in
 * that row bit, {@code x' = x.blend(y.rearrange(i ^ s), lanes with bit s)} and
 * {@code y' = x.rearrange(i ^ s).blend(y, lanes with bit s)} — one single-vector rearrange and one
 * blend per vector and level. After log2(L) levels a square block is transposed.
 *
 * <p>Written for L = 16 (AVX-512) and L = 8 (AVX2); {@link #SUPPORTED} is false for other
 * lengths, and callers then use the scalar loops. Every vector stays inside one method (a vector
 * passed to or returned from a method that C2 does not inline is boxed); the shuffles and masks
 * are static finals built once. Edges (a k tail shorter than L, panels narrower than NR or MR) are
 * copied by scalar loops.
 */
final class BlockTranspose {
    /** True when the in-register transposes exist for this vector length (and the 8-row A panels they assume). */
    static final boolean SUPPORTED = (L == 8 || L == 16) && MR == 8;

    private static final float FLUSH = Denormals.FLUSH_BELOW;
    /** Lane i takes lane i ^ s; null when s is not a lane bit. */
    private static final VectorShuffle<Float> X1 = swap(1);
    private static final VectorShuffle<Float> X2 = swap(2);
    private static final VectorShuffle<Float> X4 = swap(4);
    private static final VectorShuffle<Float> X8 = swap(8);
    /** Lanes whose index has bit s set; null when s is not a lane bit. */
    private static final VectorMask<Float> M1 = bit(1);
    private static final VectorMask<Float> M2 = bit(2);
    private static final VectorMask<Float> M4 = bit(4);
    private static final VectorMask<Float> M8 = bit(8);
    /** L = 16, packing A: lane r + 8·h takes lane h + 2·r (two steps of k of 8 rows each, in order). */
    private static final VectorShuffle<Float> PAIRS = L == 16 ? VectorShuffle.fromOp(S, i -> ((i & 7) << 1) | (i >> 3)) : null;

    private BlockTranspose() {
    }

    private static VectorShuffle<Float> swap(int s) {
        return s < L ? VectorShuffle.fromOp(S, i -> i ^ s) : null;
    }

    private static VectorMask<Float> bit(int s) {
        if (s >= L) {
            return null;
        }
        boolean[] lanes = new boolean[L];
        for (int i = 0; i < L; i++) {
            lanes[i] = (i & s) != 0;
        }
        return VectorMask.fromArray(S, lanes, 0);
    }

    /**
     * One [kc][NR] panel of op(B) for B stored [n, k]: {@code dst[base + p·NR + j] = b[src + j·ldb + p]}
     * (flushed) for p < kc, j < nr, and 0 for nr ≤ j < NR.
     */
    static void panelB(float[] b, int src, int ldb, int kc, int nr, float[] dst, int base) {
        int kv = kc - kc % L;
        int jv = nr - nr % L; // columns done by whole blocks
        for (int j = 0; j < jv; j += L) { // L rows of B at a time, read along k
            for (int p = 0; p < kv; p += L) {
                if (L == 16) {
                    block16(b, src + j * ldb + p, ldb, dst, base + p * NR + j, NR);
                } else {
                    block8(b, src + j * ldb + p, ldb, dst, base + p * NR + j, NR);
                }
            }
        }
        copy(b, src, ldb, 0, jv, jv, kv, kc, dst, base, NR);
        copy(b, src, ldb, jv, nr, NR, 0, kc, dst, base, NR);
    }

    /**
     * One [kc][MR] panel of op(A) for A stored [m, k]: {@code dst[base + p·MR + r] = a[src + r·lda + p]}
     * (flushed) for p < kc, r < mr, and 0 for mr ≤ r < MR.
     */
    static void panelA(float[] a, int src, int lda, int kc, int mr, float[] dst, int base) {
        int kv = mr == MR ? kc - kc % L : 0;
        for (int p = 0; p < kv; p += L) {
            if (L == 16) {
                blockA16(a, src + p, lda, dst, base + p * MR);
            } else {
                block8(a, src + p, lda, dst, base + p * MR, MR);
            }
        }
        copy(a, src, lda, 0, mr, MR, kv, kc, dst, base, MR);
    }

    /**
     * The leading steps of one whole [kc][MR] panel of op(A) for a transposed A (stored [k, m]):
     * {@code dst[base + p·MR + r] = a[src + p·lda + r]} (flushed) for r < MR. The panel's
     * rows are already contiguous in A, so this is a copy: with L = 8 one vector per step of k; with
     * L = 16 two steps per vector, row p's 8 values in the low lanes and row p + 1's moved into the
     * high lanes by {@link #X8}. A 16-lane load reads 8 values past the panel, so it stops where that
     * would pass the end of the array.
     *
     * @return the steps of k packed, from 0 (the caller's scalar loop does the rest)
     */
    static int panelATransposed(float[] a, int src, int lda, int kc, float[] dst, int base) {
        int p = 0;
        if (L == 16) {
            for (; p + 1 < kc && src + (p + 1) * lda + L <= a.length; p += 2) {
                FloatVector v = FloatVector.fromArray(S, a, src + p * lda)
                        .blend(FloatVector.fromArray(S, a, src + (p + 1) * lda).rearrange(X8), M8);
                v.blend(0f, v.lanewise(VectorOperators.ABS).lt(FLUSH)).intoArray(dst, base + p * MR);
            }
        } else {
            for (; p < kc && src + p * lda + L <= a.length; p++) {
                FloatVector v = FloatVector.fromArray(S, a, src + p * lda);
                v.blend(0f, v.lanewise(VectorOperators.ABS).lt(FLUSH)).intoArray(dst, base + p * MR);
            }
        }
        return p;
    }

    /** {@code dst[base + p·stride + j] = b[src + j·ld + p]} (flushed) for j in [j0, j1), p in [p0, p1); 0 for j in [j1, jPad). */
    private static void copy(float[] b, int src, int ld, int j0, int j1, int jPad, int p0, int p1,
                             float[] dst, int base, int stride) {
        for (int j = j0; j < j1; j++) {
            int row = src + j * ld;
            for (int p = p0; p < p1; p++) {
                dst[base + p * stride + j] = flush(b[row + p]);
            }
        }
        for (int j = j1; j < jPad; j++) {
            for (int p = p0; p < p1; p++) {
                dst[base + p * stride + j] = 0f;
            }
        }
    }

    /** L = 16: rows {@code src + i·ld} (i < 16) of 16 floats, transposed: {@code dst[d + q·stride + i] = b[src + i·ld + q]}. */
    private static void block16(float[] b, int src, int ld, float[] dst, int d, int stride) {
        FloatVector v0 = FloatVector.fromArray(S, b, src);
        FloatVector v1 = FloatVector.fromArray(S, b, src + ld);
        FloatVector v2 = FloatVector.fromArray(S, b, src + 2 * ld);
        FloatVector v3 = FloatVector.fromArray(S, b, src + 3 * ld);
        FloatVector v4 = FloatVector.fromArray(S, b, src + 4 * ld);
        FloatVector v5 = FloatVector.fromArray(S, b, src + 5 * ld);
        FloatVector v6 = FloatVector.fromArray(S, b, src + 6 * ld);
        FloatVector v7 = FloatVector.fromArray(S, b, src + 7 * ld);
        FloatVector v8 = FloatVector.fromArray(S, b, src + 8 * ld);
        FloatVector v9 = FloatVector.fromArray(S, b, src + 9 * ld);
        FloatVector v10 = FloatVector.fromArray(S, b, src + 10 * ld);
        FloatVector v11 = FloatVector.fromArray(S, b, src + 11 * ld);
        FloatVector v12 = FloatVector.fromArray(S, b, src + 12 * ld);
        FloatVector v13 = FloatVector.fromArray(S, b, src + 13 * ld);
        FloatVector v14 = FloatVector.fromArray(S, b, src + 14 * ld);
        FloatVector v15 = FloatVector.fromArray(S, b, src + 15 * ld);
        v0 = v0.blend(0f, v0.lanewise(VectorOperators.ABS).lt(FLUSH));
        v1 = v1.blend(0f, v1.lanewise(VectorOperators.ABS).lt(FLUSH));
        v2 = v2.blend(0f, v2.lanewise(VectorOperators.ABS).lt(FLUSH));
        v3 = v3.blend(0f, v3.lanewise(VectorOperators.ABS).lt(FLUSH));
        v4 = v4.blend(0f, v4.lanewise(VectorOperators.ABS).lt(FLUSH));
        v5 = v5.blend(0f, v5.lanewise(VectorOperators.ABS).lt(FLUSH));
        v6 = v6.blend(0f, v6.lanewise(VectorOperators.ABS).lt(FLUSH));
        v7 = v7.blend(0f, v7.lanewise(VectorOperators.ABS).lt(FLUSH));
        v8 = v8.blend(0f, v8.lanewise(VectorOperators.ABS).lt(FLUSH));
        v9 = v9.blend(0f, v9.lanewise(VectorOperators.ABS).lt(FLUSH));
        v10 = v10.blend(0f, v10.lanewise(VectorOperators.ABS).lt(FLUSH));
        v11 = v11.blend(0f, v11.lanewise(VectorOperators.ABS).lt(FLUSH));
        v12 = v12.blend(0f, v12.lanewise(VectorOperators.ABS).lt(FLUSH));
        v13 = v13.blend(0f, v13.lanewise(VectorOperators.ABS).lt(FLUSH));
        v14 = v14.blend(0f, v14.lanewise(VectorOperators.ABS).lt(FLUSH));
        v15 = v15.blend(0f, v15.lanewise(VectorOperators.ABS).lt(FLUSH));
        FloatVector t;
        t = v0.blend(v8.rearrange(X8), M8); v8 = v0.rearrange(X8).blend(v8, M8); v0 = t;
        t = v1.blend(v9.rearrange(X8), M8); v9 = v1.rearrange(X8).blend(v9, M8); v1 = t;
        t = v2.blend(v10.rearrange(X8), M8); v10 = v2.rearrange(X8).blend(v10, M8); v2 = t;
        t = v3.blend(v11.rearrange(X8), M8); v11 = v3.rearrange(X8).blend(v11, M8); v3 = t;
        t = v4.blend(v12.rearrange(X8), M8); v12 = v4.rearrange(X8).blend(v12, M8); v4 = t;
        t = v5.blend(v13.rearrange(X8), M8); v13 = v5.rearrange(X8).blend(v13, M8); v5 = t;
        t = v6.blend(v14.rearrange(X8), M8); v14 = v6.rearrange(X8).blend(v14, M8); v6 = t;
        t = v7.blend(v15.rearrange(X8), M8); v15 = v7.rearrange(X8).blend(v15, M8); v7 = t;
        t = v0.blend(v4.rearrange(X4), M4); v4 = v0.rearrange(X4).blend(v4, M4); v0 = t;
        t = v1.blend(v5.rearrange(X4), M4); v5 = v1.rearrange(X4).blend(v5, M4); v1 = t;
        t = v2.blend(v6.rearrange(X4), M4); v6 = v2.rearrange(X4).blend(v6, M4); v2 = t;
        t = v3.blend(v7.rearrange(X4), M4); v7 = v3.rearrange(X4).blend(v7, M4); v3 = t;
        t = v8.blend(v12.rearrange(X4), M4); v12 = v8.rearrange(X4).blend(v12, M4); v8 = t;
        t = v9.blend(v13.rearrange(X4), M4); v13 = v9.rearrange(X4).blend(v13, M4); v9 = t;
        t = v10.blend(v14.rearrange(X4), M4); v14 = v10.rearrange(X4).blend(v14, M4); v10 = t;
        t = v11.blend(v15.rearrange(X4), M4); v15 = v11.rearrange(X4).blend(v15, M4); v11 = t;
        t = v0.blend(v2.rearrange(X2), M2); v2 = v0.rearrange(X2).blend(v2, M2); v0 = t;
        t = v1.blend(v3.rearrange(X2), M2); v3 = v1.rearrange(X2).blend(v3, M2); v1 = t;
        t = v4.blend(v6.rearrange(X2), M2); v6 = v4.rearrange(X2).blend(v6, M2); v4 = t;
        t = v5.blend(v7.rearrange(X2), M2); v7 = v5.rearrange(X2).blend(v7, M2); v5 = t;
        t = v8.blend(v10.rearrange(X2), M2); v10 = v8.rearrange(X2).blend(v10, M2); v8 = t;
        t = v9.blend(v11.rearrange(X2), M2); v11 = v9.rearrange(X2).blend(v11, M2); v9 = t;
        t = v12.blend(v14.rearrange(X2), M2); v14 = v12.rearrange(X2).blend(v14, M2); v12 = t;
        t = v13.blend(v15.rearrange(X2), M2); v15 = v13.rearrange(X2).blend(v15, M2); v13 = t;
        t = v0.blend(v1.rearrange(X1), M1); v1 = v0.rearrange(X1).blend(v1, M1); v0 = t;
        t = v2.blend(v3.rearrange(X1), M1); v3 = v2.rearrange(X1).blend(v3, M1); v2 = t;
        t = v4.blend(v5.rearrange(X1), M1); v5 = v4.rearrange(X1).blend(v5, M1); v4 = t;
        t = v6.blend(v7.rearrange(X1), M1); v7 = v6.rearrange(X1).blend(v7, M1); v6 = t;
        t = v8.blend(v9.rearrange(X1), M1); v9 = v8.rearrange(X1).blend(v9, M1); v8 = t;
        t = v10.blend(v11.rearrange(X1), M1); v11 = v10.rearrange(X1).blend(v11, M1); v10 = t;
        t = v12.blend(v13.rearrange(X1), M1); v13 = v12.rearrange(X1).blend(v13, M1); v12 = t;
        t = v14.blend(v15.rearrange(X1), M1); v15 = v14.rearrange(X1).blend(v15, M1); v14 = t;
        v0.intoArray(dst, d);
        v1.intoArray(dst, d + stride);
        v2.intoArray(dst, d + 2 * stride);
        v3.intoArray(dst, d + 3 * stride);
        v4.intoArray(dst, d + 4 * stride);
        v5.intoArray(dst, d + 5 * stride);
        v6.intoArray(dst, d + 6 * stride);
        v7.intoArray(dst, d + 7 * stride);
        v8.intoArray(dst, d + 8 * stride);
        v9.intoArray(dst, d + 9 * stride);
        v10.intoArray(dst, d + 10 * stride);
        v11.intoArray(dst, d + 11 * stride);
        v12.intoArray(dst, d + 12 * stride);
        v13.intoArray(dst, d + 13 * stride);
        v14.intoArray(dst, d + 14 * stride);
        v15.intoArray(dst, d + 15 * stride);
    }

    /** L = 8: rows {@code src + i·ld} (i < 8) of 8 floats, transposed: {@code dst[d + q·stride + i] = b[src + i·ld + q]}. */
    private static void block8(float[] b, int src, int ld, float[] dst, int d, int stride) {
        FloatVector v0 = FloatVector.fromArray(S, b, src);
        FloatVector v1 = FloatVector.fromArray(S, b, src + ld);
        FloatVector v2 = FloatVector.fromArray(S, b, src + 2 * ld);
        FloatVector v3 = FloatVector.fromArray(S, b, src + 3 * ld);
        FloatVector v4 = FloatVector.fromArray(S, b, src + 4 * ld);
        FloatVector v5 = FloatVector.fromArray(S, b, src + 5 * ld);
        FloatVector v6 = FloatVector.fromArray(S, b, src + 6 * ld);
        FloatVector v7 = FloatVector.fromArray(S, b, src + 7 * ld);
        v0 = v0.blend(0f, v0.lanewise(VectorOperators.ABS).lt(FLUSH));
        v1 = v1.blend(0f, v1.lanewise(VectorOperators.ABS).lt(FLUSH));
        v2 = v2.blend(0f, v2.lanewise(VectorOperators.ABS).lt(FLUSH));
        v3 = v3.blend(0f, v3.lanewise(VectorOperators.ABS).lt(FLUSH));
        v4 = v4.blend(0f, v4.lanewise(VectorOperators.ABS).lt(FLUSH));
        v5 = v5.blend(0f, v5.lanewise(VectorOperators.ABS).lt(FLUSH));
        v6 = v6.blend(0f, v6.lanewise(VectorOperators.ABS).lt(FLUSH));
        v7 = v7.blend(0f, v7.lanewise(VectorOperators.ABS).lt(FLUSH));
        FloatVector t;
        t = v0.blend(v4.rearrange(X4), M4); v4 = v0.rearrange(X4).blend(v4, M4); v0 = t;
        t = v1.blend(v5.rearrange(X4), M4); v5 = v1.rearrange(X4).blend(v5, M4); v1 = t;
        t = v2.blend(v6.rearrange(X4), M4); v6 = v2.rearrange(X4).blend(v6, M4); v2 = t;
        t = v3.blend(v7.rearrange(X4), M4); v7 = v3.rearrange(X4).blend(v7, M4); v3 = t;
        t = v0.blend(v2.rearrange(X2), M2); v2 = v0.rearrange(X2).blend(v2, M2); v0 = t;
        t = v1.blend(v3.rearrange(X2), M2); v3 = v1.rearrange(X2).blend(v3, M2); v1 = t;
        t = v4.blend(v6.rearrange(X2), M2); v6 = v4.rearrange(X2).blend(v6, M2); v4 = t;
        t = v5.blend(v7.rearrange(X2), M2); v7 = v5.rearrange(X2).blend(v7, M2); v5 = t;
        t = v0.blend(v1.rearrange(X1), M1); v1 = v0.rearrange(X1).blend(v1, M1); v0 = t;
        t = v2.blend(v3.rearrange(X1), M1); v3 = v2.rearrange(X1).blend(v3, M1); v2 = t;
        t = v4.blend(v5.rearrange(X1), M1); v5 = v4.rearrange(X1).blend(v5, M1); v4 = t;
        t = v6.blend(v7.rearrange(X1), M1); v7 = v6.rearrange(X1).blend(v7, M1); v6 = t;
        v0.intoArray(dst, d);
        v1.intoArray(dst, d + stride);
        v2.intoArray(dst, d + 2 * stride);
        v3.intoArray(dst, d + 3 * stride);
        v4.intoArray(dst, d + 4 * stride);
        v5.intoArray(dst, d + 5 * stride);
        v6.intoArray(dst, d + 6 * stride);
        v7.intoArray(dst, d + 7 * stride);
    }

    /**
     * L = 16, packing A: rows {@code src + r·ld} (r < MR = 8) of 16 floats into 16 steps of a [kc][MR]
     * panel, {@code dst[d + q·MR + r] = b[src + r·ld + q]}. The levels swap row bits 0, 1, 2 with lane
     * bits 1, 2, 3, so vector t ends up holding steps 2t and 2t + 1 with lanes in the order
     * (step parity, row); {@link #PAIRS} puts them in the order (step, row).
     */
    private static void blockA16(float[] b, int src, int ld, float[] dst, int d) {
        FloatVector v0 = FloatVector.fromArray(S, b, src);
        FloatVector v1 = FloatVector.fromArray(S, b, src + ld);
        FloatVector v2 = FloatVector.fromArray(S, b, src + 2 * ld);
        FloatVector v3 = FloatVector.fromArray(S, b, src + 3 * ld);
        FloatVector v4 = FloatVector.fromArray(S, b, src + 4 * ld);
        FloatVector v5 = FloatVector.fromArray(S, b, src + 5 * ld);
        FloatVector v6 = FloatVector.fromArray(S, b, src + 6 * ld);
        FloatVector v7 = FloatVector.fromArray(S, b, src + 7 * ld);
        v0 = v0.blend(0f, v0.lanewise(VectorOperators.ABS).lt(FLUSH));
        v1 = v1.blend(0f, v1.lanewise(VectorOperators.ABS).lt(FLUSH));
        v2 = v2.blend(0f, v2.lanewise(VectorOperators.ABS).lt(FLUSH));
        v3 = v3.blend(0f, v3.lanewise(VectorOperators.ABS).lt(FLUSH));
        v4 = v4.blend(0f, v4.lanewise(VectorOperators.ABS).lt(FLUSH));
        v5 = v5.blend(0f, v5.lanewise(VectorOperators.ABS).lt(FLUSH));
        v6 = v6.blend(0f, v6.lanewise(VectorOperators.ABS).lt(FLUSH));
        v7 = v7.blend(0f, v7.lanewise(VectorOperators.ABS).lt(FLUSH));
        FloatVector t;
        t = v0.blend(v1.rearrange(X2), M2); v1 = v0.rearrange(X2).blend(v1, M2); v0 = t;
        t = v2.blend(v3.rearrange(X2), M2); v3 = v2.rearrange(X2).blend(v3, M2); v2 = t;
        t = v4.blend(v5.rearrange(X2), M2); v5 = v4.rearrange(X2).blend(v5, M2); v4 = t;
        t = v6.blend(v7.rearrange(X2), M2); v7 = v6.rearrange(X2).blend(v7, M2); v6 = t;
        t = v0.blend(v2.rearrange(X4), M4); v2 = v0.rearrange(X4).blend(v2, M4); v0 = t;
        t = v1.blend(v3.rearrange(X4), M4); v3 = v1.rearrange(X4).blend(v3, M4); v1 = t;
        t = v4.blend(v6.rearrange(X4), M4); v6 = v4.rearrange(X4).blend(v6, M4); v4 = t;
        t = v5.blend(v7.rearrange(X4), M4); v7 = v5.rearrange(X4).blend(v7, M4); v5 = t;
        t = v0.blend(v4.rearrange(X8), M8); v4 = v0.rearrange(X8).blend(v4, M8); v0 = t;
        t = v1.blend(v5.rearrange(X8), M8); v5 = v1.rearrange(X8).blend(v5, M8); v1 = t;
        t = v2.blend(v6.rearrange(X8), M8); v6 = v2.rearrange(X8).blend(v6, M8); v2 = t;
        t = v3.blend(v7.rearrange(X8), M8); v7 = v3.rearrange(X8).blend(v7, M8); v3 = t;
        v0.rearrange(PAIRS).intoArray(dst, d);
        v1.rearrange(PAIRS).intoArray(dst, d + 2 * MR);
        v2.rearrange(PAIRS).intoArray(dst, d + 4 * MR);
        v3.rearrange(PAIRS).intoArray(dst, d + 6 * MR);
        v4.rearrange(PAIRS).intoArray(dst, d + 8 * MR);
        v5.rearrange(PAIRS).intoArray(dst, d + 10 * MR);
        v6.rearrange(PAIRS).intoArray(dst, d + 12 * MR);
        v7.rearrange(PAIRS).intoArray(dst, d + 14 * MR);
    }
}
