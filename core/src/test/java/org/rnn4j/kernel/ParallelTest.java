package org.rnn4j.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;

import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link Parallel}: every task runs exactly once, failures surface, nesting does not deadlock, a call
 * allocates nothing, and a thread-count change while tasks run is safe.
 */
class ParallelTest {
    private final int before = Parallel.threads();

    @AfterEach
    void restore() {
        Parallel.setThreads(before);
    }

    @Test
    void everyTaskRunsOnceForAnyThreadCount() {
        for (int threads : new int[] {1, 2, 3, 5}) {
            Parallel.setThreads(threads);
            assertEquals(threads, Parallel.threads());
            for (int tasks : new int[] {0, 1, 2, 7, 100}) {
                AtomicIntegerArray runs = new AtomicIntegerArray(tasks);
                Parallel.forEach(tasks, runs::incrementAndGet);
                for (int i = 0; i < tasks; i++) {
                    assertEquals(1, runs.get(i), "task " + i + " of " + tasks + " with " + threads + " threads");
                }
            }
        }
    }

    @Test
    void nestedCallsRunInlineAndComplete() {
        Parallel.setThreads(2);
        AtomicIntegerArray runs = new AtomicIntegerArray(16);
        Parallel.forEach(4, outer -> Parallel.forEach(4, inner -> runs.incrementAndGet(outer * 4 + inner)));
        for (int i = 0; i < 16; i++) {
            assertEquals(1, runs.get(i));
        }
    }

    @Test
    void aTaskFailureIsRethrownToTheCaller() {
        Parallel.setThreads(3);
        IllegalStateException boom = new IllegalStateException("boom");
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> Parallel.forEach(10, i -> {
            if (i == 6) {
                throw boom;
            }
        }));
        assertSame(boom, thrown);
        AtomicIntegerArray runs = new AtomicIntegerArray(5); // the pool still works afterwards
        Parallel.forEach(5, runs::incrementAndGet);
        assertEquals(1, runs.get(4));
    }

    /** The job is handed to persistent workers through reused fields: no latch, queue node or wrapper per call. */
    @Test
    void aCallAllocatesNothingOnceWarm() {
        assumeTrue(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean,
                "needs per-thread allocation counters");
        com.sun.management.ThreadMXBean bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Parallel.setThreads(2);
        AtomicIntegerArray runs = new AtomicIntegerArray(4);
        java.util.function.IntConsumer task = runs::incrementAndGet; // made once, as a kernel's task would be
        long least = Long.MAX_VALUE;
        for (int i = 0; i < 200_000 && least > 0; i++) {
            long before = bean.getCurrentThreadAllocatedBytes();
            Parallel.forEach(4, task);
            least = Math.min(least, bean.getCurrentThreadAllocatedBytes() - before);
        }
        assertEquals(0, least, "bytes allocated by the caller of one forEach with 2 threads");
    }

    @Test
    void changingTheThreadCountWhileTasksRunIsSafe() {
        Parallel.setThreads(3);
        AtomicIntegerArray runs = new AtomicIntegerArray(8);
        Parallel.forEach(8, i -> {
            if (i == 0) {
                Parallel.setThreads(2); // from inside a task: the running job still finishes
            }
            runs.incrementAndGet(i);
        });
        for (int i = 0; i < 8; i++) {
            assertEquals(1, runs.get(i));
        }
        assertEquals(2, Parallel.threads());
        AtomicIntegerArray after = new AtomicIntegerArray(8);
        Parallel.forEach(8, after::incrementAndGet);
        for (int i = 0; i < 8; i++) {
            assertTrue(after.get(i) == 1, "task " + i + " after the change");
        }
    }

    @Test
    void threadCountMustBePositive() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Parallel.setThreads(0));
        assertEquals("threads: expected a count >= 1, got 0", e.getMessage());
    }
}
