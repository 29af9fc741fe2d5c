package org.rnn4j.testutil;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;

/**
 * Counts the heap bytes one step of a loop allocates, on the calling thread and on the kernel
 * workers ({@code rnn4j-kernel-*}), with the JVM's per-thread allocation counters.
 *
 * <p>After {@code warmup} steps, steps run until one allocates at most {@code quiet} bytes (at most
 * {@code maxSteps}), and the least is returned: an allocation that happens in every step is in every
 * step, while JIT compilation still going on after the warm-up (or a GC in one step) cannot make a
 * test flaky.
 */
public final class StepAllocation {
    private StepAllocation() {
    }

    /** Allocated bytes of the calling thread and of the kernel workers in one step. */
    public record StepBytes(long caller, long workers) {
        public long total() {
            return caller + workers;
        }
    }

    /** The least allocation of one {@code step} after {@code warmup} steps; skips the test without per-thread counters. */
    public static StepBytes leastPerStep(Runnable step, int warmup, int maxSteps, long quiet) {
        assumeTrue(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean,
                "needs per-thread allocation counters");
        com.sun.management.ThreadMXBean bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assumeTrue(bean.isThreadAllocatedMemorySupported() && bean.isThreadAllocatedMemoryEnabled(),
                "needs per-thread allocation counters");
        for (int i = 0; i < warmup; i++) {
            step.run();
        }
        long[] workers = workerIds(); // the pool exists after warm-up
        long[] workerBefore = new long[workers.length];
        long[] workerAfter = new long[workers.length];
        StepBytes least = null;
        for (int i = 0; i < maxSteps && (least == null || least.total() > quiet); i++) {
            workerSum(bean, workers, workerBefore);
            long before = bean.getCurrentThreadAllocatedBytes();
            step.run();
            long caller = bean.getCurrentThreadAllocatedBytes() - before;
            workerSum(bean, workers, workerAfter);
            long byWorkers = 0;
            for (int k = 0; k < workers.length; k++) {
                byWorkers += workerAfter[k] - workerBefore[k];
            }
            StepBytes s = new StepBytes(caller, byWorkers);
            if (least == null || s.total() < least.total()) {
                least = s;
            }
        }
        return least;
    }

    private static long[] workerIds() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("rnn4j-kernel-"))
                .mapToLong(Thread::getId)
                .toArray();
    }

    private static void workerSum(com.sun.management.ThreadMXBean bean, long[] ids, long[] into) {
        for (int k = 0; k < ids.length; k++) {
            into[k] = Math.max(0, bean.getThreadAllocatedBytes(ids[k])); // -1 once a worker has exited
        }
    }
}
