package org.rnn4j.kernel;

import java.util.function.IntConsumer;

/**
 * The kernels' worker threads: one pool of persistent workers, created when first needed and reused
 * by every call (no thread creation per training step, and no allocation per call: see
 * {@link WorkerPool}).
 *
 * <p>Determinism contract: callers split their work into tasks whose boundaries depend only on the
 * problem's shape, never on {@link #threads()}, and each task writes its own part of the output.
 * Which thread runs which task then cannot change a single bit of the result, so any thread count
 * gives bitwise identical results.
 *
 * <p>The thread count defaults to the number of available processors; {@code rnn4j.threads}
 * ({@link KernelConfig#threads()}) or {@link #setThreads(int)} (e.g. from the CLI's {@code --threads}) changes it.
 */
public final class Parallel {
    private static final ThreadLocal<boolean[]> IN_TASK = ThreadLocal.withInitial(() -> new boolean[1]);
    private static final Object LOCK = new Object();
    private static volatile int threads = initialThreads();
    private static WorkerPool pool; // threads - 1 workers; the caller is the last one

    private Parallel() {
    }

    private static int initialThreads() {
        int n = KernelConfig.current().threads();
        return n >= 1 ? n : Runtime.getRuntime().availableProcessors();
    }

    /** The number of threads kernels may use (the calling thread included). */
    public static int threads() {
        return threads;
    }

    /** Sets the number of threads kernels may use from now on (≥ 1; 1 = the calling thread only). */
    public static void setThreads(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("threads: expected a count >= 1, got " + n);
        }
        synchronized (LOCK) {
            if (n == threads) {
                return;
            }
            if (pool != null) {
                pool.shutdown(); // a running job finishes; idle workers exit
                pool = null;
            }
            threads = n;
        }
    }

    private static WorkerPool pool() {
        synchronized (LOCK) {
            if (pool == null) {
                pool = new WorkerPool(threads - 1);
            }
            return pool;
        }
    }

    /**
     * Runs {@code task.accept(i)} for every i in [0, tasks), spread over the pool, and returns when
     * all have finished. Tasks must write disjoint outputs. Runs inline when there is one task, one
     * thread, when called from inside a task (no nested fan-out, no deadlock), or when another thread's
     * call is using the pool. The first exception thrown by a task is rethrown here.
     */
    public static void forEach(int tasks, IntConsumer task) {
        int n = threads;
        if (tasks <= 1 || n <= 1 || IN_TASK.get()[0] || !pool().run(tasks, task, Math.min(n - 1, tasks - 1))) {
            for (int i = 0; i < tasks; i++) {
                task.accept(i);
            }
        }
    }

    /** Runs {@code body} marked as inside a task, so kernels it calls do not fan out again. */
    static void runInTask(Runnable body) {
        boolean[] flag = IN_TASK.get();
        flag[0] = true;
        try {
            body.run();
        } finally {
            flag[0] = false;
        }
    }

    /** Marks the calling worker thread as inside a task for good. */
    static void markWorker() {
        IN_TASK.get()[0] = true;
    }

    /** Rethrows a task's failure on the caller (unchecked as is, checked wrapped); nothing when null. */
    static void rethrow(Throwable t) {
        if (t instanceof RuntimeException re) {
            throw re;
        }
        if (t instanceof Error err) {
            throw err;
        }
        if (t != null) {
            throw new IllegalStateException("kernel task failed", t);
        }
    }
}
