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

/**
 * The weight gradients of one LSTM layer: {@code dW_ih += dAᵀ·X} and {@code dW_hh += dAᵀ·H}, as one
 * {@code gemmPair} (dA's transposing pack shared) or as two {@code gemm} calls. {@code shape} is
 * G·H × N × in × P: {@code 1024x6400x256x256} is W3's second layer (4H = 1024, T·B = 6400),
 * {@code 512x12800x256x128} one direction of W2's second layer. GFLOP/s = ops/s × 2·GH·N·(in + P) / 1e9.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
@State(Scope.Thread)
public class GemmPairBench {
    @Param({"1024x6400x256x256", "512x12800x256x128"})
    public String shape;
    @Param({"true", "false"})
    public boolean pair;
    @Param({"1"})
    public int threads;

    private KernelSet k;
    private int gh;
    private int rows;
    private int in;
    private int p;
    private float[] dA;
    private float[] x;
    private float[] h;
    private float[] dWih;
    private float[] dWhh;

    @Setup
    public void setup() {
        String[] d = shape.split("x");
        gh = Integer.parseInt(d[0]);
        rows = Integer.parseInt(d[1]);
        in = Integer.parseInt(d[2]);
        p = Integer.parseInt(d[3]);
        k = KernelChoice.use("vector", threads);
        Random r = new Random(1);
        dA = KernelChoice.uniform(r, rows * gh);
        x = KernelChoice.uniform(r, rows * in);
        h = KernelChoice.uniform(r, rows * p);
        dWih = new float[gh * in];
        dWhh = new float[gh * p];
    }

    @Benchmark
    public float[] weightGradients() {
        if (pair) {
            k.gemm().gemmPair(true, gh, rows, dA, 0, gh, in, x, 0, in, dWih, 0, in, p, h, 0, p, dWhh, 0, p, true);
        } else {
            k.gemm().gemm(true, false, gh, in, rows, dA, 0, gh, x, 0, in, dWih, 0, in, true);
            k.gemm().gemm(true, false, gh, p, rows, dA, 0, gh, h, 0, p, dWhh, 0, p, true);
        }
        return dWhh;
    }
}
