package org.rnn4j.kernel;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntConsumer;

/**
 * {@link Parallel}'s persistent workers and the one job they share, reused by every call: handing out
 * a job allocates nothing (no queue node, latch or task wrapper per call).
 *
 * <p>One job at a time: the caller that holds {@link #busy} writes the job, wakes as many workers as
 * it wants helpers, works on the tasks itself, then parks until every helper has reported back. Idle
 * workers block (park) until they are handed a job, exactly as they blocked on the executor's queue
 * before. A caller that finds the pool busy (another thread's job) or shut down gets {@code false} and
 * runs the tasks itself: which thread runs a task never changes a result (Parallel's contract).
 */
final class WorkerPool {
    private final Worker[] workers;
    private final ReentrantLock busy = new ReentrantLock();
    private volatile boolean shutdown;

    // The job: written by the caller holding busy, published to a worker by its volatile `assigned`.
    private IntConsumer task;
    private int tasks;
    private Thread caller;
    private final AtomicInteger next = new AtomicInteger();        // the next task index to claim
    private final AtomicInteger helpersLeft = new AtomicInteger(); // helpers that have not reported back
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final Runnable drain = this::drain; // one instance: a method reference per call would be garbage

    /**
     * How long a worker that finished a job, and a caller waiting for its helpers, spin before parking
     * ({@link KernelConfig#spinMicros()}, default 1000; 0 parks at once). A recurrent layer hands
     * out a job or two per time step with a few microseconds of serial work between them; waking a
     * parked thread costs more than that, so a short spin keeps the workers ready (OpenMP runtimes spin
     * the same way). The cost is CPU time burnt while waiting, at most this long per job.
     */
    static final long SPIN_NANOS = 1_000L * KernelConfig.current().spinMicros();

    WorkerPool(int size) {
        workers = new Worker[size];
        for (int i = 0; i < size; i++) {
            workers[i] = new Worker();
            Thread t = new Thread(workers[i], "rnn4j-kernel-" + (i + 1));
            t.setDaemon(true);
            workers[i].thread = t;
            t.start();
        }
    }

    /**
     * Runs tasks [0, tasks) on the caller and {@code helpers} workers (at most the pool's size) and returns true when all
     * have finished, rethrowing the first task failure; returns false without running anything when the
     * pool is busy with another caller's job or shut down.
     */
    boolean run(int tasks, IntConsumer task, int helpers) {
        if (!busy.tryLock()) {
            return false;
        }
        try {
            if (shutdown) {
                return false;
            }
            helpers = Math.min(helpers, workers.length);
            this.task = task;
            this.tasks = tasks;
            this.caller = Thread.currentThread();
            next.set(0);
            failure.set(null);
            helpersLeft.set(helpers);
            for (int h = 0; h < helpers; h++) {
                workers[h].assigned++; // volatile write: publishes the job to worker h
                LockSupport.unpark(workers[h].thread);
            }
            Parallel.runInTask(drain); // the caller works too
            awaitHelpers();
            this.task = null; // keep no reference to the caller's lambda
            Parallel.rethrow(failure.getAndSet(null));
            return true;
        } finally {
            busy.unlock();
            if (shutdown) {
                wakeAll(); // idle workers that could not exit while this job ran
            }
        }
    }

    /** Lets idle workers exit; a job being run finishes first. Does not wait. */
    void shutdown() {
        shutdown = true;
        wakeAll();
    }

    private void wakeAll() {
        for (Worker w : workers) {
            LockSupport.unpark(w.thread);
        }
    }

    private void awaitHelpers() {
        long until = System.nanoTime() + SPIN_NANOS;
        while (helpersLeft.get() > 0 && System.nanoTime() < until) {
            Thread.onSpinWait();
        }
        boolean interrupted = false;
        while (helpersLeft.get() > 0) {
            LockSupport.park(this);
            interrupted |= Thread.interrupted(); // park returns at once while the flag is set
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Claims and runs tasks until none is left; the first failure is kept and later tasks are skipped. */
    private void drain() {
        int n = tasks;
        IntConsumer t = task;
        for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
            try {
                if (failure.get() == null) {
                    t.accept(i);
                }
            } catch (Throwable e) {
                failure.compareAndSet(null, e);
            }
        }
    }

    private final class Worker implements Runnable {
        Thread thread;
        volatile int assigned; // jobs handed to this worker (written by the caller holding busy)
        private int done;      // jobs it has finished

        @Override
        public void run() {
            Parallel.markWorker();
            while (true) {
                if (assigned != done) {
                    done++;
                    drain();
                    Thread c = caller;
                    if (helpersLeft.decrementAndGet() == 0) {
                        LockSupport.unpark(c);
                    }
                } else if (shutdown && exitAllowed()) {
                    return;
                } else if (!spinForJob()) {
                    LockSupport.park(this);
                }
            }
        }

        /** Waits up to {@link #SPIN_NANOS} for the next job without parking; true when one came (or shutdown). */
        private boolean spinForJob() {
            long until = System.nanoTime() + SPIN_NANOS;
            while (System.nanoTime() < until) {
                if (assigned != done || shutdown) {
                    return true;
                }
                Thread.onSpinWait();
            }
            return false;
        }

        /** Only while no caller holds the pool: a caller inside may still hand this worker a job. */
        private boolean exitAllowed() {
            if (!busy.tryLock()) {
                return false;
            }
            busy.unlock();
            return assigned == done;
        }
    }
}
