package org.rnn4j.kernel.simd;

/**
 * One thread's GEMM scratch memory, allocated once per thread (kernel workers and callers) and
 * reused by every call: packed blocks of A and B (fixed sizes), one edge tile, and four buffers that
 * grow to the largest need seen (never shrink): all of op(B) packed for products with many rows (two
 * of them for a product pair),
 * all of op(A) packed for products with several column tasks (at most {@link VectorGemm#SHARED_A_MAX}
 * floats), and the rows of a transposed A for the small-M path.
 */
final class GemmWorkspace {
    private static final ThreadLocal<GemmWorkspace> LOCAL = ThreadLocal.withInitial(GemmWorkspace::new);

    /** Packed A block: [MC/MR][kc][MR], zero-padded rows. */
    final float[] a = new float[VectorGemm.MC * VectorGemm.KC];
    /** Packed B block: [NC/NR][kc][NR], zero-padded columns. */
    final float[] b = new float[VectorGemm.KC * VectorGemm.NC];
    /** An edge micro-tile [MR, NR] before its valid part is merged into C. */
    final float[] tile = new float[VectorGemm.MR * VectorGemm.NR];
    private float[] rows = new float[0];
    private float[] wholeB = new float[0];
    private float[] secondB = new float[0];
    private float[] wholeA = new float[0];
    private final int[] rowOffsets = new int[VectorGemm.NR];
    private int rowStride = -1;

    static GemmWorkspace get() {
        return LOCAL.get();
    }

    /** {@code [0, ld, 2·ld, ..., (NR-1)·ld]}: the gather index of NR rows with stride ld. */
    int[] rowOffsets(int ld) {
        if (ld != rowStride) {
            for (int i = 0; i < rowOffsets.length; i++) {
                rowOffsets[i] = i * ld;
            }
            rowStride = ld;
        }
        return rowOffsets;
    }

    /** A buffer of at least n floats for all of op(B) packed, shared by one product's tasks; grows, never shrinks. */
    float[] wholeB(int n) {
        if (wholeB.length < n) {
            wholeB = new float[n];
        }
        return wholeB;
    }

    /** Like {@link #wholeB}, for the second B of a product pair ({@link VectorGemm#gemmPair}). */
    float[] secondB(int n) {
        if (secondB.length < n) {
            secondB = new float[n];
        }
        return secondB;
    }

    /** A buffer of at least n floats for all of op(A) packed, shared by one product's column tasks; grows, never shrinks. */
    float[] wholeA(int n) {
        if (wholeA.length < n) {
            wholeA = new float[n];
        }
        return wholeA;
    }

    /** A buffer of at least n floats for contiguous rows of op(A); grows, never shrinks. */
    float[] rows(int n) {
        if (rows.length < n) {
            rows = new float[n];
        }
        return rows;
    }
}
