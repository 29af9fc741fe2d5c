package org.rnn4j.kernel.simd;

import org.junit.jupiter.api.AfterEach;
import org.rnn4j.kernel.Kernels;
import org.rnn4j.kernel.KernelSet;
import org.rnn4j.kernel.Parallel;
import org.rnn4j.rand.Rng;

/**
 * What the differential tests of the vector kernels share: both implementations, a seeded
 * generator, arrays padded by {@link #OFF} on both sides (so offsets and overruns are exercised),
 * and the pool's thread count restored after each test.
 */
abstract class VectorVsScalar {
    /** Padding before and after the values of {@link #rand}. */
    static final int OFF = 3;
    final KernelSet scalar = KernelSet.scalar();
    final KernelSet vector = new VectorKernels().kernels();
    final Rng rng;
    private final int threadsBefore = Parallel.threads();

    VectorVsScalar(long seed) {
        this.rng = new Rng(seed);
    }

    @AfterEach
    void restoreThreads() {
        Parallel.setThreads(threadsBefore);
    }

    /** n + 2·OFF uniform values in [lo, hi): the n a test uses start at OFF, the rest is padding. */
    float[] rand(int n, float lo, float hi) {
        float[] a = new float[n + 2 * OFF];
        rng.fillUniform(a, lo, hi);
        return a;
    }
}
