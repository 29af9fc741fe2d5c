package org.rnn4j.kernel;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs {@link Kernels#prepare()} before the first test class of the test JVM, as the CLI and the
 * trainers do before any work: the compiler directives must be in place before any vector kernel
 * is compiled, or the garbage checks (KernelGarbageTest, SteadyStateAllocationTest, …) would see
 * whatever C2 made of kernels that earlier tests ran unprepared. Registered for every test class
 * through {@code META-INF/services} and {@code junit-platform.properties}; idempotent.
 */
public final class PreparedKernels implements BeforeAllCallback {
    @Override
    public void beforeAll(ExtensionContext context) {
        Kernels.prepare();
    }
}
