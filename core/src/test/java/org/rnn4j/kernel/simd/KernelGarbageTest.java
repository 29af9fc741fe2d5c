package org.rnn4j.kernel.simd;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;
import org.rnn4j.kernel.Kernels;
import org.rnn4j.rand.Rng;

/**
 * Vector code that C2 fails to keep in registers boxes every vector on the heap: the result is still
 * right, only ~6x slower and full of garbage. That cannot be seen by a differential test, so these
 * tests call a kernel until the JIT has compiled it and then require a call that allocates (almost)
 * nothing. A kernel that boxes allocates kilobytes on every call forever, so the loop below never
 * ends early and the test fails; a healthy kernel passes as soon as it is compiled.
 */
class KernelGarbageTest {
    private static final int MAX_CALLS = 20_000;
    /** Small objects per call are fine (a task lambda, the pool's latch); a boxed vector loop is ~80 KB. */
    private static final long BOUND = 2_048;

    interface Call {
        void run();
    }

    static long leastAllocation(Call call) {
        assumeTrue(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean,
                "needs per-thread allocation counters");
        com.sun.management.ThreadMXBean bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long least = Long.MAX_VALUE;
        for (int i = 0; i < MAX_CALLS && least > BOUND / 4; i++) {
            long before = bean.getCurrentThreadAllocatedBytes();
            call.run();
            least = Math.min(least, bean.getCurrentThreadAllocatedBytes() - before);
        }
        return least;
    }

    private static float[] random(Rng rng, int n) {
        float[] a = new float[n];
        rng.fillUniform(a, -1f, 1f);
        return a;
    }

    /** The accumulate path of the micro-kernel (C += chain), reached by k > KC and by accumulate = true. */
    @Test
    void accumulatingGemmAllocatesNothingOnceCompiled() {
        Kernels k = new VectorKernels();
        Rng rng = new Rng(1);
        int m = 16;
        int n = 2 * VectorGemm.NR;
        int depth = VectorGemm.KC + 44;
        float[] a = random(rng, m * depth);
        float[] b = random(rng, depth * n);
        float[] c = new float[m * n];
        long least = leastAllocation(() -> k.gemm(false, false, m, n, depth, a, 0, depth, b, 0, n, c, 0, n, true));
        assertTrue(least <= BOUND, "gemm with k > KC: at least " + least + " bytes per call");
    }
}
