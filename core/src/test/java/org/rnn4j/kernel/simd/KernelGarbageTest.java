package org.rnn4j.kernel.simd;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rnn4j.kernel.BinaryOp;
import org.rnn4j.kernel.KernelConfig;
import org.rnn4j.kernel.Kernels;
import org.rnn4j.kernel.KernelSet;
import org.rnn4j.kernel.UnaryOp;
import org.rnn4j.rand.Rng;

/**
 * Vector code that C2 fails to keep in registers boxes every vector on the heap: the result is still
 * right, only ~6x slower and full of garbage. That cannot be seen by a differential test, so these
 * tests call a kernel until the JIT has compiled it and then require a call that allocates (almost)
 * nothing. A kernel that boxes allocates kilobytes on every call forever, so the loop below never
 * ends early and the test fails; a healthy kernel passes as soon as it is compiled.
 */
class KernelGarbageTest {
    private static final int MAX_CALLS = 400_000;
    /** Small objects per call are fine (a task lambda); a boxed vector loop is ~80 KB. */
    private static final long BOUND = 2_048;

    interface Call {
        void run();
    }

    static long leastAllocation(Call call) {
        assumeTrue(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean,
                "needs per-thread allocation counters");
        com.sun.management.ThreadMXBean bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long least = Long.MAX_VALUE;
        for (int i = 0; i < MAX_CALLS && least > BOUND / 4; i++) {
            long before = bean.getCurrentThreadAllocatedBytes();
            call.run();
            least = Math.min(least, bean.getCurrentThreadAllocatedBytes() - before);
        }
        return least;
    }

    /** Fails unless some call of {@code call}, once compiled, allocates at most {@link #BOUND} bytes. */
    static void assertQuiet(String what, Call call) {
        long least = leastAllocation(call);
        assertTrue(least <= BOUND, what + ": at least " + least + " bytes per call");
    }

    private static float[] random(Rng rng, int n) {
        float[] a = new float[n];
        rng.fillUniform(a, -1f, 1f);
        return a;
    }

    /** As the CLI and the trainers do: directives and GEMM warm-up before any kernel runs hot. */
    @BeforeAll
    static void prepare() {
        new VectorKernels().prepare(KernelConfig.current());
    }

    /** The accumulate path of the micro-kernel (C += chain), reached by k > KC and by accumulate = true. */
    @Test
    void accumulatingGemmAllocatesNothingOnceCompiled() {
        KernelSet k = new VectorKernels().kernels();
        Rng rng = new Rng(1);
        int m = 16;
        int n = 2 * VectorGemm.NR;
        int depth = VectorGemm.KC + 44;
        float[] a = random(rng, m * depth);
        float[] b = random(rng, depth * n);
        float[] c = new float[m * n];
        assertQuiet("gemm with k > KC", () -> k.gemm().gemm(false, false, m, n, depth, a, 0, depth, b, 0, n, c, 0, n, true));
    }

    /** The unpacked few-rows path, both layouts of B, overwrite and accumulate. */
    @Test
    void smallGemmAllocatesNothingOnceCompiled() {
        KernelSet k = new VectorKernels().kernels();
        Rng rng = new Rng(2);
        int n = 4 * VectorGemm.L + 5;
        int depth = 2 * VectorGemm.L + 3;
        float[] a = random(rng, 3 * depth);
        float[] b = random(rng, depth * n);
        float[] c = new float[3 * n];
        for (boolean transB : new boolean[] {false, true}) {
            for (boolean acc : new boolean[] {false, true}) {
                int ldb = transB ? depth : n;
                assertQuiet("small gemm transB=" + transB + " accumulate=" + acc, () -> k.gemm().gemm(false, transB, 3, n, depth, a, 0, depth, b, 0, ldb, c, 0, n, acc));
            }
        }
    }

    @Test
    void activationsAllocateNothingOnceCompiled() {
        KernelSet k = new VectorKernels().kernels();
        Rng rng = new Rng(3);
        int n = 5 * VectorGemm.L + 3;
        float[] x = random(rng, n);
        float[] y = new float[n];
        float[] g = new float[n];
        for (UnaryOp op : new UnaryOp[] {
                UnaryOp.TANH, UnaryOp.SIGMOID, UnaryOp.EXP}) {
            assertQuiet(op.toString(), () -> k.elementwise().unary(op, x, 0, y, 0, n));
            assertQuiet(op + " backward", () -> k.elementwise().unaryBackwardAdd(op, x, 0, y, 0, x, 0, g, 0, n));
        }
    }

    @Test
    void adamAndFlushAllocateNothingOnceCompiled() {
        KernelSet k = new VectorKernels().kernels();
        Rng rng = new Rng(4);
        int n = 5 * VectorGemm.L + 3;
        float[] p = random(rng, n);
        float[] g = random(rng, n);
        float[] m = new float[n];
        float[] v = new float[n];
        assertQuiet("adam", () -> k.optimizer().adamUpdate(n, p, g, m, v, null, 0, 0.9, 0.999, 1e-8, 0, 1e-3, 0.5, false));
        assertQuiet("flushDenormals", () -> k.elementwise().flushDenormals(g, 0, n));
    }

    @Test
    void arithmeticAllocatesNothingOnceCompiled() {
        KernelSet k = new VectorKernels().kernels();
        Rng rng = new Rng(5);
        int n = 5 * VectorGemm.L + 3;
        float[] a = random(rng, n);
        float[] b = random(rng, n);
        float[] out = new float[n];
        for (BinaryOp op : BinaryOp.values()) {
            assertQuiet(op.toString(), () -> k.elementwise().binary(op, a, 0, b, 0, out, 0, n));
            assertQuiet(op + " add", () -> k.elementwise().binaryAdd(op, a, 0, b, 0, out, 0, n));
            assertQuiet(op + " scalar", () -> k.elementwise().binaryScalar(op, a, 0, 1.5f, out, 0, n));
        }
        assertQuiet("axpy", () -> k.elementwise().axpy(n, 0.5f, a, 0, out, 0));
        assertQuiet("relu backward", () -> k.elementwise().unaryBackwardAdd(UnaryOp.RELU, a, 0, b, 0, a, 0, out, 0, n));
    }

    @Test
    void recurrentKernelsAllocateNothingOnceCompiled() {
        KernelSet k = new VectorKernels().kernels();
        Rng rng = new Rng(6);
        int rows = 3;
        int hidden = 2 * VectorGemm.L + 5; // whole vectors and a tail
        float[] g4 = random(rng, rows * 4 * hidden);
        float[] st = random(rng, rows * hidden);
        float[] c = random(rng, rows * hidden);
        float[] t = new float[rows * hidden];
        float[] h = new float[rows * hidden];
        float[] bias = random(rng, 4 * hidden);
        float[] sums = new float[4 * hidden];
        float[] dg = new float[rows * 4 * hidden];
        float[] g3 = random(rng, rows * 3 * hidden);
        float[] gh = random(rng, rows * 3 * hidden);
        float[] dGh = new float[rows * 3 * hidden];
        Call[] calls = {
            () -> k.recurrent().addBiasRows(rows, 4 * hidden, bias, 0, g4, 0, 4 * hidden),
            () -> k.recurrent().sumRowsAdd(rows, 4 * hidden, g4, 0, 4 * hidden, sums, 0),
            () -> k.recurrent().lstmGatesForward(rows, hidden, g4, 0, st, 0, c, 0, t, 0, h, 0),
            () -> k.recurrent().lstmGatesBackward(rows, hidden, g4, 0, st, 0, t, 0, h, 0, c, 0, dg, 0),
            () -> k.recurrent().gruGatesForward(rows, hidden, g3, 0, gh, 0, bias, 0, st, 0, h, 0, t, 0),
            () -> k.recurrent().gruGatesForward(rows, hidden, g3, 0, gh, 0, null, 0, st, 0, h, 0, t, 0),
            () -> k.recurrent().gruGatesBackward(rows, hidden, g3, 0, t, 0, st, 0, h, 0, gh, 0, dGh, 0, c, 0),
            () -> k.recurrent().rnnGatesBackward(UnaryOp.TANH, rows * hidden, st, 0, h, 0, c, 0, t, 0),
        };
        String[] names = {"addBiasRows", "sumRowsAdd", "lstmGatesForward", "lstmGatesBackward",
            "gruGatesForward", "gruGatesForward without b_hn", "gruGatesBackward", "rnnGatesBackward"};
        for (int i = 0; i < calls.length; i++) {
            assertQuiet(names[i], calls[i]);
        }
    }
}
