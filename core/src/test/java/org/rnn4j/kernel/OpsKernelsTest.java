package org.rnn4j.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.rnn4j.rand.Rng;

/**
 * The scalar references of the elementwise (binary, softmax, dropout) and index kernels
 * ({@link ScalarElementwiseKernels}, {@link ScalarIndexKernels}) against straightforward
 * expectations written out index by index (odd sizes, non-zero offsets).
 */
class OpsKernelsTest {
    private final KernelSet k = KernelSet.scalar();
    private final Rng rng = new Rng(41);

    private float[] rand(int n) {
        float[] a = new float[n];
        rng.fillUniform(a, -2f, 2f);
        return a;
    }

    @Test
    void binaryScalarAndBinaryAdd() {
        float[] x = rand(9);
        float[] out = new float[11];
        for (BinaryOp op : BinaryOp.values()) {
            k.elementwise().binaryScalar(op, x, 1, 1.5f, out, 2, 7);
            for (int i = 0; i < 7; i++) {
                float a = x[1 + i];
                float want = switch (op) {
                    case ADD -> a + 1.5f;
                    case SUB -> a - 1.5f;
                    case MUL -> a * 1.5f;
                    case DIV -> a / 1.5f;
                };
                assertEquals(want, out[2 + i], op + " " + i);
            }
        }
        float[] a = rand(7);
        float[] b = rand(7);
        float[] acc = rand(7);
        float[] before = acc.clone();
        k.elementwise().binaryAdd(BinaryOp.MUL, a, 0, b, 0, acc, 0, 7);
        for (int i = 0; i < 7; i++) {
            assertEquals(before[i] + a[i] * b[i], acc[i]);
        }
    }

    @Test
    void accumulateFromStridedReadsTransposedAndBroadcast() {
        float[] src = rand(15); // [5, 3]
        float[] dst = rand(16);
        float[] before = dst.clone();
        // dst[1 + i·5 + j] += 2·src[j·3 + i] for i < 3, j < 5 (reads srcᵀ)
        k.index().accumulateFromStrided(new int[] {3, 5}, 2f, src, 0, new int[] {1, 3}, dst, 1);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 5; j++) {
                assertEquals(before[1 + i * 5 + j] + 2f * src[j * 3 + i], dst[1 + i * 5 + j]);
            }
        }
        float[] row = {1, 2, 3};
        float[] d2 = new float[6];
        k.index().accumulateFromStrided(new int[] {2, 3}, 1f, row, 0, new int[] {0, 1}, d2, 0);
        assertArrayEquals(new float[] {1, 2, 3, 1, 2, 3}, d2);
    }

    @Test
    void softmaxFamilyAgainstNaiveFormulas() {
        int outer = 2, n = 5, inner = 3;
        float[] x = rand(outer * n * inner + 1);
        float[] y = new float[x.length];
        float[] ly = new float[x.length];
        k.elementwise().softmax(outer, n, inner, x, 1, y, 1);
        k.elementwise().logSoftmax(outer, n, inner, x, 1, ly, 1);
        float[] gy = rand(x.length);
        float[] gx = rand(x.length);
        float[] lgx = gx.clone();
        float[] gx0 = gx.clone();
        k.elementwise().softmaxBackwardAdd(outer, n, inner, y, 1, gy, 1, gx, 1);
        k.elementwise().logSoftmaxBackwardAdd(outer, n, inner, ly, 1, gy, 1, lgx, 1);
        for (int o = 0; o < outer; o++) {
            for (int i = 0; i < inner; i++) {
                double z = 0;
                for (int j = 0; j < n; j++) {
                    z += Math.exp(x[1 + (o * n + j) * inner + i]);
                }
                for (int j = 0; j < n; j++) {
                    int at = 1 + (o * n + j) * inner + i;
                    double p = Math.exp(x[at]) / z;
                    assertEquals(p, y[at], 1e-6);
                    assertEquals(Math.log(p), ly[at], 1e-5);
                    // Jacobians: dy_m/dx_j = y_m(δ_mj - y_j); dly_m/dx_j = δ_mj - y_j
                    double g = 0;
                    double lg = 0;
                    for (int m = 0; m < n; m++) {
                        int am = 1 + (o * n + m) * inner + i;
                        double pm = Math.exp(x[am]) / z;
                        g += gy[am] * pm * ((m == j ? 1 : 0) - p);
                        lg += gy[am] * ((m == j ? 1 : 0) - p);
                    }
                    assertEquals(gx0[at] + g, gx[at], 1e-5);
                    assertEquals(gx0[at] + lg, lgx[at], 1e-5);
                }
            }
        }
    }

    @Test
    void indexSelectAndIndexAdd() {
        int outer = 2, n = 4, inner = 3;
        int[] idx = {9, 3, 0, 3, 1};
        float[] src = rand(outer * n * inner + 2);
        float[] dst = new float[outer * 4 * inner + 1];
        k.index().indexSelect(outer, n, inner, idx, 1, 4, src, 2, dst, 1);
        for (int o = 0; o < outer; o++) {
            for (int j = 0; j < 4; j++) {
                for (int i = 0; i < inner; i++) {
                    assertEquals(src[2 + (o * n + idx[1 + j]) * inner + i], dst[1 + (o * 4 + j) * inner + i]);
                }
            }
        }
        float[] g = rand(outer * 4 * inner);
        float[] acc = rand(outer * n * inner);
        float[] before = acc.clone();
        k.index().indexAdd(outer, n, inner, idx, 1, 4, 0, g, 0, acc, 0); // skip row 0
        for (int o = 0; o < outer; o++) {
            for (int r = 0; r < n; r++) {
                for (int i = 0; i < inner; i++) {
                    float want = before[(o * n + r) * inner + i];
                    for (int j = 0; j < 4; j++) {
                        if (idx[1 + j] == r && r != 0) {
                            want += g[(o * 4 + j) * inner + i];
                        }
                    }
                    assertEquals(want, acc[(o * n + r) * inner + i], 1e-6f);
                }
            }
        }
    }

    @Test
    void gatherAndScatterAdd() {
        // src [3, 4, 5], index [2, 3, 2] along dim 1
        int[] st = {20, 5, 1};
        int[] dims = {2, 3, 2};
        int[] idx = new int[12];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = rng.nextInt(4);
        }
        float[] src = rand(60);
        float[] out = new float[12];
        k.index().gather(dims, 1, idx, src, 0, st, out, 0);
        float[] g = rand(12);
        float[] acc = new float[60];
        k.index().scatterAdd(dims, 1, idx, g, 0, acc, 0, st);
        float[] want = new float[60];
        for (int a = 0; a < 2; a++) {
            for (int b = 0; b < 3; b++) {
                for (int c = 0; c < 2; c++) {
                    int o = (a * 3 + b) * 2 + c;
                    int at = a * 20 + idx[o] * 5 + c;
                    assertEquals(src[at], out[o]);
                    want[at] += g[o];
                }
            }
        }
        assertArrayEquals(want, acc, 1e-6f);
    }

    @Test
    void maskedFillAndAccumulateWithBroadcastMask() {
        int[] dims = {2, 3};
        boolean[] mask = {false, true, true}; // [3], broadcast over rows
        int[] ms = {0, 1};
        float[] x = rand(6);
        float[] out = new float[6];
        k.index().maskedFill(dims, x, 0, mask, 0, ms, 7f, out, 0);
        float[] gy = rand(6);
        float[] gx = new float[6];
        k.index().maskedAccumulate(dims, gy, 0, mask, 0, ms, gx, 0);
        for (int r = 0; r < 2; r++) {
            for (int c = 0; c < 3; c++) {
                int o = r * 3 + c;
                assertEquals(mask[c] ? 7f : x[o], out[o]);
                assertEquals(mask[c] ? 0f : gy[o], gx[o]);
            }
        }
    }

    @Test
    void dropoutMask() {
        float[] u = {0.05f, 0.5f, 0.29f, 0.3f, 0.99f, 0f};
        k.elementwise().dropoutMask(5, 0.3f, 2f, u, 1);
        assertArrayEquals(new float[] {0.05f, 2f, 0f, 2f, 2f, 0f}, u);
    }
}
