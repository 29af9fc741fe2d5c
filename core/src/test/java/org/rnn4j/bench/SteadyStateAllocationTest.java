package org.rnn4j.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rnn4j.kernel.Parallel;
import org.rnn4j.testutil.StepAllocation;
import org.rnn4j.testutil.StepAllocation.StepBytes;

/**
 * Issue 5, "no garbage in the steady state": once warmed up, a W3 training step (zero grads,
 * forward, CrossEntropy, backward, Adam) allocates no arrays — counted in bytes by the JVM's
 * per-thread allocation counters, for the stepping thread and for the kernel workers.
 *
 * <p>The W3 model at a small shape (vocabulary 1,000, embedding 40, hidden 64, batch 16, seq 8; a
 * step takes well under a millisecond): its embedding (40,000 values) is above one elementwise chunk,
 * so with 2 threads the Adam update goes through {@link Parallel} and the workers are exercised.
 *
 * <p>The bound, {@value #BOUND} bytes: a step still creates small objects whose number depends on the
 * graph and the number of kernel calls (seq × layers), never on batch or width — a {@code Var}, a
 * backward lambda and a {@code Tensor} header per operation, a task lambda per vector-kernel call, the
 * backward pass's visit order: about 6 KB with the scalar kernels and 10–30 KB with the vector kernels
 * at this shape. The arrays the step allocated before the workspace were ~1.1 MB per step here (each
 * LSTM layer's gates alone are 128 KB, its saved states 32 KB each, the embedding output 20 KB), so
 * any one of the large ones coming back breaks the bound.
 *
 * <p>Counted by {@link StepAllocation}: steps run until one allocates less than a quarter of the bound (at
 * most {@link #MAX_STEPS}), and the least is checked.
 */
class SteadyStateAllocationTest {
    private static final int WARMUP_STEPS = 300;
    private static final int MAX_STEPS = 4_000;
    /** Bytes per step (caller + workers) that the graph's small objects may take; arrays would not fit. */
    static final long BOUND = 48 * 1024;

    private final int threadsBefore = Parallel.threads();

    @AfterEach
    void restoreThreads() {
        Parallel.setThreads(threadsBefore);
    }

    /** The least allocation of one step of {@code w} after warm-up: steps run until one is well within {@link #BOUND}. */
    static StepBytes leastPerStep(Workload w) {
        return StepAllocation.leastPerStep(w::step, WARMUP_STEPS, MAX_STEPS, BOUND / 4);
    }

    static Workload smallW3() {
        return TextWorkload.create(BenchWorkload.W3, org.rnn4j.nn.recurrent.CellKind.LSTM, new TextWorkload.Dims(1_000, 40, 64), 16, 8);
    }

    private static void assertQuiet(int threads) {
        Parallel.setThreads(threads);
        StepBytes s = leastPerStep(smallW3());
        System.out.println("W3 (small) steady-state step, " + threads + " kernel thread(s): " + s.caller()
                + " bytes on the caller, " + s.workers() + " on the workers");
        assertTrue(s.total() <= BOUND, "a W3 step allocates " + s.caller() + " bytes on the caller and " + s.workers()
                + " on the kernel workers, more than the " + BOUND + " the graph's small objects need: arrays are back");
    }

    @Test
    void w3StepAllocatesNoArraysWithOneThread() {
        assertQuiet(1);
    }

    @Test
    void w3StepAllocatesNoArraysWithTwoThreads() {
        assertQuiet(2);
    }

    /**
     * W4's forward-only step runs in a workspace too: at batch 8 and 12 steps a pass without it
     * allocated 10.7 MB (each layer's packed W_hhᵀ is 4 MB, its gates [96, 2048] 786 KB), with it a few KB.
     */
    @Test
    void w4InferenceStepAllocatesNoArrays() {
        Parallel.setThreads(1);
        StepBytes s = leastPerStep(LstmInferenceWorkload.create(BenchWorkload.W4B32, 32, new BenchScale(8, 12)));
        assertTrue(s.total() <= BOUND, "a W4 inference step allocates " + s.total() + " bytes, more than " + BOUND
                + ": arrays are back");
    }
}
