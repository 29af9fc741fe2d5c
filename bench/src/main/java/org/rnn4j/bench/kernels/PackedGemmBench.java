package org.rnn4j.bench.kernels;

import java.util.Random;
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
import org.rnn4j.kernel.KernelSet;
import org.rnn4j.kernel.PackedB;

/**
 * The recurrent step's product with the weight packed once ({@code Kernels.packB}), as an LSTM
 * forward can do for all T steps: {@code shape} M×K×N, B = Wᵀ (stored [N, K]). Secondary score
 * {@code gemm:flop} is FLOP/s, as in {@link GemmBench}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
@State(Scope.Thread)
public class PackedGemmBench {
    @Param({"64x256x1024", "1x512x2048", "32x512x2048"})
    public String shape;
    @Param({"vector"})
    public String kernels;
    @Param({"1"})
    public int threads;

    private KernelSet k;
    private int m;
    private float[] a;
    private float[] c;
    private PackedB w;
    private long flopPerCall;

    @Setup
    public void setup() {
        String[] d = shape.split("x");
        m = Integer.parseInt(d[0]);
        int depth = Integer.parseInt(d[1]);
        int n = Integer.parseInt(d[2]);
        k = KernelChoice.use(kernels, threads);
        Random r = new Random(3);
        a = KernelChoice.uniform(r, m * depth);
        float[] b = KernelChoice.uniform(r, n * depth);
        c = new float[m * n];
        w = k.gemm().packB(true, depth, n, b, 0, depth);
        flopPerCall = 2L * m * n * depth;
    }

    @Benchmark
    public float[] gemm(GemmBench.Flops flops) {
        k.gemm().gemmPacked(false, m, a, 0, w.k(), w, c, 0, w.n(), false);
        flops.flop += flopPerCall;
        return c;
    }
}
