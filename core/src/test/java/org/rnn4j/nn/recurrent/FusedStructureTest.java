package org.rnn4j.nn.recurrent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.rnn4j.autograd.Var;
import org.rnn4j.kernel.Kernels;
import org.rnn4j.kernel.ElementwiseKernels;
import org.rnn4j.kernel.GemmKernels;
import org.rnn4j.kernel.KernelSet;
import org.rnn4j.kernel.RecurrentKernels;
import org.rnn4j.kernel.ScalarElementwiseKernels;
import org.rnn4j.kernel.ScalarGemmKernels;
import org.rnn4j.kernel.ScalarRecurrentKernels;
import org.rnn4j.rand.Rng;
import org.rnn4j.tensor.Tensor;

/**
 * The promises of the fused design, checked structurally (never by timing): one input GEMM for all
 * steps plus one recurrent GEMM and one gate kernel per step; backward one GEMM and one gate kernel per
 * step plus single all-step GEMMs for dX, dW_ih, dW_hh; and no allocation that grows with the number
 * of steps (the same rows split into many short or few long steps allocate the same).
 */
class FusedStructureTest {

    /**
     * Counts the kernels the fused layer calls (and still computes with the reference). Atomic: a
     * bidirectional layer calls kernels from two threads at once.
     */
    static final class Counting {
        final AtomicInteger gemm = new AtomicInteger();
        final AtomicInteger gatesForward = new AtomicInteger();
        final AtomicInteger gatesBackward = new AtomicInteger();

        final GemmKernels gemmKernels = new ScalarGemmKernels() {
            @Override
            public void gemm(boolean ta, boolean tb, int m, int n, int k, float[] a, int ao, int lda, float[] b, int bo,
                             int ldb, float[] c, int co, int ldc, boolean acc) {
                gemm.incrementAndGet();
                super.gemm(ta, tb, m, n, k, a, ao, lda, b, bo, ldb, c, co, ldc, acc);
            }
        };

        final RecurrentKernels recurrentKernels = new ScalarRecurrentKernels() {
            @Override
            public void lstmGatesForward(int rows, int hidden, float[] gates, int gOff, float[] cPrev, int cpOff,
                                         float[] cOut, int coOff, float[] tanhC, int tcOff, float[] h, int hOff) {
                gatesForward.incrementAndGet();
                super.lstmGatesForward(rows, hidden, gates, gOff, cPrev, cpOff, cOut, coOff, tanhC, tcOff, h, hOff);
            }

            @Override
            public void lstmGatesBackward(int rows, int hidden, float[] act, int aOff, float[] cPrev, int cpOff,
                                          float[] tanhC, int tcOff, float[] dh, int dhOff, float[] dc, int dcOff,
                                          float[] dGates, int dgOff) {
                gatesBackward.incrementAndGet();
                super.lstmGatesBackward(rows, hidden, act, aOff, cPrev, cpOff, tanhC, tcOff, dh, dhOff, dc, dcOff, dGates,
                        dgOff);
            }
        };

        KernelSet kernels() {
            return KernelSet.scalar().withGemm(gemmKernels).withRecurrent(recurrentKernels);
        }
    }

    @Test
    void oneInputGemmThenOneGemmAndOneGateKernelPerStep() {
        KernelSet previous = Kernels.get();
        Counting k = new Counting();
        Kernels.use(k.kernels());
        try {
            int steps = 7;
            LSTM lstm = new LSTM(3, 4, RecurrentOptions.DEFAULTS.withNumLayers(2).withBidirectional(true), new Rng(5));
            Var x = Support.random(new Rng(6), 1f, steps, 3, 3);
            // packed, unsorted: still 7 steps of the longest sequence
            PackedSequence p = Packing.packPaddedSequence(x, new int[] {3, 7, 2}, false, false);
            Var out = lstm.forward(p).out().data();
            int layerDirections = 4;
            assertEquals(layerDirections * (1 + steps), k.gemm.get(), "forward GEMMs");
            assertEquals(layerDirections * steps, k.gatesForward.get(), "forward gate kernels");
            k.gemm.set(0);
            out.backward(Tensor.ones(out.shape()));
            assertEquals(layerDirections * (steps + 3), k.gemm.get(), "backward GEMMs: one per step + dX, dW_ih, dW_hh");
            assertEquals(layerDirections * steps, k.gatesBackward.get(), "backward gate kernels");
        } finally {
            Kernels.use(previous);
        }
    }

    /** Stamps the thread's allocated-bytes counter at every gate kernel, forward and backward. */
    static final class Stamping {
        final com.sun.management.ThreadMXBean bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        final long[] stamps = new long[1024];
        int count;

        private void stamp() {
            stamps[count++] = bean.getCurrentThreadAllocatedBytes();
        }

        final RecurrentKernels recurrentKernels = new ScalarRecurrentKernels() {
            @Override
            public void lstmGatesForward(int rows, int hidden, float[] gates, int gOff, float[] cPrev, int cpOff,
                                         float[] cOut, int coOff, float[] tanhC, int tcOff, float[] h, int hOff) {
                stamp();
                super.lstmGatesForward(rows, hidden, gates, gOff, cPrev, cpOff, cOut, coOff, tanhC, tcOff, h, hOff);
            }

            @Override
            public void lstmGatesBackward(int rows, int hidden, float[] act, int aOff, float[] cPrev, int cpOff,
                                          float[] tanhC, int tcOff, float[] dh, int dhOff, float[] dc, int dcOff,
                                          float[] dGates, int dgOff) {
                stamp();
                super.lstmGatesBackward(rows, hidden, act, aOff, cPrev, cpOff, tanhC, tcOff, dh, dhOff, dc, dcOff, dGates,
                        dgOff);
            }

            @Override
            public void gruGatesForward(int rows, int hidden, float[] gates, int gOff, float[] gh, int ghOff, float[] bhn,
                                        int bhnOff, float[] hPrev, int hpOff, float[] hOut, int hoOff, float[] ghn,
                                        int ghnOff) {
                stamp();
                super.gruGatesForward(rows, hidden, gates, gOff, gh, ghOff, bhn, bhnOff, hPrev, hpOff, hOut, hoOff, ghn,
                        ghnOff);
            }

            @Override
            public void gruGatesBackward(int rows, int hidden, float[] act, int aOff, float[] ghn, int ghnOff,
                                         float[] hPrev, int hpOff, float[] dh, int dhOff, float[] dA, int daOff,
                                         float[] dGh, int dghOff, float[] dhPrev, int dhpOff) {
                stamp();
                super.gruGatesBackward(rows, hidden, act, aOff, ghn, ghnOff, hPrev, hpOff, dh, dhOff, dA, daOff, dGh,
                        dghOff, dhPrev, dhpOff);
            }

            @Override
            public void rnnGatesBackward(org.rnn4j.kernel.UnaryOp act, int n, float[] h, int hOff, float[] dh, int dhOff,
                                         float[] dy, int dyOff, float[] dPre, int dPreOff) {
                stamp();
                super.rnnGatesBackward(act, n, h, hOff, dh, dhOff, dy, dyOff, dPre, dPreOff);
            }
        };

        final ElementwiseKernels elementwiseKernels = new ScalarElementwiseKernels() {
            @Override
            public void unary(org.rnn4j.kernel.UnaryOp op, float[] x, int xOff, float[] out, int outOff, int n) {
                stamp(); // the simple RNN's forward gate kernel
                super.unary(op, x, xOff, out, outOff, n);
            }
        };

        KernelSet kernels() {
            return KernelSet.scalar().withRecurrent(recurrentKernels).withElementwise(elementwiseKernels);
        }
    }

    /**
     * Between two consecutive steps of a time loop (stamped at each step's gate kernel) not one byte
     * is allocated, forward and backward, packed input with projection included.
     */
    @Test
    void theTimeLoopsAllocateNothing() {
        assumeTrue(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean,
                "needs per-thread allocation counters");
        KernelSet previous = Kernels.get();
        try {
            for (CellKind kind : new CellKind[] {CellKind.LSTM, CellKind.GRU, CellKind.RNN_RELU}) {
                RecurrentOptions o = RecurrentOptions.DEFAULTS.withProjSize(kind == CellKind.LSTM ? 3 : 0);
                RecurrentLayer m = FusedVsComposedTest.layer(kind, 4, 8, o, new Rng(7));
                Var x = Support.random(new Rng(8), 1f, 20, 3, 4);
                int[] lengths = {20, 9, 14};
                for (int rep = 0; rep < 20; rep++) { // let the JIT settle; the last round is the one checked
                    Stamping k = new Stamping();
                    Kernels.use(k.kernels());
                    Var out = FusedVsComposedTest.runFused(m, x, lengths, true, null, null)[0];
                    int forwardSteps = k.count;
                    out.backward(Tensor.ones(out.shape()));
                    Kernels.use(previous);
                    if (rep < 19) {
                        continue;
                    }
                    assertEquals(40, k.count, kind + ": 20 forward + 20 backward steps");
                    for (int i = 1; i < k.count; i++) {
                        if (i == forwardSteps) {
                            continue; // between the forward and the backward loop
                        }
                        long bytes = k.stamps[i] - k.stamps[i - 1];
                        assertEquals(0, bytes, kind + ": " + bytes + " bytes allocated between step stamps " + (i - 1) + " and " + i);
                    }
                }
            }
        } finally {
            Kernels.use(previous);
        }
    }
}
