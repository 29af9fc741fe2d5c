package org.rnn4j.kernel;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;

/**
 * The kernels' worker threads: one fixed pool, created when first needed and reused by every call
 * (no thread creation per training step).
 *
 * <p>Determinism contract: callers split their work into tasks whose boundaries depend only on the
 * problem's shape, never on {@link #threads()}, and each task writes its own part of the output.
 * Which thread runs which task then cannot change a single bit of the result, so any thread count
 * gives bitwise identical results.
 *
 * <p>The thread count defaults to the number of available processors; the system property
 * {@code rnn4j.threads} or {@link #setThreads(int)} (e.g. from the CLI's {@code --threads}) changes it.
 */
public final class Parallel {
    private static final ThreadLocal<Boolean> IN_TASK = ThreadLocal.withInitial(() -> Boolean.FALSE);
    private static final Object LOCK = new Object();
    private static volatile int threads = initialThreads();
    private static ExecutorService pool; // threads - 1 workers; the caller is the last one

    private Parallel() {
    }

    private static int initialThreads() {
        String p = System.getProperty("rnn4j.threads");
        if (p != null) {
            try {
                int n = Integer.parseInt(p.trim());
                if (n >= 1) {
                    return n;
                }
            } catch (NumberFormatException ignored) {
                // fall through to the default; KernelRegistry.describe() shows the count in use
            }
        }
        return Runtime.getRuntime().availableProcessors();
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
                pool.shutdown(); // running tasks finish; idle workers exit
                pool = null;
            }
            threads = n;
        }
    }

    private static ExecutorService pool() {
        synchronized (LOCK) {
            if (pool == null) {
                AtomicInteger id = new AtomicInteger();
                pool = Executors.newFixedThreadPool(threads - 1, r -> {
                    Thread t = new Thread(r, "rnn4j-kernel-" + id.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
            }
            return pool;
        }
    }

    /**
     * Runs {@code task.accept(i)} for every i in [0, tasks), spread over the pool, and returns when
     * all have finished. Tasks must write disjoint outputs. Runs inline when there is one task, one
     * thread, or when called from inside a task (no nested fan-out, no deadlock). The first exception
     * thrown by a task is rethrown here.
     */
    public static void forEach(int tasks, IntConsumer task) {
        int n = threads;
        if (tasks <= 1 || n <= 1 || IN_TASK.get()) {
            for (int i = 0; i < tasks; i++) {
                task.accept(i);
            }
            return;
        }
        AtomicInteger next = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(tasks);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Runnable worker = () -> drain(tasks, task, next, done, failure);
        ExecutorService executor = pool();
        int helpers = Math.min(n - 1, tasks - 1);
        try {
            for (int h = 0; h < helpers; h++) {
                executor.execute(worker);
            }
        } catch (RejectedExecutionException e) {
            // setThreads() replaced the pool meanwhile: the caller (and helpers already queued) finish the tasks
        }
        worker.run(); // the caller works too
        boolean interrupted = false;
        while (true) {
            try {
                done.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        Throwable t = failure.get();
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

    private static void drain(int tasks, IntConsumer task, AtomicInteger next, CountDownLatch done,
                              AtomicReference<Throwable> failure) {
        IN_TASK.set(Boolean.TRUE);
        try {
            for (int i = next.getAndIncrement(); i < tasks; i = next.getAndIncrement()) {
                try {
                    if (failure.get() == null) {
                        task.accept(i);
                    }
                } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                } finally {
                    done.countDown();
                }
            }
        } finally {
            IN_TASK.set(Boolean.FALSE);
        }
    }
}
