package org.rnn4j.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;

/** The clocks a benchmark reads: wall time, this process's CPU time, and the machine's busy time. */
public interface BenchClock {
    /** Monotonic wall-clock nanoseconds. */
    long wallNanos();

    /**
     * CPU nanoseconds used by this process so far (all threads: kernel workers, JIT and GC included), or
     * -1 when unknown. On Linux the JVM reads it in clock ticks (10 ms), so only chunks of a second or
     * more give a usable CPU share; the defined chunk sizes are.
     */
    long processCpuNanos();

    /** Non-idle CPU seconds of the whole machine (all cores) so far, or NaN when unknown. */
    double systemBusySeconds();

    /** Logical processors of the machine. */
    int processors();

    /**
     * Heap bytes allocated so far by this process's live Java threads (the stepping thread and the
     * kernel workers), or -1 when the JVM cannot count them.
     */
    default long allocatedBytes() {
        return -1;
    }

    /**
     * The real clocks: {@link System#nanoTime()}, the process CPU time of
     * {@code com.sun.management.OperatingSystemMXBean} (falling back to the calling thread's CPU time
     * when the JVM lacks it), and the first line of {@code /proc/stat} on Linux (at 100 ticks per
     * second, Linux's USER_HZ).
     */
    static BenchClock system() {
        return SystemClock.INSTANCE;
    }
}

/** {@link BenchClock#system()}. */
final class SystemClock implements BenchClock {
    static final SystemClock INSTANCE = new SystemClock();
    private static final double TICKS_PER_SECOND = 100.0;
    private static final Path PROC_STAT = Path.of("/proc/stat");

    private final OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

    private SystemClock() {
    }

    @Override
    public long wallNanos() {
        return System.nanoTime();
    }

    @Override
    public long processCpuNanos() {
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            long t = sun.getProcessCpuTime();
            if (t >= 0) {
                return t;
            }
        }
        return threads.isCurrentThreadCpuTimeSupported() ? threads.getCurrentThreadCpuTime() : -1;
    }

    @Override
    public long allocatedBytes() {
        if (!(threads instanceof com.sun.management.ThreadMXBean sun) || !sun.isThreadAllocatedMemorySupported()
                || !sun.isThreadAllocatedMemoryEnabled()) {
            return -1;
        }
        long sum = 0;
        for (long b : sun.getThreadAllocatedBytes(sun.getAllThreadIds())) {
            sum += Math.max(0, b); // -1 for a thread that ended meanwhile
        }
        return sum;
    }

    @Override
    public double systemBusySeconds() {
        if (!Files.isReadable(PROC_STAT)) {
            return Double.NaN;
        }
        try {
            String first;
            try (BufferedReader r = Files.newBufferedReader(PROC_STAT)) {
                first = r.readLine();
            }
            String[] f = first == null ? new String[0] : first.trim().split("\\s+");
            if (f.length < 9 || !f[0].equals("cpu")) {
                return Double.NaN;
            }
            long busy = 0;
            for (int i = 1; i <= 8; i++) { // user nice system idle iowait irq softirq steal
                if (i != 4 && i != 5) {    // minus idle and iowait
                    busy += Long.parseLong(f[i]);
                }
            }
            return busy / TICKS_PER_SECOND;
        } catch (IOException | NumberFormatException e) {
            return Double.NaN;
        }
    }

    @Override
    public int processors() {
        return Runtime.getRuntime().availableProcessors();
    }
}
