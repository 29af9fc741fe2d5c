package org.rnn4j.bench.kernels;

import org.rnn4j.kernel.KernelKind;
import org.rnn4j.kernel.KernelRegistry;
import org.rnn4j.kernel.Kernels;

/** Shared set-up of the kernel benchmarks: which kernels and how many threads, and their operands. */
final class KernelChoice {
    private KernelChoice() {
    }

    /** Switches the registry to {@code kind} ("vector" or "scalar") with {@code threads} threads. */
    static Kernels use(String kind, int threads) {
        KernelRegistry.use(KernelKind.valueOf(kind.toUpperCase(java.util.Locale.ROOT)));
        KernelRegistry.setThreads(threads);
        return Kernels.get();
    }

    /** n floats drawn uniformly from [-0.5, 0.5) by {@code r}: a benchmark's operand. */
    static float[] uniform(java.util.Random r, int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = r.nextFloat() - 0.5f;
        }
        return a;
    }
}
