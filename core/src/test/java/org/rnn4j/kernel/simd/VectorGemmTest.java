package org.rnn4j.kernel.simd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.rnn4j.kernel.Kernels;
import org.rnn4j.kernel.KernelSet;
import org.rnn4j.kernel.PackedB;
import org.rnn4j.kernel.Parallel;
import org.rnn4j.rand.Rng;

/**
 * {@link VectorGemmKernels#gemm} against {@link org.rnn4j.kernel.ScalarGemmKernels#gemm}: odd sizes around the vector, tile
 * and block sizes, all four transpose forms, accumulate, offsets and padded leading dimensions;
 * and bitwise identity across thread counts.
 */
class VectorGemmTest extends VectorVsScalar {
    private static final int[] SIZES = {1, 3, 17, 63, 65, 100, 257};

    VectorGemmTest() {
        super(1);
    }

    /** Operands of one product: op(A) [m, k], op(B) [k, n], C [m, n], with offsets and padded strides. */
    private record Problem(boolean transA, boolean transB, int m, int n, int k, float[] a, int aOff, int lda,
                           float[] b, int bOff, int ldb, float[] c, int cOff, int ldc) {
        static Problem random(Rng rng, boolean transA, boolean transB, int m, int n, int k) {
            int aRows = transA ? k : m;
            int aCols = transA ? m : k;
            int bRows = transB ? n : k;
            int bCols = transB ? k : n;
            int lda = aCols + rng.nextInt(3);
            int ldb = bCols + rng.nextInt(3);
            int ldc = n + rng.nextInt(3);
            int aOff = rng.nextInt(5);
            int bOff = rng.nextInt(5);
            int cOff = rng.nextInt(5);
            float[] a = new float[aOff + aRows * lda + 3];
            float[] b = new float[bOff + bRows * ldb + 3];
            float[] c = new float[cOff + m * ldc + 3];
            rng.fillUniform(a, -1f, 1f);
            rng.fillUniform(b, -1f, 1f);
            rng.fillUniform(c, -1f, 1f);
            return new Problem(transA, transB, m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc);
        }

        float opA(int i, int p) {
            return transA ? a[aOff + p * lda + i] : a[aOff + i * lda + p];
        }

        float opB(int p, int j) {
            return transB ? b[bOff + j * ldb + p] : b[bOff + p * ldb + j];
        }

        float[] run(KernelSet kernels, boolean accumulate) {
            float[] out = c.clone();
            kernels.gemm().gemm(transA, transB, m, n, k, a, aOff, lda, b, bOff, ldb, out, cOff, ldc, accumulate);
            return out;
        }
    }

    /**
     * Both results within the float32 error bound of a k-term sum: each side errs by at most
     * k·u·Σ|a·b| (u = 2^-24), plus one rounding of the final addition to C.
     */
    private static void assertClose(Problem pr, boolean accumulate, float[] want, float[] got) {
        for (int i = 0; i < pr.m; i++) {
            for (int j = 0; j < pr.n; j++) {
                int at = pr.cOff + i * pr.ldc + j;
                double absSum = 0;
                for (int p = 0; p < pr.k; p++) {
                    absSum += Math.abs((double) pr.opA(i, p) * pr.opB(p, j));
                }
                double tol = 1.2e-7 * (2 * pr.k + 4) * absSum + (accumulate ? 1.2e-7 * Math.abs(pr.c[at]) : 0) + 1e-30;
                if (Math.abs(want[at] - got[at]) > tol) {
                    fail(String.format("gemm transA=%b transB=%b m=%d n=%d k=%d acc=%b: C[%d,%d] scalar %s vector %s (tol %s)",
                            pr.transA, pr.transB, pr.m, pr.n, pr.k, accumulate, i, j, want[at], got[at], tol));
                }
            }
        }
        // everything outside the C block (padding between rows, before, after) is untouched
        for (int at = 0; at < want.length; at++) {
            int rel = at - pr.cOff;
            boolean inside = rel >= 0 && rel / pr.ldc < pr.m && rel % pr.ldc < pr.n;
            if (!inside) {
                assertEquals(pr.c[at], got[at], "gemm wrote outside C at " + at);
            }
        }
    }

    private void check(Rng rng, int m, int n, int k) {
        for (int form = 0; form < 4; form++) {
            Problem pr = Problem.random(rng, (form & 1) != 0, (form & 2) != 0, m, n, k);
            for (boolean accumulate : new boolean[] {false, true}) {
                assertClose(pr, accumulate, pr.run(scalar, accumulate), pr.run(vector, accumulate));
            }
        }
    }

    @Test
    void matchesScalarOnOddSizesAllFormsAndAccumulate() {
        Rng rng = new Rng(5);
        for (int m : SIZES) {
            for (int n : SIZES) {
                int k = SIZES[rng.nextInt(SIZES.length)];
                check(rng, m, n, k);
            }
        }
    }

    @Test
    void matchesScalarAcrossBlockBoundaries() {
        Rng rng = new Rng(6);
        // k over several KC blocks, m over several MC task rows, n over several NC task columns
        check(rng, 9, 33, 2 * VectorGemm.KC + 3);
        check(rng, VectorGemm.MC + 9, 40, 70);
        check(rng, 70, VectorGemm.NC + 2 * VectorGemm.NR + 5, VectorGemm.KC + 1);
        check(rng, VectorGemm.SMALL_M, 300, 2 * VectorGemm.L + 3); // the small-M path, k tail
        check(rng, VectorGemm.SMALL_M + 1, 31, 5);                 // the first packed size
        check(rng, 2, 4 * VectorGemm.L + VectorGemm.L + 3, 7);     // small-M column tails
        // enough row tasks that each task spans all columns (B packed once, shared)
        check(rng, (VectorGemm.WIDE_ROW_TASKS - 1) * VectorGemm.MC + 13, VectorGemm.NC + 44, 20);
    }

    private static float[] runPacked(KernelSet kernels, Problem pr, boolean accumulate) {
        PackedB packed = kernels.gemm().packB(pr.transB, pr.k, pr.n, pr.b, pr.bOff, pr.ldb);
        assertEquals(pr.k, packed.k());
        assertEquals(pr.n, packed.n());
        float[] out = pr.c.clone();
        kernels.gemm().gemmPacked(pr.transA, pr.m, pr.a, pr.aOff, pr.lda, packed, out, pr.cOff, pr.ldc, accumulate);
        return out;
    }

    @Test
    void prepackedBGivesTheSameProduct() {
        Rng rng = new Rng(9);
        int[][] shapes = {{1, 3, 5}, {4, 100, 63}, {5, 33, 17}, {64, 257, 300}, {9, VectorGemm.NC + 40, 2 * VectorGemm.KC + 7},
            {VectorGemm.MC + 3, 65, 100}};
        for (int[] s : shapes) {
            for (int form = 0; form < 4; form++) {
                Problem pr = Problem.random(rng, (form & 1) != 0, (form & 2) != 0, s[0], s[1], s[2]);
                for (boolean accumulate : new boolean[] {false, true}) {
                    float[] want = pr.run(scalar, accumulate);
                    assertArrayEquals(want, runPacked(scalar, pr, accumulate), "scalar packed");
                    float[] packed = runPacked(vector, pr, accumulate);
                    assertClose(pr, accumulate, want, packed);
                    if (pr.m > VectorGemm.SMALL_M) {
                        assertArrayEquals(pr.run(vector, accumulate), packed, "vector packed vs unpacked");
                    }
                }
            }
        }
    }

    @Test
    void packedOperandsBelongToTheirKernels() {
        PackedB fromScalar = scalar.gemm().packB(false, 2, 2, new float[4], 0, 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> vector.gemm().gemmPacked(false, 1, new float[2], 0, 2, fromScalar, new float[2], 0, 2, false));
        assertEquals("gemmPacked: expected an operand packed by " + vector.gemm() + ", got RowMajorB", e.getMessage());
        PackedB fromVector = vector.gemm().packB(false, 2, 2, new float[4], 0, 2);
        assertThrows(IllegalArgumentException.class,
                () -> scalar.gemm().gemmPacked(false, 1, new float[2], 0, 2, fromVector, new float[2], 0, 2, false));
    }

    @Test
    void everyTransposeStrategyGivesBitwiseTheSameProductAsTheLoop() {
        Rng rng = new Rng(10);
        int l = VectorGemm.L;
        // k and n around L (tails, n < L, a half-filled NR panel), m around MR, KC and the task blocks
        int[][] shapes = {{9, 2 * VectorGemm.NR + 5, 300}, {70, 257, 33}, {64, 1024, 256}, {5, 3, 2}, {7, l - 1, l + 1},
            {9, l + 3, 2 * l - 1}, {17, VectorGemm.NR + l, l}, {13, VectorGemm.NR + l + 5, VectorGemm.KC + l + 3},
            {VectorGemm.MC + 5, 40, 37}, {2 * VectorGemm.MR, 100, 1}};
        GemmPacking.Transpose before = GemmPacking.transpose;
        try {
            for (int[] s : shapes) {
                for (int form = 0; form < 4; form++) {
                    Problem pr = Problem.random(rng, (form & 1) != 0, (form & 2) != 0, s[0], s[1], s[2]);
                    GemmPacking.transpose = GemmPacking.Transpose.LOOP;
                    float[] loop = pr.run(vector, true);
                    float[] loopPacked = runPacked(vector, pr, true);
                    assertClose(pr, true, pr.run(scalar, true), loop);
                    for (GemmPacking.Transpose t : GemmPacking.Transpose.values()) {
                        GemmPacking.transpose = t;
                        String what = t + " form " + form + " shape " + s[0] + "x" + s[1] + "x" + s[2];
                        assertArrayEquals(loop, pr.run(vector, true), what);
                        assertArrayEquals(loopPacked, runPacked(vector, pr, true), what + " packed");
                    }
                }
            }
        } finally {
            GemmPacking.transpose = before;
        }
    }

    @Test
    void everyTransposeStrategyIsBitwiseIdenticalForAnyThreadCount() {
        Rng rng = new Rng(11);
        GemmPacking.Transpose before = GemmPacking.transpose;
        try {
            for (int[] s : new int[][] {{64, 1024, 256}, {300, 520, 300}, {40, 700, 129}}) {
                for (int form = 0; form < 4; form++) {
                    Problem pr = Problem.random(rng, (form & 1) != 0, (form & 2) != 0, s[0], s[1], s[2]);
                    GemmPacking.transpose = GemmPacking.Transpose.LOOP;
                    Parallel.setThreads(1);
                    float[] one = pr.run(vector, false);
                    for (GemmPacking.Transpose t : GemmPacking.Transpose.values()) {
                        GemmPacking.transpose = t;
                        for (int threads : new int[] {1, 2, 3}) {
                            Parallel.setThreads(threads);
                            assertArrayEquals(one, pr.run(vector, false), t + ", " + threads + " threads, form " + form);
                        }
                    }
                }
            }
        } finally {
            GemmPacking.transpose = before;
        }
    }

    @Test
    void sharingThePackedAAmongColumnTasksChangesNoBit() {
        Rng rng = new Rng(12);
        // several column tasks: one or several row blocks, one or several KC blocks, row and depth edges
        int[][] shapes = {{64, 1024, 256}, {9, 300, 17}, {VectorGemm.MC + 44, 520, 2 * VectorGemm.KC + 7},
            {3 * VectorGemm.MC - 5, VectorGemm.NC + 1, 40}, {70, 600, VectorGemm.KC + 1}};
        boolean before = VectorGemm.shareA;
        try {
            for (int[] s : shapes) {
                for (int form = 0; form < 4; form++) {
                    Problem pr = Problem.random(rng, (form & 1) != 0, (form & 2) != 0, s[0], s[1], s[2]);
                    for (boolean accumulate : new boolean[] {false, true}) {
                        VectorGemm.shareA = false;
                        float[] own = pr.run(vector, accumulate);
                        float[] ownPacked = runPacked(vector, pr, accumulate);
                        VectorGemm.shareA = true;
                        String what = "form " + form + " shape " + s[0] + "x" + s[1] + "x" + s[2];
                        for (int threads : new int[] {1, 2, 3}) {
                            Parallel.setThreads(threads);
                            assertArrayEquals(own, pr.run(vector, accumulate), what + ", " + threads + " threads");
                            assertArrayEquals(ownPacked, runPacked(vector, pr, accumulate), what + " packed, " + threads + " threads");
                        }
                        assertClose(pr, accumulate, pr.run(scalar, accumulate), own);
                    }
                }
            }
        } finally {
            VectorGemm.shareA = before;
        }
    }

    @Test
    void zeroDepthClearsOrKeepsC() {
        Problem pr = Problem.random(new Rng(7), false, true, 5, 6, 0);
        float[] kept = pr.run(vector, true);
        assertArrayEquals(pr.c, kept);
        float[] cleared = pr.run(vector, false);
        for (int i = 0; i < 5; i++) {
            for (int j = 0; j < 6; j++) {
                assertEquals(0f, cleared[pr.cOff + i * pr.ldc + j]);
            }
        }
        assertArrayEquals(pr.run(scalar, false), cleared);
    }

    @Test
    void emptyShapesAreNoOpsAndNegativeSizesAreRejected() {
        float[] c = {1f, 2f};
        vector.gemm().gemm(false, false, 0, 2, 3, new float[0], 0, 3, new float[6], 0, 2, c, 0, 2, false);
        vector.gemm().gemm(false, false, 1, 0, 3, new float[3], 0, 3, new float[0], 0, 0, c, 0, 0, false);
        assertArrayEquals(new float[] {1f, 2f}, c);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> vector.gemm().gemm(false, false, -1, 2, 3, new float[3], 0, 3, new float[6], 0, 2, c, 0, 2, false));
        assertEquals("gemm: expected sizes >= 0, got m=-1, n=2, k=3", e.getMessage());
    }

    @Test
    void bitwiseIdenticalForAnyThreadCount() {
        Rng rng = new Rng(8);
        int[][] shapes = {{300, 520, 300}, {64, 1024, 129}, {1, 2100, 300}, {3, 700, 301}, {2000, 300, 40}};
        for (int[] s : shapes) {
            for (int form = 0; form < 4; form++) {
                Problem pr = Problem.random(rng, (form & 1) != 0, (form & 2) != 0, s[0], s[1], s[2]);
                Parallel.setThreads(1);
                float[] one = pr.run(vector, true);
                for (int t : new int[] {2, 3}) {
                    Parallel.setThreads(t);
                    assertArrayEquals(one, pr.run(vector, true), "threads " + t + " vs 1, shape " + s[0] + "x" + s[1] + "x" + s[2]);
                }
            }
        }
    }

    @Test
    void aPairOfProductsIsBitwiseTheTwoProductsForAnyThreadCount() {
        Rng rng = new Rng(12);
        // m > MC (the shared path: row tasks, one pack of op(A) for both), m ≤ MC and the small-M path (two calls)
        int[][] shapes = {{520, 300, 100, 37}, {257, 513, 33, 256}, {1030, 64, 256, 128}, {100, 50, 7, 9}, {3, 40, 5, 6}};
        for (int[] s : shapes) {
            int m = s[0], k = s[1], n1 = s[2], n2 = s[3];
            for (boolean transA : new boolean[] {true, false}) {
                Problem p1 = Problem.random(rng, transA, false, m, n1, k);
                Problem q = Problem.random(rng, transA, false, m, n2, k);
                Problem p2 = new Problem(transA, false, m, n2, k, p1.a, p1.aOff, p1.lda, q.b, q.bOff, q.ldb, q.c, q.cOff, q.ldc);
                for (boolean accumulate : new boolean[] {false, true}) {
                    Parallel.setThreads(1);
                    float[] want1 = p1.run(vector, accumulate);
                    float[] want2 = p2.run(vector, accumulate);
                    for (int threads : new int[] {1, 2, 3}) {
                        Parallel.setThreads(threads);
                        float[] got1 = p1.c.clone();
                        float[] got2 = p2.c.clone();
                        vector.gemm().gemmPair(transA, m, k, p1.a, p1.aOff, p1.lda, n1, p1.b, p1.bOff, p1.ldb, got1, p1.cOff, p1.ldc,
                                n2, p2.b, p2.bOff, p2.ldb, got2, p2.cOff, p2.ldc, accumulate);
                        String what = m + "x" + k + " · (" + n1 + ", " + n2 + "), transA " + transA + ", accumulate "
                                + accumulate + ", " + threads + " threads";
                        assertArrayEquals(want1, got1, "first product, " + what);
                        assertArrayEquals(want2, got2, "second product, " + what);
                    }
                }
            }
        }
    }

    @Test
    void subnormalInputsCountAsZeroInThePackedPath() {
        // row 1 of A is [0, subnormal, 0]: its products are the only terms, so DAZ is visible
        int m = 9, n = 40, k = 3;
        float[] a = new float[m * k];
        float[] b = new float[k * n];
        java.util.Arrays.fill(a, 1f);
        java.util.Arrays.fill(b, 0x1p20f);
        a[3] = 0f;
        a[4] = Float.MIN_VALUE * 7;
        a[5] = 0f;
        float[] cv = new float[m * n];
        float[] cs = new float[m * n];
        vector.gemm().gemm(false, false, m, n, k, a, 0, k, b, 0, n, cv, 0, n, false);
        scalar.gemm().gemm(false, false, m, n, k, a, 0, k, b, 0, n, cs, 0, n, false);
        assertEquals(Float.MIN_VALUE * 7 * 0x1p20f, cs[n + 5]); // IEEE reference: a tiny normal number
        assertEquals(0f, cv[n + 5]);                              // packed path: subnormal input read as 0
        assertEquals(3 * 0x1p20f, cv[5]);
    }
}
