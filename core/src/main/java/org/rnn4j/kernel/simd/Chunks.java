package org.rnn4j.kernel.simd;

import org.rnn4j.kernel.Parallel;

/** Fixed splits of a kernel's work into parallel tasks: boundaries depend only on the size, never on the thread count. */
final class Chunks {

    /** Elements per parallel task of an elementwise kernel (a multiple of every vector length). */
    static final int CHUNK = 1 << 15;

    /** A range [from, to) of an elementwise kernel. */
    interface Range {
        void run(int from, int to);
    }

    static void chunks(int n, Range range) {
        if (n <= CHUNK) {
            range.run(0, n);
        } else {
            Parallel.forEach((n + CHUNK - 1) / CHUNK, t -> range.run(t * CHUNK, Math.min(n, (t + 1) * CHUNK)));
        }
    }

    /** Runs {@code rows} rows in fixed blocks of {@code per} rows, in parallel when there are several. */
    static void rowBlocks(int rows, int per, Range range) {
        if (rows <= per) {
            range.run(0, rows);
        } else {
            int tasks = (rows + per - 1) / per;
            Parallel.forEach(tasks, t -> range.run(t * per, Math.min(rows, (t + 1) * per)));
        }
    }

    private Chunks() {
    }
}
