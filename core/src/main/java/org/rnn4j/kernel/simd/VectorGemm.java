package org.rnn4j.kernel.simd;

import java.util.function.IntConsumer;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;
import org.rnn4j.kernel.GemmKernels;
import org.rnn4j.kernel.Parallel;

/**
 * Cache-blocked, register-tiled SGEMM on the Vector API: {@code C[m, n] (+)= op(A)[m, k] · op(B)[k, n]}
 * (the contract of {@code GemmKernels.gemm}).
 *
 * <p>Structure (Goto / BLIS): C is cut into tasks of MC rows × NC columns (or × all columns when
 * there are many row tasks). A task walks k in blocks of KC: it packs its op(A) block [MC × KC]
 * once, then for each NC-wide block of op(B) [KC × NC] (kept in L2) runs the MR × NR micro-kernel
 * over every tile: one packed A micro-panel (MR × KC, in L1) against every B micro-panel. When C
 * has more than MC rows, op(B) is packed once for all tasks (in parallel, into the caller's
 * workspace) instead of once per row task; {@code packB} lets a caller do that once for many
 * products. Likewise, when C has several column tasks, op(A) is packed once for all of them.
 * Transposed operands are packed by in-register block transposes ({@link BlockTranspose}). The micro-kernel keeps the whole MR × NR tile of C in 2·MR vector registers and does,
 * per step of k, 2 vector loads of B, MR broadcasts of A and 2·MR fused multiply-adds.
 *
 * <p>Determinism: every C element is the same sequence of operations whatever the tiling — per
 * KC block of k a fused multiply-add chain from 0 in order of k, then {@code C = chain} (first
 * block, no accumulate) or {@code C = C + chain} — and edge tiles use zero-padded panels and
 * the same additions. Task blocks depend only on the shape, and each writes only its own block of
 * C, so any thread count gives bitwise identical results. Rows m ≤ {@link #SMALL_M} take
 * {@link SmallGemm} (no packing; a matrix-vector product is memory-bound).
 *
 * <p>C must not overlap A or B.
 */
final class VectorGemm {
    static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    /** Lanes per vector (16 with AVX-512). */
    static final int L = S.length();
    /** Micro-tile rows (broadcasts of A per step). */
    static final int MR = 8;
    /** Micro-tile columns: two vectors. */
    static final int NR = 2 * L;
    /** Depth of one packed block; also fixes the rounding (see the class comment), so never depends on the machine state. */
    static final int KC = 256;
    /** Task block rows (a multiple of MR). */
    static final int MC = 256;
    /** Task block columns (a multiple of NR for every vector length up to 128 lanes). */
    static final int NC = 256;
    /** From this many row tasks on, each task spans all columns of C. */
    static final int WIDE_ROW_TASKS = 8;
    /** At most this many rows go to the unpacked small-M path. */
    static final int SMALL_M = GemmKernels.SMALL_ROWS;
    /** Below this many multiply-adds a product runs on the calling thread only. */
    static final long PARALLEL_MIN_MACS = 1L << 17;
    /** Largest op(A) (in packed floats, 4 MB) packed once and shared by the column tasks of a product. */
    static final int SHARED_A_MAX = 1 << 20;

    /**
     * Whether column tasks share op(A) packed once per product (false: each task packs its own copy).
     * Read per call so that tests can exercise both; the results are the same bits.
     */
    static volatile boolean shareA = true;

    /** Scratch products of {@link #prime}, 4 micro-kernel calls each. */
    private static final int PRIME_PRODUCTS = 240;

    /**
     * Runs every path of the blocked GEMM (four transpose forms, overwrite and accumulate) on
     * small scratch matrices before any real product: 240 products of [16, 64] × [64, 2·NR], 960
     * micro-kernel calls. Called by {@code Kernels.prepare()}, once.
     *
     * <p>Why: without it, on JDK 17, C2 could compile the micro-kernel so that its vector operations
     * ran as the Vector API's Java fallback (a boxed vector per operation): it compiled the kernel on-stack and deoptimised it repeatedly while the first
     * large products were running. The warm-up lets the kernel be compiled from a profile that has
     * seen every path before the real work starts. It computes nothing that is kept.
     *
     * <p>It packs with the scalar loops, not the in-register transposes ({@link BlockTranspose}):
     * with those in the warm-up, {@code KernelGarbageTest} (its tests in their surefire order in one
     * JDK 17 process) found boxing kernels — the micro-kernel's stores left as Java fallbacks, the
     * LSTM gate kernel. Why was not pinned down; the transposes are compiled from the real work
     * instead, where they showed no garbage.
     */
    static void prime() {
        int m = 2 * MR;
        int n = 2 * NR;
        int k = 64;
        float[] a = new float[m * k];
        float[] b = new float[k * n];
        float[] c = new float[m * n];
        for (int i = 0; i < PRIME_PRODUCTS; i++) {
            boolean transA = (i & 1) != 0;
            boolean transB = (i & 2) != 0;
            block(GemmPacking.Transpose.LOOP, transA, transB, m, k, a, 0, transA ? m : k, null, 0, b, 0, transB ? k : n,
                    null, c, 0, n, (i & 4) != 0, 0, 0, n);
        }
    }

    private VectorGemm() {
    }

    static void gemm(boolean transA, boolean transB, int m, int n, int k,
                     float[] a, int aOff, int lda,
                     float[] b, int bOff, int ldb,
                     float[] c, int cOff, int ldc,
                     boolean accumulate) {
        if (m < 0 || n < 0 || k < 0) {
            throw new IllegalArgumentException("gemm: expected sizes >= 0, got m=" + m + ", n=" + n + ", k=" + k);
        }
        if (m == 0 || n == 0) {
            return;
        }
        if (k == 0) {
            if (!accumulate) {
                for (int i = 0; i < m; i++) {
                    java.util.Arrays.fill(c, cOff + i * ldc, cOff + i * ldc + n, 0f);
                }
            }
            return;
        }
        if (m <= SMALL_M) {
            SmallGemm.gemm(transA, transB, m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc, accumulate);
            return;
        }
        VectorPackedB packed = null;
        if (m > MC) { // several row tasks would each pack the same B: pack it once, shared by all tasks
            packed = VectorPackedB.packInto(GemmWorkspace.get(), transB, k, n, b, bOff, ldb);
        }
        schedule(transA, transB, m, n, k, a, aOff, lda, b, bOff, ldb, packed, c, cOff, ldc, accumulate);
    }

    /**
     * {@code C[m, n] (+)= op(A)[m, k] · B} with B packed beforehand: the same tasks and arithmetic as
     * {@link #gemm} for m > SMALL_M (bitwise equal), and the packed path for every m.
     */
    static void gemmPacked(boolean transA, int m, float[] a, int aOff, int lda, VectorPackedB b,
                           float[] c, int cOff, int ldc, boolean accumulate) {
        int n = b.n();
        int k = b.k();
        if (m < 0) {
            throw new IllegalArgumentException("gemmPacked: expected m >= 0, got " + m);
        }
        if (m == 0 || n == 0) {
            return;
        }
        if (k == 0) {
            gemm(transA, false, m, n, 0, a, aOff, lda, b.data, 0, n, c, cOff, ldc, accumulate);
            return;
        }
        schedule(transA, false, m, n, k, a, aOff, lda, null, 0, 0, b, c, cOff, ldc, accumulate);
    }

    /**
     * {@code C1 (+)= op(A)·B1} and {@code C2 (+)= op(A)·B2} (B1 [k, n1], B2 [k, n2] stored by rows): the
     * same tasks' arithmetic as two {@link #gemm} calls, so the same bits, but each row task packs its
     * op(A) block once per KC block for both products — the weight gradients dW_ih = dAᵀ·X and
     * dW_hh = dAᵀ·H share dA, whose transposing pack read it from memory once per product. With one
     * row block (m ≤ MC, where the column tasks would have no row tasks to share) or the small-M path,
     * it is the two calls.
     */
    static void gemmPair(boolean transA, int m, int k, float[] a, int aOff, int lda,
                         int n1, float[] b1, int b1Off, int ldb1, float[] c1, int c1Off, int ldc1,
                         int n2, float[] b2, int b2Off, int ldb2, float[] c2, int c2Off, int ldc2,
                         boolean accumulate) {
        if (m <= MC || n1 == 0 || n2 == 0 || k == 0) {
            gemm(transA, false, m, n1, k, a, aOff, lda, b1, b1Off, ldb1, c1, c1Off, ldc1, accumulate);
            gemm(transA, false, m, n2, k, a, aOff, lda, b2, b2Off, ldb2, c2, c2Off, ldc2, accumulate);
            return;
        }
        if (n1 < 0 || n2 < 0 || k < 0) {
            throw new IllegalArgumentException("gemmPair: expected sizes >= 0, got m=" + m + ", n1=" + n1 + ", n2=" + n2
                    + ", k=" + k);
        }
        GemmWorkspace ws = GemmWorkspace.get();
        VectorPackedB p1 = VectorPackedB.packInto(ws, false, k, n1, b1, b1Off, ldb1);
        VectorPackedB p2 = VectorPackedB.packIntoSecond(ws, false, k, n2, b2, b2Off, ldb2);
        GemmPacking.Transpose how = GemmPacking.transpose;
        run((m + MC - 1) / MC, (long) m * (n1 + n2) * k, t -> {
            int i0 = t * MC;
            int mc = Math.min(MC, m - i0);
            GemmWorkspace own = GemmWorkspace.get();
            for (int p0 = 0; p0 < k; p0 += KC) {
                int kc = Math.min(KC, k - p0);
                boolean overwrite = !accumulate && p0 == 0;
                GemmPacking.packA(how, transA, a, aOff, lda, i0, mc, p0, kc, own.a, 0);
                columns(how, false, mc, kc, own.a, 0, null, 0, 0, p1, p1.data, c1, c1Off, ldc1, overwrite, i0, p0,
                        0, n1, own.tile);
                columns(how, false, mc, kc, own.a, 0, null, 0, 0, p2, p2.data, c2, c2Off, ldc2, overwrite, i0, p0,
                        0, n2, own.tile);
            }
        });
    }

    /**
     * Cuts C into tasks of MC rows × {@code tn} columns: with many row tasks each task takes all
     * columns (op(A) is then packed exactly once); otherwise NC columns, so that a few rows still
     * give several tasks, and op(A) — which every column task of a row block would pack alike — is
     * packed once beforehand and shared (up to {@link #SHARED_A_MAX} floats). Depends on the shape only.
     */
    private static void schedule(boolean transA, boolean transB, int m, int n, int k,
                                 float[] a, int aOff, int lda, float[] b, int bOff, int ldb, VectorPackedB packed,
                                 float[] c, int cOff, int ldc, boolean accumulate) {
        int tasksM = (m + MC - 1) / MC;
        int tn = tasksM >= WIDE_ROW_TASKS ? n : NC;
        int tasksN = (n + tn - 1) / tn;
        int mPad = (m + MR - 1) / MR * MR;
        GemmPacking.Transpose how = GemmPacking.transpose;
        float[] sharedA = tasksN > 1 && (long) mPad * k <= SHARED_A_MAX && shareA
                ? packAllA(how, transA, m, k, a, aOff, lda, mPad) : null;
        IntConsumer task = t -> {
            int j0 = (t % tasksN) * tn;
            block(how, transA, transB, m, k, a, aOff, lda, sharedA, mPad, b, bOff, ldb, packed, c, cOff, ldc, accumulate,
                    (t / tasksN) * MC, j0, Math.min(n, j0 + tn));
        };
        run(tasksM * tasksN, (long) m * n * k, task);
    }

    /**
     * op(A) [m, k] packed exactly as the tasks would pack it, in the calling thread's workspace: per
     * KC block of k (p0) and MC block of rows (i0), the panels [ceil(mc/MR)][kc][MR] starting at
     * {@code p0·mPad + i0·kc}. Blocks are disjoint, so they are packed in parallel.
     */
    private static float[] packAllA(GemmPacking.Transpose how, boolean transA, int m, int k, float[] a, int aOff, int lda,
                                    int mPad) {
        float[] dst = GemmWorkspace.get().wholeA(mPad * k);
        int tasksM = (m + MC - 1) / MC;
        int blocks = tasksM * ((k + KC - 1) / KC);
        run(blocks, (long) m * k * MR, t -> {
            int i0 = (t % tasksM) * MC;
            int p0 = (t / tasksM) * KC;
            int kc = Math.min(KC, k - p0);
            GemmPacking.packA(how, transA, a, aOff, lda, i0, Math.min(MC, m - i0), p0, kc, dst, p0 * mPad + i0 * kc);
        });
        return dst;
    }

    /** Runs the tasks on the pool when the product is large enough to pay for the hand-off. */
    static void run(int tasks, long macs, IntConsumer task) {
        if (macs < PARALLEL_MIN_MACS) {
            for (int t = 0; t < tasks; t++) {
                task.accept(t);
            }
        } else {
            Parallel.forEach(tasks, task);
        }
    }

    /**
     * One task: C[i0 .. i0+MC, j0 .. j1] over all of k, transposed operands packed as {@code how} says.
     * Per KC block of k it takes its op(A) block
     * from {@code sharedA} (laid out by {@link #packAllA} for {@code mPad} rows), or packs it here when
     * null, then walks NC-wide blocks of op(B) — taken from {@code packed}, or packed here when null.
     */
    private static void block(GemmPacking.Transpose how, boolean transA, boolean transB, int m, int k,
                              float[] a, int aOff, int lda, float[] sharedA, int mPad,
                              float[] b, int bOff, int ldb, VectorPackedB packed,
                              float[] c, int cOff, int ldc, boolean accumulate, int i0, int j0, int j1) {
        int mc = Math.min(MC, m - i0);
        GemmWorkspace ws = GemmWorkspace.get();
        float[] ap = sharedA == null ? ws.a : sharedA;
        float[] bp = packed == null ? ws.b : packed.data;
        float[] tile = ws.tile;
        for (int p0 = 0; p0 < k; p0 += KC) {
            int kc = Math.min(KC, k - p0);
            boolean overwrite = !accumulate && p0 == 0;
            int aBase = 0;
            if (sharedA == null) {
                GemmPacking.packA(how, transA, a, aOff, lda, i0, mc, p0, kc, ap, 0);
            } else {
                aBase = p0 * mPad + i0 * kc;
            }
            columns(how, transB, mc, kc, ap, aBase, b, bOff, ldb, packed, bp, c, cOff, ldc, overwrite, i0, p0, j0, j1,
                    tile);
        }
    }

    /**
     * One KC block of k for one row block: C[i0 .. i0+mc, j0 .. j1] gets op(A)'s packed block
     * (at {@code ap[aBase]}) times op(B)'s rows p0 .. p0+kc, walking NC-wide blocks of op(B) — taken from
     * {@code packed}, or packed here into {@code bp} when null.
     */
    private static void columns(GemmPacking.Transpose how, boolean transB, int mc, int kc, float[] ap, int aBase,
                                float[] b, int bOff, int ldb, VectorPackedB packed, float[] bp,
                                float[] c, int cOff, int ldc, boolean overwrite, int i0, int p0, int j0, int j1,
                                float[] tile) {
        for (int jc = j0; jc < j1; jc += NC) {
            int nc = Math.min(NC, j1 - jc);
            int bBase = 0;
            if (packed == null) {
                GemmPacking.packB(how, transB, b, bOff, ldb, p0, kc, jc, nc, bp, 0);
            } else {
                bBase = packed.offset(p0, kc, jc);
            }
            for (int ir = 0; ir < mc; ir += MR) {
                int mr = Math.min(MR, mc - ir);
                for (int jr = 0; jr < nc; jr += NR) {
                    int nr = Math.min(NR, nc - jr);
                    int cIdx = cOff + (i0 + ir) * ldc + jc + jr;
                    if (mr == MR && nr == NR) {
                        kernel(kc, ap, aBase + ir * kc, bp, bBase + jr * kc, c, cIdx, ldc, overwrite);
                    } else {
                        kernel(kc, ap, aBase + ir * kc, bp, bBase + jr * kc, tile, 0, NR, true);
                        for (int r = 0; r < mr; r++) {
                            int row = cIdx + r * ldc;
                            for (int jj = 0; jj < nr; jj++) {
                                float t = tile[r * NR + jj];
                                c[row + jj] = overwrite ? t : c[row + jj] + t;
                            }
                        }
                    }
                }
            }
        }
    }

    /**
     * The MR × NR micro-kernel: {@code C[0..MR, 0..NR] = (overwrite ? 0 : C) + Σ_p A[:, p] ⊗ B[p, :]}
     * over packed panels, with row r of C at {@code cIdx + r·ldc}.
     */
    static void kernel(int kc, float[] ap, int aBase, float[] bp, int bBase,
                       float[] c, int cIdx, int ldc, boolean overwrite) {
        FloatVector c00 = FloatVector.zero(S), c01 = c00;
        FloatVector c10 = FloatVector.zero(S), c11 = c10;
        FloatVector c20 = FloatVector.zero(S), c21 = c20;
        FloatVector c30 = FloatVector.zero(S), c31 = c30;
        FloatVector c40 = FloatVector.zero(S), c41 = c40;
        FloatVector c50 = FloatVector.zero(S), c51 = c50;
        FloatVector c60 = FloatVector.zero(S), c61 = c60;
        FloatVector c70 = FloatVector.zero(S), c71 = c70;
        for (int p = 0; p < kc; p++) {
            int bi = bBase + p * NR;
            int ai = aBase + p * MR;
            FloatVector b0 = FloatVector.fromArray(S, bp, bi);
            FloatVector b1 = FloatVector.fromArray(S, bp, bi + L);
            FloatVector a;
            a = FloatVector.broadcast(S, ap[ai + 0]);
            c00 = b0.fma(a, c00);
            c01 = b1.fma(a, c01);
            a = FloatVector.broadcast(S, ap[ai + 1]);
            c10 = b0.fma(a, c10);
            c11 = b1.fma(a, c11);
            a = FloatVector.broadcast(S, ap[ai + 2]);
            c20 = b0.fma(a, c20);
            c21 = b1.fma(a, c21);
            a = FloatVector.broadcast(S, ap[ai + 3]);
            c30 = b0.fma(a, c30);
            c31 = b1.fma(a, c31);
            a = FloatVector.broadcast(S, ap[ai + 4]);
            c40 = b0.fma(a, c40);
            c41 = b1.fma(a, c41);
            a = FloatVector.broadcast(S, ap[ai + 5]);
            c50 = b0.fma(a, c50);
            c51 = b1.fma(a, c51);
            a = FloatVector.broadcast(S, ap[ai + 6]);
            c60 = b0.fma(a, c60);
            c61 = b1.fma(a, c61);
            a = FloatVector.broadcast(S, ap[ai + 7]);
            c70 = b0.fma(a, c70);
            c71 = b1.fma(a, c71);
        }
        // C + chain (= chain + C: IEEE addition commutes). Added to the accumulators and stored
        // unconditionally: a helper taking the vectors as arguments made C2 box them in the k loop
        // whenever the accumulate path was live.
        if (!overwrite) {
            c00 = c00.add(FloatVector.fromArray(S, c, cIdx));
            c01 = c01.add(FloatVector.fromArray(S, c, cIdx + L));
            c10 = c10.add(FloatVector.fromArray(S, c, cIdx + ldc));
            c11 = c11.add(FloatVector.fromArray(S, c, cIdx + ldc + L));
            c20 = c20.add(FloatVector.fromArray(S, c, cIdx + 2 * ldc));
            c21 = c21.add(FloatVector.fromArray(S, c, cIdx + 2 * ldc + L));
            c30 = c30.add(FloatVector.fromArray(S, c, cIdx + 3 * ldc));
            c31 = c31.add(FloatVector.fromArray(S, c, cIdx + 3 * ldc + L));
            c40 = c40.add(FloatVector.fromArray(S, c, cIdx + 4 * ldc));
            c41 = c41.add(FloatVector.fromArray(S, c, cIdx + 4 * ldc + L));
            c50 = c50.add(FloatVector.fromArray(S, c, cIdx + 5 * ldc));
            c51 = c51.add(FloatVector.fromArray(S, c, cIdx + 5 * ldc + L));
            c60 = c60.add(FloatVector.fromArray(S, c, cIdx + 6 * ldc));
            c61 = c61.add(FloatVector.fromArray(S, c, cIdx + 6 * ldc + L));
            c70 = c70.add(FloatVector.fromArray(S, c, cIdx + 7 * ldc));
            c71 = c71.add(FloatVector.fromArray(S, c, cIdx + 7 * ldc + L));
        }
        c00.intoArray(c, cIdx);
        c01.intoArray(c, cIdx + L);
        c10.intoArray(c, cIdx + ldc);
        c11.intoArray(c, cIdx + ldc + L);
        c20.intoArray(c, cIdx + 2 * ldc);
        c21.intoArray(c, cIdx + 2 * ldc + L);
        c30.intoArray(c, cIdx + 3 * ldc);
        c31.intoArray(c, cIdx + 3 * ldc + L);
        c40.intoArray(c, cIdx + 4 * ldc);
        c41.intoArray(c, cIdx + 4 * ldc + L);
        c50.intoArray(c, cIdx + 5 * ldc);
        c51.intoArray(c, cIdx + 5 * ldc + L);
        c60.intoArray(c, cIdx + 6 * ldc);
        c61.intoArray(c, cIdx + 6 * ldc + L);
        c70.intoArray(c, cIdx + 7 * ldc);
        c71.intoArray(c, cIdx + 7 * ldc + L);
    }
}
