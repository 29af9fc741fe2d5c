package org.rnn4j.bench;

/**
 * One timed chunk of steps.
 *
 * @param steps            steps run
 * @param wallNanos        wall-clock time
 * @param cpuNanos         CPU time of this process (all threads) meanwhile, or -1 when unknown
 * @param otherCpuFraction share of the machine's cores busy with other processes meanwhile
 *                         (0..1), or NaN when unknown
 * @param allocatedBytes   heap bytes the process's threads allocated meanwhile, or -1 when unknown
 */
public record Chunk(int steps, long wallNanos, long cpuNanos, double otherCpuFraction, long allocatedBytes) {
    public Chunk {
        if (steps < 1 || wallNanos <= 0) {
            throw new IllegalArgumentException("bench chunk: expected steps >= 1 and wall time > 0, got "
                    + steps + " steps in " + wallNanos + " ns");
        }
    }

    /** Items per wall-clock second. */
    public double throughput(int itemsPerStep) {
        return (double) itemsPerStep * steps / (wallNanos * 1e-9);
    }

    /** Items per second of this process's CPU time, or NaN when unknown. */
    public double cpuThroughput(int itemsPerStep) {
        return cpuNanos > 0 ? (double) itemsPerStep * steps / (cpuNanos * 1e-9) : Double.NaN;
    }

    /** Milliseconds of wall-clock time per step. */
    public double msPerStep() {
        return wallNanos * 1e-6 / steps;
    }

    /** Process CPU time over wall time (about 1 for one busy thread on an idle core), or NaN. */
    public double cpuShare() {
        return cpuNanos >= 0 ? (double) cpuNanos / wallNanos : Double.NaN;
    }

    /**
     * Heap bytes allocated per step, or NaN when unknown: near zero for a training step in its workspace
     * once the JIT has compiled the kernels; megabytes mean arrays are back, or vector code running as
     * the Vector API's boxed Java fallback.
     */
    public double allocatedBytesPerStep() {
        return allocatedBytes >= 0 ? (double) allocatedBytes / steps : Double.NaN;
    }
}
