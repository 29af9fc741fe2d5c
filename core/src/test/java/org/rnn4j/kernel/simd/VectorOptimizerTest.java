package org.rnn4j.kernel.simd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * {@link VectorOptimizerKernels} against {@link org.rnn4j.kernel.ScalarOptimizerKernels}: Adam
 * bitwise over several steps, on odd sizes (tails, offsets) and sizes that span several parallel
 * chunks; and the reference against torch's formula.
 */
class VectorOptimizerTest extends VectorVsScalar {
    private static final int[] SIZES = {0, 1, 15, 16, 17, 33, 100, 2 * Chunks.CHUNK + 37};

    VectorOptimizerTest() {
        super(11);
    }

    @Test
    void adamUpdateIsBitwiseEqualOverSteps() {
        for (int n : SIZES) {
            for (double wd : new double[] {0, 0.01}) {
                float[] p1 = rand(n, -1f, 1f);
                float[] m1 = new float[p1.length];
                float[] v1 = new float[p1.length];
                float[] p2 = p1.clone();
                float[] m2 = m1.clone();
                float[] v2 = v1.clone();
                for (int step = 1; step <= 3; step++) {
                    float[] g = rand(n, -1f, 1f);
                    double stepSize = 1e-3 / (1 - Math.pow(0.9, step));
                    double bc2Sqrt = Math.sqrt(1 - Math.pow(0.999, step));
                    scalar.optimizer().adamUpdate(n, p1, g, m1, v1, null, OFF, 0.9, 0.999, 1e-8, wd, stepSize, bc2Sqrt, false);
                    vector.optimizer().adamUpdate(n, p2, g, m2, v2, null, OFF, 0.9, 0.999, 1e-8, wd, stepSize, bc2Sqrt, false);
                }
                assertArrayEquals(p1, p2, "p n=" + n);
                assertArrayEquals(m1, m2, "m n=" + n);
                assertArrayEquals(v1, v2, "v n=" + n);
            }
        }
    }

    @Test
    void adamReferenceFollowsTorchFormula() {
        // lr 0.1, first step, g = 0.5: m = 0.05, v = 0.00025, m̂ = 0.5, v̂ = 0.25 → p = 1 - 0.1·0.5/(0.5 + eps)
        float[] p = {1f};
        float[] m = {0f};
        float[] v = {0f};
        scalar.optimizer().adamUpdate(1, p, new float[] {0.5f}, m, v, null, 0, 0.9, 0.999, 1e-8, 0,
                0.1 / (1 - 0.9), Math.sqrt(1 - 0.999), false);
        assertEquals(0.05f, m[0], 1e-9f);
        assertEquals(0.00025f, v[0], 1e-10f);
        assertEquals(0.9f, p[0], 1e-6f);
    }
}
