package org.rnn4j.bench.kernels;

import org.rnn4j.kernel.KernelKind;
import org.rnn4j.kernel.Kernels;
import org.rnn4j.kernel.KernelSet;

/** Shared set-up of the kernel benchmarks: which kernels and how many threads, and their operands. */
final class KernelChoice {
    private KernelChoice() {
    }

    /** Switches the registry to {@code kind} ("vector" or "scalar") with {@code threads} threads. */
    static KernelSet use(String kind, int threads) {
        Kernels.use(KernelKind.valueOf(kind.toUpperCase(java.util.Locale.ROOT)));
        Kernels.setThreads(threads);
        Kernels.prepare();
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
