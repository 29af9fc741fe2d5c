package org.rnn4j.kernel.simd;

import org.rnn4j.kernel.PackedB;

/**
 * op(B) [k, n] in exactly the blocks {@link VectorGemm} would pack per call: for each KC block of k
 * (rows p0 .. p0+kc) and each NC block of n (columns j0 ..), the panels [ceil(nc/NR)][kc][NR], so a
 * product with it does the same arithmetic as one with the original B (subnormals already zero).
 */
final class VectorPackedB implements PackedB {
    private final int k;
    private final int n;
    /** n rounded up to a whole number of NR-wide panels: the floats per packed row of op(B). */
    private final int nPad;
    final float[] data;

    private VectorPackedB(int k, int n, float[] data) {
        this.k = k;
        this.n = n;
        this.nPad = padded(n);
        this.data = data;
    }

    private static int padded(int n) {
        return (n + VectorGemm.NR - 1) / VectorGemm.NR * VectorGemm.NR;
    }

    /** Floats of a packed op(B) [k, n]. */
    static int size(int k, int n) {
        if (k < 0 || n < 0) {
            throw new IllegalArgumentException("packB: expected sizes >= 0, got k=" + k + ", n=" + n);
        }
        return Math.multiplyExact(k, padded(n));
    }

    /** A packed copy in {@code into} (length ≥ {@link #size}), which the caller keeps across products. */
    static VectorPackedB pack(boolean transB, int k, int n, float[] b, int bOff, int ldb, float[] into) {
        int size = size(k, n);
        if (into.length < size) {
            throw new IllegalArgumentException("packB: buffer of " + into.length + " floats, op(B) [" + k + ", " + n
                    + "] needs " + size);
        }
        return fill(new VectorPackedB(k, n, into), transB, b, bOff, ldb);
    }

    /** A packed copy in the thread's reusable buffer, valid until this thread's next product. */
    static VectorPackedB packInto(GemmWorkspace ws, boolean transB, int k, int n, float[] b, int bOff, int ldb) {
        return fill(new VectorPackedB(k, n, ws.wholeB(size(k, n))), transB, b, bOff, ldb);
    }

    /** Like {@link #packInto}, in the thread's second buffer (the other B of a product pair). */
    static VectorPackedB packIntoSecond(GemmWorkspace ws, boolean transB, int k, int n, float[] b, int bOff, int ldb) {
        return fill(new VectorPackedB(k, n, ws.secondB(size(k, n))), transB, b, bOff, ldb);
    }

    /** Packs every (KC, NC) block; blocks are disjoint, so they are packed in parallel. */
    private static VectorPackedB fill(VectorPackedB packed, boolean transB, float[] b, int bOff, int ldb) {
        int k = packed.k;
        int n = packed.n;
        int blocksN = (n + VectorGemm.NC - 1) / VectorGemm.NC;
        int blocks = (k + VectorGemm.KC - 1) / VectorGemm.KC * blocksN;
        GemmPacking.Transpose how = GemmPacking.transpose;
        VectorGemm.run(blocks, (long) k * n * VectorGemm.MR, t -> {
            int p0 = (t / blocksN) * VectorGemm.KC;
            int j0 = (t % blocksN) * VectorGemm.NC;
            int kc = Math.min(VectorGemm.KC, k - p0);
            int nc = Math.min(VectorGemm.NC, n - j0);
            GemmPacking.packB(how, transB, b, bOff, ldb, p0, kc, j0, nc, packed.data, packed.offset(p0, kc, j0));
        });
        return packed;
    }

    /** Start of block (p0, j0) with depth kc: all earlier k blocks, then the full NC blocks left of j0. */
    int offset(int p0, int kc, int j0) {
        return p0 * nPad + kc * j0;
    }

    @Override
    public int k() {
        return k;
    }

    @Override
    public int n() {
        return n;
    }
}
