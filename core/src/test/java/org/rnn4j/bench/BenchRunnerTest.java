package org.rnn4j.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The timing protocol and its arithmetic, with scripted clocks (nothing is timed). */
class BenchRunnerTest {

    /** Counts steps; each step advances the scripted clocks. */
    static final class FakeWorkload implements Workload {
        final FakeClock clock;
        int steps;

        FakeWorkload(FakeClock clock) {
            this.clock = clock;
        }

        @Override
        public BenchWorkload id() {
            return BenchWorkload.W3;
        }

        @Override
        public int itemsPerStep() {
            return 64;
        }

        @Override
        public double flopsPerItem() {
            return 1e9;
        }

        @Override
        public double step() {
            steps++;
            // chunk r's steps take (r+1)·10 ms of wall time each, half of it on this process's CPU
            long ms = clock.chunk < 0 ? 0 : 10L * (1 + clock.chunk);
            clock.wall += ms * 1_000_000;
            clock.cpu += ms * 500_000;
            clock.busy += ms * 1e-3; // the whole machine (2 cores): this process plus as much again
            clock.allocated += clock.chunk < 0 ? 1_000_000 : 1_000L * (1 + clock.chunk); // warm-up allocates most
            return steps;
        }
    }

    /** Scripted clocks; the runner reads the machine's busy time at the start and end of each chunk. */
    static final class FakeClock implements BenchClock {
        long wall = 1_000;
        long cpu = 7;
        double busy = 100;
        long allocated = 5;
        int chunk = -1;  // -1 during warm-up: its steps take no time
        private int busyReads;

        @Override
        public long wallNanos() {
            return wall;
        }

        @Override
        public long processCpuNanos() {
            return cpu;
        }

        @Override
        public double systemBusySeconds() {
            chunk = busyReads++ / 2;
            return busy;
        }

        @Override
        public int processors() {
            return 2;
        }

        @Override
        public long allocatedBytes() {
            return allocated;
        }
    }

    @Test
    void warmUpThenChunksAndMedians() {
        FakeClock clock = new FakeClock();
        FakeWorkload w = new FakeWorkload(clock);
        List<Chunk> seen = new ArrayList<>();
        BenchResult r = BenchRunner.run(w, new BenchSettings(5, 4, 3), clock, seen::add);
        assertEquals(5 + 4 * 3, w.steps);
        assertEquals(3, r.chunks().size());
        assertEquals(r.chunks(), seen);
        assertEquals(17.0, r.lastValue());
        // steps of chunks 0, 1, 2 take 10, 20, 30 ms; the warm-up is not in any chunk
        assertEquals(4, r.chunks().get(0).steps());
        assertEquals(40_000_000L, r.chunks().get(0).wallNanos());
        assertEquals(80_000_000L, r.chunks().get(1).wallNanos());
        assertEquals(120_000_000L, r.chunks().get(2).wallNanos());
        // 64·4 items in 0.04, 0.08, 0.12 s → 6400, 3200, 2133.3 items/s
        assertEquals(3200.0, r.medianThroughput(), 1e-9);
        assertEquals(6400.0, r.bestThroughput(), 1e-9);
        assertEquals(6400.0, r.medianCpuThroughput(), 1e-9); // half the wall time on the CPU
        assertEquals(3200.0, r.gflops(), 1e-9); // 1 GFLOP per item
        assertEquals(20.0, r.medianMsPerStep(), 1e-9);
        assertEquals(0.5, r.medianCpuShare(), 1e-12);
        // the machine was busy 1 core-second per wall second; this process used 0.5; 2 cores
        assertEquals(0.25, r.medianOtherCpuFraction(), 1e-9);
        // chunk r allocates (r+1)·1000 bytes per step; the warm-up's allocations are in no chunk
        assertEquals(4_000, r.chunks().get(0).allocatedBytes());
        assertEquals(1_000.0, r.chunks().get(0).allocatedBytesPerStep(), 1e-12);
        assertEquals(2_000.0, r.medianAllocatedBytesPerStep(), 1e-12);
    }

    @Test
    void unknownCpuTimeGivesNaNNotZero() {
        Chunk c = new Chunk(3, 3_000_000, -1, Double.NaN, -1);
        assertTrue(Double.isNaN(c.cpuThroughput(1)));
        assertTrue(Double.isNaN(c.cpuShare()));
        assertEquals(1000.0, c.throughput(1), 1e-9);
        BenchResult r = new BenchResult(BenchWorkload.W1, 1, 84_672, BenchSettings.defaults(BenchWorkload.W1),
                List.of(c), 0.1);
        assertTrue(Double.isNaN(r.medianCpuThroughput()));
        assertTrue(Double.isNaN(r.medianOtherCpuFraction()));
        assertTrue(Double.isNaN(r.medianAllocatedBytesPerStep()));
        assertEquals(1.0, r.medianMsPerStep(), 1e-12);
    }

    @Test
    void medianOfOddAndEvenCounts() {
        assertEquals(2.0, BenchResult.median(new double[] {3, 1, 2}));
        assertEquals(2.5, BenchResult.median(new double[] {4, 1, 3, 2}));
        assertTrue(Double.isNaN(BenchResult.median(new double[0])));
    }

    @Test
    void settingsFollowTheDefinitionAndRejectNonsense() {
        BenchSettings w1 = BenchSettings.defaults(BenchWorkload.W1);
        assertEquals(new BenchSettings(300, 2000, 2), w1);
        assertEquals(new BenchSettings(1, 3, 2), BenchSettings.defaults(BenchWorkload.W3));
        assertEquals(new BenchSettings(5, 30, 2), BenchSettings.defaults(BenchWorkload.W4B1));
        assertEquals(new BenchSettings(300, 4000, 2), BenchSettings.defaults(BenchWorkload.W5SAMPLE));
        assertEquals(new BenchSettings(0, 7, 1), w1.withWarmupSteps(0).withChunkSteps(7).withReps(1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> w1.withChunkSteps(0));
        assertEquals("bench: steps per chunk must be >= 1, got 0", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> w1.withReps(0));
        assertThrows(IllegalArgumentException.class, () -> w1.withWarmupSteps(-1));
    }
}
