package org.rnn4j.kernel.simd;

import static org.rnn4j.kernel.simd.VectorGemm.L;
import static org.rnn4j.kernel.simd.VectorGemm.MR;
import static org.rnn4j.kernel.simd.VectorGemm.NR;
import static org.rnn4j.kernel.simd.VectorGemm.S;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import org.rnn4j.kernel.Denormals;

/**
 * Copies blocks of op(A) and op(B) into the micro-kernel's panel layouts, for both storage orders.
 *
 * <p>Packing also treats subnormal inputs as zero (like a CPU in denormals-are-zero mode, or
 * PyTorch with {@code set_flush_denormal(True)}): the JVM cannot set that mode, and every multiply
 * with a subnormal operand costs a ~100-cycle microcode assist. The change to a product is below
 * 1.2e-38 times the other operand.
 */
final class GemmPacking {
    private static final int TRANSPOSE_BLOCK = 16;

    /**
     * How the transposing packs — op(B) for B stored [n, k], and op(A) for A stored [m, k] — turn
     * rows along k into panels along n or m. All give the same bits; SHUFFLE is the fastest where
     * the vector length has in-register transposes, and the warm-up uses LOOP.
     */
    enum Transpose {
        /** Scalar copies, B in blocks of 16 steps of k. */
        LOOP,
        /** B: one vector gather per L columns and step of k; A as LOOP. */
        GATHER,
        /**
         * In-register transposes of L × L blocks ({@link BlockTranspose}) for B and A, and vector
         * copies for the whole panels of a transposed A; LOOP where the vector length has none
         * (the default).
         */
        SHUFFLE
    }

    /** The strategy in use, read once per product (tests switch it to exercise every one). */
    static volatile Transpose transpose = Transpose.SHUFFLE;

    private GemmPacking() {
    }

    // The vector flush is written out where it is used: a helper taking and returning a vector is
    // boxed on every call whenever C2 does not inline it.

    static float flush(float v) {
        return Math.abs(v) < Denormals.FLUSH_BELOW ? 0f : v;
    }


    /**
     * Packs op(A)[i0 .. i0+mc, p0 .. p0+kc] into {@code dst} as [ceil(mc/MR)][kc][MR]; panel q starts
     * at {@code dstOff + q·MR·kc}. op(A)(i, p) is {@code a[aOff + i·lda + p]}, or {@code a[aOff + p·lda + i]} when
     * transposed; {@code how} packs A stored [m, k].
     */
    static void packA(Transpose how, boolean transA, float[] a, int aOff, int lda, int i0, int mc, int p0, int kc,
                      float[] dst, int dstOff) {
        for (int ir = 0; ir < mc; ir += MR) {
            int base = dstOff + ir * kc;
            int mr = Math.min(MR, mc - ir);
            int vectorSteps = 0; // leading steps of k a transposed A's whole panel got from vector copies
            if (how == Transpose.SHUFFLE && BlockTranspose.SUPPORTED) {
                if (!transA) {
                    BlockTranspose.panelA(a, aOff + (i0 + ir) * lda + p0, lda, kc, mr, dst, base);
                    continue; // zero rows included
                }
                if (mr == MR) {
                    vectorSteps = BlockTranspose.panelATransposed(a, aOff + p0 * lda + i0 + ir, lda, kc, dst, base);
                }
            }
            if (!transA) {
                for (int r = 0; r < mr; r++) {
                    int src = aOff + (i0 + ir + r) * lda + p0;
                    for (int p = 0; p < kc; p++) {
                        dst[base + p * MR + r] = flush(a[src + p]);
                    }
                }
            } else {
                for (int p = vectorSteps; p < kc; p++) {
                    int src = aOff + (p0 + p) * lda + i0 + ir;
                    int d = base + p * MR;
                    for (int r = 0; r < mr; r++) {
                        dst[d + r] = flush(a[src + r]);
                    }
                }
            }
            for (int r = mr; r < MR; r++) {
                for (int p = 0; p < kc; p++) {
                    dst[base + p * MR + r] = 0f;
                }
            }
        }
    }

    /**
     * Packs op(B)[p0 .. p0+kc, j0 .. j0+nc] into {@code dst} as [ceil(nc/NR)][kc][NR]; panel q starts
     * at {@code dstOff + q·NR·kc}. op(B)(p, j) is {@code b[bOff + p·ldb + j]}, or {@code b[bOff + j·ldb + p]} when
     * transposed; {@code how} packs B stored [n, k].
     */
    static void packB(Transpose how, boolean transB, float[] b, int bOff, int ldb, int p0, int kc, int j0, int nc,
                      float[] dst, int dstOff) {
        for (int jr = 0; jr < nc; jr += NR) {
            int base = dstOff + jr * kc;
            int nr = Math.min(NR, nc - jr);
            if (!transB) {
                for (int p = 0; p < kc; p++) {
                    int src = bOff + (p0 + p) * ldb + j0 + jr;
                    int d = base + p * NR;
                    if (nr == NR) {
                        for (int v = 0; v < NR; v += L) { // the flush written out, see flush(float)
                            FloatVector x = FloatVector.fromArray(S, b, src + v);
                            x.blend(0f, x.lanewise(VectorOperators.ABS).lt(Denormals.FLUSH_BELOW)).intoArray(dst, d + v);
                        }
                    } else {
                        for (int jj = 0; jj < nr; jj++) {
                            dst[d + jj] = flush(b[src + jj]);
                        }
                        for (int jj = nr; jj < NR; jj++) {
                            dst[d + jj] = 0f;
                        }
                    }
                }
            } else if (how == Transpose.SHUFFLE && BlockTranspose.SUPPORTED) {
                BlockTranspose.panelB(b, bOff + (j0 + jr) * ldb + p0, ldb, kc, nr, dst, base);
            } else if (nr == NR && how == Transpose.GATHER) {
                int[] rows = GemmWorkspace.get().rowOffsets(ldb); // rows[jj] = jj·ldb
                int src = bOff + (j0 + jr) * ldb + p0;
                for (int p = 0; p < kc; p++) {
                    int d = base + p * NR;
                    for (int v = 0; v < NR; v += L) {
                        FloatVector x = FloatVector.fromArray(S, b, src + p, rows, v);
                        x.blend(0f, x.lanewise(VectorOperators.ABS).lt(Denormals.FLUSH_BELOW)).intoArray(dst, d + v);
                    }
                }
            } else {
                // a transpose, in blocks of TRANSPOSE_BLOCK steps of p so that the written lines stay in L1
                for (int pb = 0; pb < kc; pb += TRANSPOSE_BLOCK) {
                    int pe = Math.min(kc, pb + TRANSPOSE_BLOCK);
                    for (int jj = 0; jj < nr; jj++) {
                        int src = bOff + (j0 + jr + jj) * ldb + p0;
                        for (int p = pb; p < pe; p++) {
                            dst[base + p * NR + jj] = flush(b[src + p]);
                        }
                    }
                    for (int jj = nr; jj < NR; jj++) {
                        for (int p = pb; p < pe; p++) {
                            dst[base + p * NR + jj] = 0f;
                        }
                    }
                }
            }
        }
    }
}
