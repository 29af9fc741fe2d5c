package org.rnn4j.kernel;

/** Holds the process-wide {@link Kernels}; starts with {@link ScalarKernels}. */
public final class KernelRegistry {
    private static volatile Kernels current = new ScalarKernels();

    private KernelRegistry() {
    }

    static Kernels current() {
        return current;
    }

    /** Replaces the kernels used from now on (e.g. to force the scalar reference). */
    public static void use(Kernels kernels) {
        current = java.util.Objects.requireNonNull(kernels, "kernels");
    }
}
