package org.rnn4j.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Times a workload like the PyTorch script does: the warm-up steps, then {@code reps} chunks of
 * {@code chunkSteps} steps, each measured in wall-clock time and in this process's CPU time (the
 * machine may be shared; CPU time estimates the uncontended speed). Steps run on the calling thread.
 */
public final class BenchRunner {
    private BenchRunner() {
    }

    /** Runs with the real clocks; {@code onChunk} sees each chunk as it finishes (e.g. for progress). */
    public static BenchResult run(Workload workload, BenchSettings settings, Consumer<Chunk> onChunk) {
        return run(workload, settings, BenchClock.system(), onChunk);
    }

    /** Runs with the given clocks. */
    public static BenchResult run(Workload workload, BenchSettings settings, BenchClock clock, Consumer<Chunk> onChunk) {
        double last = Double.NaN;
        for (int i = 0; i < settings.warmupSteps(); i++) {
            last = workload.step();
        }
        List<Chunk> chunks = new ArrayList<>(settings.reps());
        for (int r = 0; r < settings.reps(); r++) {
            double busy0 = clock.systemBusySeconds();
            long cpu0 = clock.processCpuNanos();
            long alloc0 = clock.allocatedBytes();
            long t0 = clock.wallNanos();
            for (int i = 0; i < settings.chunkSteps(); i++) {
                last = workload.step();
            }
            long wall = Math.max(1, clock.wallNanos() - t0);
            long alloc1 = clock.allocatedBytes();
            long cpu1 = clock.processCpuNanos();
            double busy1 = clock.systemBusySeconds();
            long cpu = cpu0 >= 0 && cpu1 >= 0 ? cpu1 - cpu0 : -1;
            double other = Double.NaN;
            if (cpu >= 0 && !Double.isNaN(busy0) && !Double.isNaN(busy1)) {
                other = Math.max(0.0, (busy1 - busy0 - cpu * 1e-9) / (wall * 1e-9 * clock.processors()));
            }
            long alloc = alloc0 >= 0 && alloc1 >= 0 ? Math.max(0, alloc1 - alloc0) : -1;
            Chunk c = new Chunk(settings.chunkSteps(), wall, cpu, other, alloc);
            chunks.add(c);
            onChunk.accept(c);
        }
        return new BenchResult(workload.id(), workload.itemsPerStep(), workload.flopsPerItem(), settings, chunks, last);
    }
}
