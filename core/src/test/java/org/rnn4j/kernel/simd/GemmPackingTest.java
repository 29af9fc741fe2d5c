package org.rnn4j.kernel.simd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.rnn4j.rand.Rng;

/**
 * The packing strategies ({@link GemmPacking.Transpose}) write bitwise the same panels as the
 * scalar loops — values, subnormal flush (a negative subnormal becomes +0), -0, and the zero padding
 * of edge panels — for every storage order, on sizes around the vector length L, the micro-tile
 * sizes MR and NR, and KC.
 */
class GemmPackingTest {
    private static final int L = VectorGemm.L;
    private static final int MR = VectorGemm.MR;
    private static final int NR = VectorGemm.NR;
    /** Depths and widths around L, NR, MR and KC: tails shorter than L, panels narrower than L, tiny sizes. */
    private static final int[] SIZES = {1, 2, 3, MR - 1, MR, MR + 1, L - 1, L, L + 1, L + 3, NR - 1, NR, NR + 1,
        NR + L, NR + L + 5, 2 * NR + 7, 100};
    private static final int[] DEPTHS = {1, 3, L - 1, L, L + 1, 2 * L + 5, 100, VectorGemm.KC};

    /** Uniform values with subnormals (both signs), -0, +0 and the smallest normal sprinkled in. */
    private static float[] values(Rng rng, int n) {
        float[] x = new float[n];
        rng.fillUniform(x, -1f, 1f);
        float[] special = {Float.MIN_VALUE, -Float.MIN_VALUE, 3e-39f, -3e-39f, -0f, 0f, Float.MIN_NORMAL, -Float.MIN_NORMAL};
        for (int i = 0; i < n; i += 1 + rng.nextInt(7)) {
            x[i] = special[rng.nextInt(special.length)];
        }
        return x;
    }

    /** The panels of one call under a strategy; the destination starts as NaN so that every entry must be written. */
    private static float[] packB(GemmPacking.Transpose t, boolean transB, float[] b, int bOff, int ldb, int p0, int kc,
                                 int j0, int nc, int dstOff) {
        float[] dst = new float[dstOff + (nc + NR - 1) / NR * NR * kc + 5];
        Arrays.fill(dst, Float.NaN);
        GemmPacking.packB(t, transB, b, bOff, ldb, p0, kc, j0, nc, dst, dstOff);
        return dst;
    }

    private static float[] packA(GemmPacking.Transpose t, boolean transA, float[] a, int aOff, int lda, int i0, int mc,
                                 int p0, int kc, int dstOff) {
        float[] dst = new float[dstOff + (mc + MR - 1) / MR * MR * kc + 5];
        Arrays.fill(dst, Float.NaN);
        GemmPacking.packA(t, transA, a, aOff, lda, i0, mc, p0, kc, dst, dstOff);
        return dst;
    }

    @Test
    void everyStrategyPacksBLikeTheLoop() {
        Rng rng = new Rng(21);
        for (boolean transB : new boolean[] {true, false}) {
            for (int nc : SIZES) {
                for (int kc : DEPTHS) {
                    int j0 = rng.nextInt(3);
                    int p0 = rng.nextInt(3);
                    int rows = transB ? j0 + nc : p0 + kc;
                    int cols = transB ? p0 + kc : j0 + nc;
                    int ldb = cols + rng.nextInt(3);
                    int bOff = rng.nextInt(4);
                    float[] b = values(rng, bOff + rows * ldb + rng.nextInt(3));
                    int dstOff = rng.nextInt(4);
                    float[] want = packB(GemmPacking.Transpose.LOOP, transB, b, bOff, ldb, p0, kc, j0, nc, dstOff);
                    for (GemmPacking.Transpose t : GemmPacking.Transpose.values()) {
                        assertArrayEquals(want, packB(t, transB, b, bOff, ldb, p0, kc, j0, nc, dstOff),
                                t + " transB=" + transB + " nc=" + nc + " kc=" + kc);
                    }
                }
            }
        }
    }

    @Test
    void everyStrategyPacksALikeTheLoop() {
        Rng rng = new Rng(22);
        for (boolean transA : new boolean[] {false, true}) {
            for (int mc : SIZES) {
                for (int kc : DEPTHS) {
                    int i0 = rng.nextInt(3);
                    int p0 = rng.nextInt(3);
                    int rows = transA ? p0 + kc : i0 + mc;
                    int cols = transA ? i0 + mc : p0 + kc;
                    int lda = cols + rng.nextInt(3);
                    int aOff = rng.nextInt(4);
                    float[] a = values(rng, aOff + rows * lda + rng.nextInt(3));
                    int dstOff = rng.nextInt(4);
                    float[] want = packA(GemmPacking.Transpose.LOOP, transA, a, aOff, lda, i0, mc, p0, kc, dstOff);
                    for (GemmPacking.Transpose t : GemmPacking.Transpose.values()) {
                        assertArrayEquals(want, packA(t, transA, a, aOff, lda, i0, mc, p0, kc, dstOff),
                                t + " transA=" + transA + " mc=" + mc + " kc=" + kc);
                    }
                }
            }
        }
    }

    @Test
    void theFlushMatchesTheScalarRule() {
        // a transposed B of one full panel: subnormals of both signs become +0, -0 and normals stay
        int kc = 2 * L;
        float[] b = new float[NR * kc];
        for (int i = 0; i < b.length; i++) {
            b[i] = switch (i % 4) {
                case 0 -> -Float.MIN_VALUE;
                case 1 -> -0f;
                case 2 -> Float.MIN_NORMAL;
                default -> 1e-39f;
            };
        }
        float[] dst = packB(GemmPacking.Transpose.SHUFFLE, true, b, 0, kc, 0, kc, 0, NR, 0);
        for (int p = 0; p < kc; p++) {
            for (int j = 0; j < NR; j++) {
                float want = GemmPacking.flush(b[j * kc + p]);
                assertEquals(Float.floatToRawIntBits(want), Float.floatToRawIntBits(dst[p * NR + j]), "p=" + p + " j=" + j);
            }
        }
        assertEquals(0, Float.floatToRawIntBits(GemmPacking.flush(-Float.MIN_VALUE)));
    }

    @Test
    void inRegisterTransposesExistForTheCommonVectorLengths() {
        assertTrue(BlockTranspose.SUPPORTED || (L != 8 && L != 16), "in-register transposes exist for L = " + L);
    }
}
