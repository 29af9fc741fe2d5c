package org.rnn4j.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.rnn4j.kernel.Kernels;

/**
 * The workloads of {@code rnn4j bench} ({@link BenchWorkload}) under JMH: the same models, data and
 * step. Scores are steps per second; items per second = score × items per step (1 for W1, W4b1 and
 * W5sample, 64 for W2/W3/W3g, 32 for W4b32, 4096 for W5train). Never run by the build; e.g.
 * {@code java --add-modules jdk.incubator.vector -jar bench/target/benchmarks.jar WorkloadBench -p workload=W3}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 10)
@Measurement(iterations = 3, time = 10)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xms2g", "-Xmx2g"})
public class WorkloadBench {
    @Param({"W1", "W2", "W3", "W3g", "W4b1", "W4b32", "W5train", "W5sample"})
    public String workload;
    @Param({"1"})
    public int threads;

    private Workload w;

    @Setup
    public void setup() {
        Kernels.setThreads(threads);
        Kernels.prepare();
        w = BenchWorkload.parse(workload).create(BenchScale.FULL);
    }

    @Benchmark
    public double step() {
        return w.step();
    }
}
