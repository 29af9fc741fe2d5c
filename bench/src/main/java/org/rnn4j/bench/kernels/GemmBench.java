package org.rnn4j.bench.kernels;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
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

/**
 * SGEMM on the shapes LSTMs use. {@code shape} is M×K×N: {@code 64x256x1024} is one recurrent step
 * of W3 ([B, H] · W_hhᵀ, H = 256, 4H = 1024), {@code 6400x100x1024} its input projection over all
 * T·B = 6400 rows ([T·B, I] · W_ihᵀ). {@code form} names op(A), op(B): NT is the forward's
 * {@code x · Wᵀ} (B stored [N, K]), NN and TN the backward's forms on the same sizes.
 *
 * <p>GFLOP/s: the secondary score {@code gemm:flop} is floating-point operations per second
 * (2·M·N·K per call); divide by 1e9. Equivalently GFLOP/s = ops/s × 2·M·N·K / 1e9.
 * Compare with OpenBLAS on the same shape: {@code OPENBLAS_CORETYPE=SkylakeX}, 1 thread.
 *
 * <p>Variants to measure: {@code -p threads=1,2}.
 * {@link PackedGemmBench} measures the same products with B packed once beforehand.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
@State(Scope.Thread)
public class GemmBench {
    @Param({"64x256x1024", "6400x100x1024"})
    public String shape;
    @Param({"NT", "NN", "TN"})
    public String form;
    @Param({"vector"})
    public String kernels;
    @Param({"1"})
    public int threads;

    private KernelSet k;
    private int m;
    private int n;
    private int depth;
    private boolean transA;
    private boolean transB;
    private float[] a;
    private float[] b;
    private float[] c;

    /** Floating-point operations done, reported by JMH as a rate. */
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    @State(Scope.Thread)
    public static class Flops {
        public long flop;

        @Setup(Level.Iteration)
        public void reset() {
            flop = 0;
        }
    }

    @Setup
    public void setup() {
        String[] d = shape.split("x");
        m = Integer.parseInt(d[0]);
        depth = Integer.parseInt(d[1]);
        n = Integer.parseInt(d[2]);
        transA = form.charAt(0) == 'T';
        transB = form.charAt(1) == 'T';
        k = KernelChoice.use(kernels, threads);
        Random r = new Random(1);
        a = KernelChoice.uniform(r, m * depth);
        b = KernelChoice.uniform(r, depth * n);
        c = new float[m * n];
    }

    @Benchmark
    public float[] gemm(Flops flops) {
        k.gemm().gemm(transA, transB, m, n, depth, a, 0, transA ? m : depth, b, 0, transB ? depth : n, c, 0, n, false);
        flops.flop += 2L * m * n * depth;
        return c;
    }
}
