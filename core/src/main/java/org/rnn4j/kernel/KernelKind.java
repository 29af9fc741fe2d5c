package org.rnn4j.kernel;

/** Which implementation of {@link Kernels} to use. */
public enum KernelKind {
    /** The scalar references ({@link KernelSet#scalar()}): plain Java loops, the readable reference; works on every JVM. */
    SCALAR,
    /**
     * {@code org.rnn4j.kernel.simd.VectorKernels}: the Vector API ({@code jdk.incubator.vector}),
     * cache-blocked multi-threaded GEMM. Needs {@code --add-modules jdk.incubator.vector} at run time.
     */
    VECTOR
}
