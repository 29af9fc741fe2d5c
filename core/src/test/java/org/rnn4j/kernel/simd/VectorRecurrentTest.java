package org.rnn4j.kernel.simd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.rnn4j.kernel.Parallel;
import org.rnn4j.kernel.KernelSet;
import org.rnn4j.kernel.UnaryOp;

/**
 * {@link VectorRecurrentKernels} against {@link org.rnn4j.kernel.ScalarRecurrentKernels} on odd sizes (vector
 * tails, offsets, rows spanning several parallel tasks): bitwise where both do the same float
 * operations (bias rows, row sums, every backward kernel, the cell arithmetic of the forward
 * kernels), within VectorMath's ulp bounds for the activations; subnormal backward results are ±0;
 * results do not depend on the thread count.
 */
class VectorRecurrentTest extends VectorVsScalar {
    private static final int[] HIDDEN = {1, 3, 16, 17, 35, 64};
    private static final int[] ROWS = {1, 2, 5, 9};

    VectorRecurrentTest() {
        super(31);
    }

    /** Random values with every fourth one tiny, so that products underflow into the subnormal range. */
    private float[] gradients(int n) {
        float[] a = rand(n, -1f, 1f);
        for (int i = 0; i < a.length; i += 4) {
            a[i] *= 1e-36f;
        }
        return a;
    }

    private static void assertNoSubnormals(float[] a, String what) {
        for (int i = 0; i < a.length; i++) {
            float x = a[i];
            assertTrue(x == 0f || Math.abs(x) >= Float.MIN_NORMAL || Float.isNaN(x), what + ": subnormal " + x + " at " + i);
        }
    }

    private static void assertUlps(float[] want, float[] got, int from, int n, double ulps, String what) {
        for (int i = from; i < from + n; i++) {
            assertEquals(want[i], got[i], (float) (ulps * Math.ulp(want[i])), what + " at " + i);
        }
    }

    @Test
    void biasRowsAndRowSumsAreBitwiseEqual() {
        for (int cols : new int[] {1, 15, 16, 17, 100, 257, 700}) {
            for (int rows : new int[] {1, 7, 130}) {
                int ld = cols + 2;
                float[] bias = rand(cols, -1f, 1f);
                float[] want = rand(rows * ld, -1f, 1f);
                float[] got = want.clone();
                scalar.recurrent().addBiasRows(rows, cols, bias, OFF, want, OFF, ld);
                vector.recurrent().addBiasRows(rows, cols, bias, OFF, got, OFF, ld);
                assertArrayEquals(want, got, "addBiasRows " + rows + "x" + cols);

                float[] src = rand(rows * ld, -1f, 1f);
                float[] sumWant = rand(cols, -1f, 1f);
                float[] sumGot = sumWant.clone();
                scalar.recurrent().sumRowsAdd(rows, cols, src, OFF, ld, sumWant, OFF);
                vector.recurrent().sumRowsAdd(rows, cols, src, OFF, ld, sumGot, OFF);
                assertArrayEquals(sumWant, sumGot, "sumRowsAdd " + rows + "x" + cols);
            }
        }
    }

    @Test
    void rnnBackwardIsBitwiseEqualAndFlushed() {
        for (UnaryOp act : new UnaryOp[] {UnaryOp.TANH, UnaryOp.RELU}) {
            for (int n : new int[] {1, 15, 16, 33, 100}) {
                float[] h = rand(n, -1f, 1f);
                float[] dh = gradients(n);
                float[] dy = gradients(n);
                float[] want = rand(n, 0f, 1f);
                float[] got = want.clone();
                scalar.recurrent().rnnGatesBackward(act, n, h, OFF, dh, OFF, dy, OFF, want, OFF);
                vector.recurrent().rnnGatesBackward(act, n, h, OFF, dh, OFF, dy, OFF, got, OFF);
                assertArrayEquals(want, got, act + " n=" + n);
                assertNoSubnormals(java.util.Arrays.copyOfRange(got, OFF, OFF + n), act + " dPre");
            }
        }
    }

    @Test
    void lstmForwardMatchesWithinUlpsAndItsArithmeticBitwise() {
        for (int hidden : HIDDEN) {
            for (int rows : ROWS) {
                int g4 = 4 * hidden;
                float[] pre = rand(rows * g4, -6f, 6f);
                float[] cPrev = rand(rows * hidden, -2f, 2f);
                float[] gw = pre.clone();
                float[] gv = pre.clone();
                float[] cw = new float[cPrev.length];
                float[] tw = new float[cPrev.length];
                float[] hw = new float[cPrev.length];
                float[] cv = cPrev.clone(); // in place: cOut aliases cPrev
                float[] tv = new float[cPrev.length];
                float[] hv = new float[cPrev.length];
                scalar.recurrent().lstmGatesForward(rows, hidden, gw, OFF, cPrev, OFF, cw, OFF, tw, OFF, hw, OFF);
                vector.recurrent().lstmGatesForward(rows, hidden, gv, OFF, cv, OFF, cv, OFF, tv, OFF, hv, OFF);
                String what = "lstm forward " + rows + "x" + hidden;
                assertUlps(gw, gv, OFF, rows * g4, 3, what + " activations");
                for (int r = 0; r < rows; r++) {
                    for (int j = 0; j < hidden; j++) {
                        int g = OFF + r * g4 + j;
                        int s = OFF + r * hidden + j;
                        float c = gv[g + hidden] * cPrev[s] + gv[g] * gv[g + 2 * hidden];
                        assertEquals(c, cv[s], what + " c at " + s);
                        assertEquals((float) Math.tanh(c), tv[s], 2 * Math.ulp((float) Math.tanh(c)), what + " tanh c");
                        assertEquals(gv[g + 3 * hidden] * tv[s], hv[s], what + " h at " + s);
                    }
                }
            }
        }
    }

    @Test
    void lstmBackwardIsBitwiseEqualAndFlushed() {
        for (int hidden : HIDDEN) {
            for (int rows : ROWS) {
                int g4 = 4 * hidden;
                float[] act = rand(rows * g4, 0f, 1f);
                float[] cPrev = rand(rows * hidden, -2f, 2f);
                float[] tanhC = rand(rows * hidden, -1f, 1f);
                float[] dh = gradients(rows * hidden);
                float[] dcw = gradients(rows * hidden);
                float[] dcv = dcw.clone();
                float[] dgw = rand(rows * g4, 0f, 1f);
                float[] dgv = dgw.clone();
                scalar.recurrent().lstmGatesBackward(rows, hidden, act, OFF, cPrev, OFF, tanhC, OFF, dh, OFF, dcw, OFF, dgw, OFF);
                vector.recurrent().lstmGatesBackward(rows, hidden, act, OFF, cPrev, OFF, tanhC, OFF, dh, OFF, dcv, OFF, dgv, OFF);
                String what = "lstm backward " + rows + "x" + hidden;
                assertArrayEquals(dgw, dgv, what + " dGates");
                assertArrayEquals(dcw, dcv, what + " dc");
                assertNoSubnormals(java.util.Arrays.copyOfRange(dgv, OFF, OFF + rows * g4), what + " dGates");
                assertNoSubnormals(java.util.Arrays.copyOfRange(dcv, OFF, OFF + rows * hidden), what + " dc");
            }
        }
    }

    @Test
    void gruForwardMatchesWithinUlpsAndItsArithmeticBitwise() {
        for (boolean bias : new boolean[] {true, false}) {
            for (int hidden : HIDDEN) {
                for (int rows : ROWS) {
                    int g3 = 3 * hidden;
                    float[] pre = rand(rows * g3, -4f, 4f);
                    float[] gh = rand(rows * g3, -2f, 2f);
                    float[] bhn = bias ? rand(hidden, -1f, 1f) : null;
                    float[] hPrev = rand(rows * hidden, -1f, 1f);
                    float[] gw = pre.clone();
                    float[] gv = pre.clone();
                    float[] hw = new float[hPrev.length];
                    float[] hv = hPrev.clone(); // in place: hOut aliases hPrev
                    float[] nw = new float[hPrev.length];
                    float[] nv = new float[hPrev.length];
                    scalar.recurrent().gruGatesForward(rows, hidden, gw, OFF, gh, OFF, bhn, OFF, hPrev, OFF, hw, OFF, nw, OFF);
                    vector.recurrent().gruGatesForward(rows, hidden, gv, OFF, gh, OFF, bhn, OFF, hv, OFF, hv, OFF, nv, OFF);
                    String what = "gru forward " + rows + "x" + hidden + (bias ? "" : " no bias");
                    for (int r = 0; r < rows; r++) {
                        assertUlps(gw, gv, OFF + r * g3, 2 * hidden, 3, what + " r, z");
                        for (int j = 0; j < hidden; j++) {
                            int g = OFF + r * g3 + j;
                            int s = OFF + r * hidden + j;
                            float hn = gh[g + 2 * hidden] + (bias ? bhn[OFF + j] : 0f);
                            assertEquals(hn, nv[s], what + " ghn");
                            float n = (float) Math.tanh(pre[g + 2 * hidden] + gv[g] * hn); // with the kernel's r
                            assertEquals(n, gv[g + 2 * hidden], 2 * Math.ulp(n), what + " n at " + g);
                            float z = gv[g + hidden];
                            assertEquals((1f - z) * gv[g + 2 * hidden] + z * hPrev[s], hv[s], what + " h at " + s);
                        }
                    }
                }
            }
        }
    }

    @Test
    void gruBackwardIsBitwiseEqualAndFlushed() {
        for (int hidden : HIDDEN) {
            for (int rows : ROWS) {
                int g3 = 3 * hidden;
                float[] act = rand(rows * g3, 0f, 1f);
                float[] ghn = rand(rows * hidden, -2f, 2f);
                float[] hPrev = rand(rows * hidden, -1f, 1f);
                float[] dh = gradients(rows * hidden);
                float[] daw = new float[act.length];
                float[] dav = new float[act.length];
                float[] dgw = new float[act.length];
                float[] dgv = new float[act.length];
                float[] dpw = new float[dh.length];
                float[] dpv = dh.clone(); // in place: dhPrev aliases dh
                scalar.recurrent().gruGatesBackward(rows, hidden, act, OFF, ghn, OFF, hPrev, OFF, dh, OFF, daw, OFF, dgw, OFF, dpw, OFF);
                vector.recurrent().gruGatesBackward(rows, hidden, act, OFF, ghn, OFF, hPrev, OFF, dpv, OFF, dav, OFF, dgv, OFF, dpv, OFF);
                String what = "gru backward " + rows + "x" + hidden;
                assertArrayEquals(daw, dav, what + " dA");
                assertArrayEquals(dgw, dgv, what + " dGh");
                for (int i = OFF; i < OFF + rows * hidden; i++) {
                    assertEquals(dpw[i], dpv[i], what + " dhPrev at " + i);
                }
                assertNoSubnormals(dav, what + " dA");
                assertNoSubnormals(dgv, what + " dGh");
            }
        }
    }

    @Test
    void resultsDoNotDependOnTheThreadCount() {
        int hidden = 40;
        int rows = 300; // several row tasks
        int g4 = 4 * hidden;
        float[] pre = rand(rows * g4, -5f, 5f);
        float[] cPrev = rand(rows * hidden, -1f, 1f);
        float[] dh = gradients(rows * hidden);
        float[] dc0 = gradients(rows * hidden);
        float[][] first = null;
        for (int threads : new int[] {1, 2, 3}) {
            Parallel.setThreads(threads);
            float[] g = pre.clone();
            float[] c = new float[cPrev.length];
            float[] t = new float[cPrev.length];
            float[] h = new float[cPrev.length];
            vector.recurrent().lstmGatesForward(rows, hidden, g, OFF, cPrev, OFF, c, OFF, t, OFF, h, OFF);
            float[] dc = dc0.clone();
            float[] dg = new float[g.length];
            vector.recurrent().lstmGatesBackward(rows, hidden, g, OFF, cPrev, OFF, t, OFF, dh, OFF, dc, OFF, dg, OFF);
            float[] sums = new float[g4 + 2 * OFF];
            vector.recurrent().sumRowsAdd(rows, g4, dg, OFF, g4, sums, OFF);
            float[][] all = {g, c, t, h, dc, dg, sums};
            if (first == null) {
                first = all;
            } else {
                for (int i = 0; i < all.length; i++) {
                    assertArrayEquals(first[i], all[i], "array " + i + " with " + threads + " threads");
                }
            }
        }
    }
}
