package org.rnn4j.kernel;

/**
 * An implementation of the kernel families that needs the Vector API: {@link Kernels} loads it by
 * name only when {@code jdk.incubator.vector} is present, so that nothing else links against it.
 */
public interface KernelProvider {
    /** A fresh set of this implementation's kernels. */
    KernelSet kernels();

    /**
     * Gets the kernels ready to run fast (compiler directives, a warm-up); called once by
     * {@link Kernels#prepare()}. Computes nothing that is kept.
     */
    void prepare(KernelConfig config);

    /** What it is, for {@link Kernels#describe()}: e.g. {@code "vector kernels (16 float lanes, …)"}. */
    String describe();
}
