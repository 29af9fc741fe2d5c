package org.rnn4j.bench.kernels;

import org.rnn4j.kernel.KernelKind;
import org.rnn4j.kernel.KernelRegistry;
import org.rnn4j.kernel.Kernels;

/** Shared set-up of the kernel benchmarks: which kernels and how many threads. */
final class KernelChoice {
    private KernelChoice() {
    }

    /** Switches the registry to {@code kind} ("vector" or "scalar") with {@code threads} threads. */
    static Kernels use(String kind, int threads) {
        KernelRegistry.use(KernelKind.valueOf(kind.toUpperCase(java.util.Locale.ROOT)));
        KernelRegistry.setThreads(threads);
        return Kernels.get();
    }
}
