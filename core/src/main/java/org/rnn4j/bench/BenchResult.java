package org.rnn4j.bench;

import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The timed chunks of one workload run and their summaries. Medians over chunks are the headline
 * figures (the mean of the two middle values for an even count); NaN entries (unknown CPU time) are
 * left out, and a summary of nothing is NaN.
 *
 * @param workload     which workload
 * @param itemsPerStep items per step
 * @param flopsPerItem FLOPs per item ({@link Flops})
 * @param settings     the protocol used
 * @param chunks       the timed chunks, in order
 * @param lastValue    what the last step returned (the loss of a training step)
 */
public record BenchResult(BenchWorkload workload, int itemsPerStep, double flopsPerItem, BenchSettings settings,
                          List<Chunk> chunks, double lastValue) {
    public BenchResult {
        chunks = List.copyOf(chunks);
        if (chunks.isEmpty()) {
            throw new IllegalArgumentException("bench result: expected at least one chunk, got none");
        }
    }

    /** Median items per wall-clock second. */
    public double medianThroughput() {
        return median(c -> c.throughput(itemsPerStep));
    }

    /** Best (highest) items per wall-clock second. */
    public double bestThroughput() {
        return chunks.stream().mapToDouble(c -> c.throughput(itemsPerStep)).max().orElseThrow();
    }

    /** Median items per second of the process's CPU time: the speed an uncontended run would approach. */
    public double medianCpuThroughput() {
        return median(c -> c.cpuThroughput(itemsPerStep));
    }

    /** GFLOP/s at the median wall-clock throughput. */
    public double gflops() {
        return medianThroughput() * flopsPerItem / 1e9;
    }

    /** GFLOP per second of CPU time at the median CPU throughput. */
    public double cpuGflops() {
        return medianCpuThroughput() * flopsPerItem / 1e9;
    }

    /** Median wall-clock milliseconds per step. */
    public double medianMsPerStep() {
        return median(Chunk::msPerStep);
    }

    /** Median process CPU time over wall time. */
    public double medianCpuShare() {
        return median(Chunk::cpuShare);
    }

    /** Median heap bytes allocated per step (NaN when unknown). */
    public double medianAllocatedBytesPerStep() {
        return median(Chunk::allocatedBytesPerStep);
    }

    /** Median share of the machine busy with other processes. */
    public double medianOtherCpuFraction() {
        return median(Chunk::otherCpuFraction);
    }

    private double median(ToDoubleFunction<Chunk> f) {
        return median(chunks.stream().mapToDouble(f).filter(v -> !Double.isNaN(v)).toArray());
    }

    /** The median of {@code values} (mean of the two middle ones for an even count), NaN if empty. */
    static double median(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] v = values.clone();
        Arrays.sort(v);
        int m = v.length / 2;
        return v.length % 2 == 1 ? v[m] : (v[m - 1] + v[m]) / 2;
    }
}
