package org.rnn4j.kernel.simd;

import static org.rnn4j.kernel.simd.Chunks.rowBlocks;

import org.rnn4j.kernel.Parallel;
import org.rnn4j.kernel.ScalarRecurrentKernels;
import org.rnn4j.kernel.UnaryOp;

/**
 * {@link org.rnn4j.kernel.RecurrentKernels} on the Vector API: the per-row loops of
 * {@link VectorRecurrent} and {@link VectorActivations}, rows split into fixed blocks across the
 * kernel threads (rows are independent: any split is exact). The backward kernels are bitwise equal
 * to the reference, the forward within the activations' ulp bounds.
 */
public class VectorRecurrentKernels extends ScalarRecurrentKernels {

    /** Elements per task of the per-row recurrent kernels (rows are independent: any split is exact). */
    static final int ROW_TASK = 1 << 14;

    /** Rows per parallel task of a per-row recurrent kernel: about {@link #ROW_TASK} elements. */
    private static int rowsPerTask(int width) {
        return Math.max(1, ROW_TASK / Math.max(1, width));
    }

    @Override
    public void addBiasRows(int rows, int cols, float[] bias, int bOff, float[] out, int outOff, int ld) {
        rowBlocks(rows, rowsPerTask(cols), (lo, hi) ->
                VectorRecurrent.addBiasRows(hi - lo, cols, bias, bOff, out, outOff + lo * ld, ld));
    }

    /**
     * Below this many elements {@link #sumRowsAdd} runs on the calling thread: a recurrent layer sums
     * each step's gate gradients ([B, G·H], e.g. [64, 1024] or [32, 2048]) at every step, and handing
     * such a small sum to the pool costs more than it saves.
     */
    static final long SUM_PARALLEL_MIN = 1L << 18;

    /** Columns per task of {@link #sumRowsAdd} (each column's sum runs over all rows in order). */
    static final int SUM_COLUMNS = 256;

    private static final ThreadLocal<float[]> SUM_ACC = ThreadLocal.withInitial(() -> new float[SUM_COLUMNS]);

    @Override
    public void sumRowsAdd(int rows, int cols, float[] src, int srcOff, int ld, float[] dst, int dstOff) {
        int tasks = (cols + SUM_COLUMNS - 1) / SUM_COLUMNS;
        Chunks.Range range = (lo, hi) -> {
            for (int t = lo; t < hi; t++) {
                int c0 = t * SUM_COLUMNS;
                VectorRecurrent.sumRowsAdd(rows, c0, Math.min(cols, c0 + SUM_COLUMNS), src, srcOff, ld, dst, dstOff,
                        SUM_ACC.get());
            }
        };
        if (tasks == 1 || (long) rows * cols < SUM_PARALLEL_MIN) {
            range.run(0, tasks);
        } else {
            Parallel.forEach(tasks, t -> range.run(t, t + 1));
        }
    }

    @Override
    public void rnnGatesBackward(UnaryOp act, int n, float[] h, int hOff, float[] dh, int dhOff,
                                 float[] dy, int dyOff, float[] dPre, int dPreOff) {
        if (act != UnaryOp.TANH && act != UnaryOp.RELU) {
            super.rnnGatesBackward(act, n, h, hOff, dh, dhOff, dy, dyOff, dPre, dPreOff);
            return;
        }
        boolean tanh = act == UnaryOp.TANH;
        rowBlocks(n, ROW_TASK, (lo, hi) -> VectorRecurrent.rnnBackward(tanh, hi - lo, h, hOff + lo, dh, dhOff + lo,
                dy, dyOff + lo, dPre, dPreOff + lo));
    }

    @Override
    public void lstmGatesForward(int rows, int hidden, float[] gates, int gOff, float[] cPrev, int cpOff,
                                 float[] cOut, int coOff, float[] tanhC, int tcOff, float[] h, int hOff) {
        int g4 = 4 * hidden;
        rowBlocks(rows, rowsPerTask(g4), (lo, hi) -> {
            for (int r = lo; r < hi; r++) {
                int gr = gOff + r * g4;
                int sr = r * hidden;
                VectorActivations.sigmoid(gates, gr, gates, gr, 2 * hidden);                    // i, f
                VectorActivations.tanh(gates, gr + 2 * hidden, gates, gr + 2 * hidden, hidden); // g
                VectorActivations.sigmoid(gates, gr + 3 * hidden, gates, gr + 3 * hidden, hidden); // o
                VectorRecurrent.lstmCell(hidden, gates, gr, cPrev, cpOff + sr, cOut, coOff + sr, tanhC, tcOff + sr,
                        h, hOff + sr);
            }
        });
    }

    @Override
    public void lstmGatesBackward(int rows, int hidden, float[] act, int aOff, float[] cPrev, int cpOff,
                                  float[] tanhC, int tcOff, float[] dh, int dhOff, float[] dc, int dcOff,
                                  float[] dGates, int dgOff) {
        int g4 = 4 * hidden;
        rowBlocks(rows, rowsPerTask(g4), (lo, hi) -> {
            for (int r = lo; r < hi; r++) {
                int sr = r * hidden;
                VectorRecurrent.lstmBackwardRow(hidden, act, aOff + r * g4, cPrev, cpOff + sr, tanhC, tcOff + sr,
                        dh, dhOff + sr, dc, dcOff + sr, dGates, dgOff + r * g4);
            }
        });
    }

    @Override
    public void gruGatesForward(int rows, int hidden, float[] gates, int gOff, float[] gh, int ghOff,
                                float[] bhn, int bhnOff, float[] hPrev, int hpOff, float[] hOut, int hoOff,
                                float[] ghn, int ghnOff) {
        int g3 = 3 * hidden;
        rowBlocks(rows, rowsPerTask(g3), (lo, hi) -> {
            for (int r = lo; r < hi; r++) {
                int gr = gOff + r * g3;
                int hr = ghOff + r * g3;
                int sr = r * hidden;
                VectorActivations.sigmoidOfSum(gates, gr, gh, hr, 2 * hidden); // r, z
                VectorRecurrent.gruCell(hidden, gates, gr, gh, hr, bhn, bhnOff, hPrev, hpOff + sr, hOut, hoOff + sr,
                        ghn, ghnOff + sr);
            }
        });
    }

    @Override
    public void gruGatesBackward(int rows, int hidden, float[] act, int aOff, float[] ghn, int ghnOff,
                                 float[] hPrev, int hpOff, float[] dh, int dhOff, float[] dA, int daOff,
                                 float[] dGh, int dghOff, float[] dhPrev, int dhpOff) {
        int g3 = 3 * hidden;
        rowBlocks(rows, rowsPerTask(g3), (lo, hi) -> {
            for (int r = lo; r < hi; r++) {
                int sr = r * hidden;
                VectorRecurrent.gruBackwardRow(hidden, act, aOff + r * g3, ghn, ghnOff + sr, hPrev, hpOff + sr,
                        dh, dhOff + sr, dA, daOff + r * g3, dGh, dghOff + r * g3, dhPrev, dhpOff + sr);
            }
        });
    }
}
