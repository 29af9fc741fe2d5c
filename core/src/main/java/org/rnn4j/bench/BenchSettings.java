package org.rnn4j.bench;

/**
 * How a workload is timed: {@code warmupSteps} untimed steps, then {@code reps} timed chunks of
 * {@code chunkSteps} steps each.
 */
public record BenchSettings(int warmupSteps, int chunkSteps, int reps) {
    /** Timed chunks per run by default, like the PyTorch script's {@code --reps}. */
    public static final int DEFAULT_REPS = 2;

    public BenchSettings {
        if (warmupSteps < 0) {
            throw new IllegalArgumentException("bench: warm-up steps must be >= 0, got " + warmupSteps);
        }
        if (chunkSteps < 1) {
            throw new IllegalArgumentException("bench: steps per chunk must be >= 1, got " + chunkSteps);
        }
        if (reps < 1) {
            throw new IllegalArgumentException("bench: repetitions must be >= 1, got " + reps);
        }
    }

    /** The protocol of the benchmark definition for {@code w}, {@value #DEFAULT_REPS} chunks. */
    public static BenchSettings defaults(BenchWorkload w) {
        return new BenchSettings(w.warmupSteps(), w.chunkSteps(), DEFAULT_REPS);
    }

    public BenchSettings withWarmupSteps(int n) {
        return new BenchSettings(n, chunkSteps, reps);
    }

    public BenchSettings withChunkSteps(int n) {
        return new BenchSettings(warmupSteps, n, reps);
    }

    public BenchSettings withReps(int n) {
        return new BenchSettings(warmupSteps, chunkSteps, n);
    }
}
