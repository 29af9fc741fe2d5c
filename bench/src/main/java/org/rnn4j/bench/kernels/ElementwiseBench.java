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
import org.rnn4j.kernel.UnaryOp;

/**
 * Elementwise kernels on 1M floats (2^20): tanh and sigmoid forward, axpy. Scores are calls per
 * second; elements per second = score × 2^20.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
@State(Scope.Thread)
public class ElementwiseBench {
    static final int N = 1 << 20;

    @Param({"vector", "scalar"})
    public String kernels;
    @Param({"1"})
    public int threads;

    private KernelSet k;
    private float[] x;
    private float[] y;

    @Setup
    public void setup() {
        k = KernelChoice.use(kernels, threads);
        Random r = new Random(2);
        x = new float[N];
        y = new float[N];
        for (int i = 0; i < N; i++) {
            x[i] = (float) (r.nextGaussian() * 3);
            y[i] = r.nextFloat();
        }
    }

    @Benchmark
    public float[] tanh() {
        k.elementwise().unary(UnaryOp.TANH, x, 0, y, 0, N);
        return y;
    }

    @Benchmark
    public float[] sigmoid() {
        k.elementwise().unary(UnaryOp.SIGMOID, x, 0, y, 0, N);
        return y;
    }

    @Benchmark
    public float[] axpy() {
        k.elementwise().axpy(N, 1e-3f, x, 0, y, 0);
        return y;
    }
}
