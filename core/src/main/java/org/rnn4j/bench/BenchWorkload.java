package org.rnn4j.bench;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The eight workloads of the benchmark definition, with their units and timing protocol (warm-up
 * steps, then chunks of steps; the same numbers as the PyTorch script).
 */
public enum BenchWorkload {
    W1("W1", "sine: RNN(1→16) → Linear(16→1), batch 1, seq 49, MSE, Adam", "steps/s", 2000, 300, false),
    W2("W2", "dna: one-hot → biLSTM(4→128, 2 layers) → Linear(256→2), batch 64, seq 200, CE, Adam", "seq/s", 3, 1, false),
    W3("W3", "text: Embedding(20000→100) → LSTM(100→256, 2 layers) → Linear(256→2), batch 64, seq 100, CE, Adam",
            "seq/s", 3, 1, false),
    W3G("W3g", "text: W3 with GRU(100→256, 2 layers)", "seq/s", 3, 1, false),
    W4B1("W4b1", "inference: LSTM(256→512, 2 layers), seq 100, batch 1, no graph", "seq/s", 30, 5, true),
    W4B32("W4b32", "inference: LSTM(256→512, 2 layers), seq 100, batch 32, no graph", "seq/s", 6, 1, false),
    W5TRAIN("W5train", "char LM: Embedding(96→64) → LSTM(64→512) → Linear(512→96), batch 32, seq 128, CE, Adam",
            "tokens/s", 3, 1, false),
    W5SAMPLE("W5sample", "char LM sampling: batch 1, one token per call, (h, c) carried", "tokens/s", 4000, 300, true);

    private final String label;
    private final String description;
    private final String unit;
    private final int chunkSteps;
    private final int warmupSteps;
    private final boolean latency;

    BenchWorkload(String label, String description, String unit, int chunkSteps, int warmupSteps, boolean latency) {
        this.label = label;
        this.description = description;
        this.unit = unit;
        this.chunkSteps = chunkSteps;
        this.warmupSteps = warmupSteps;
        this.latency = latency;
    }

    /** The id as written in the benchmark definition, e.g. {@code W3g}. */
    public String label() {
        return label;
    }

    public String description() {
        return description;
    }

    /** Throughput unit: {@code steps/s}, {@code seq/s} or {@code tokens/s}. */
    public String unit() {
        return unit;
    }

    /** Steps per timed chunk. */
    public int chunkSteps() {
        return chunkSteps;
    }

    /** Untimed steps before the first chunk. */
    public int warmupSteps() {
        return warmupSteps;
    }

    /** Whether the time per step is a latency worth reporting (batch 1 inference). */
    public boolean reportsLatency() {
        return latency;
    }

    /** Builds the model, optimizer and data (seeded) at {@code scale}; nothing is timed. */
    public Workload create(BenchScale scale) {
        return switch (this) {
            case W1 -> SineWorkload.create();
            case W2 -> DnaWorkload.create(scale);
            case W3 -> TextWorkload.create(this, org.rnn4j.nn.recurrent.CellKind.LSTM, scale);
            case W3G -> TextWorkload.create(this, org.rnn4j.nn.recurrent.CellKind.GRU, scale);
            case W4B1 -> LstmInferenceWorkload.create(this, 1, scale);
            case W4B32 -> LstmInferenceWorkload.create(this, 32, scale);
            case W5TRAIN -> CharLmTrainWorkload.create(scale);
            case W5SAMPLE -> CharLmSampleWorkload.create();
        };
    }

    /** The workload labelled {@code id} (case-insensitive, e.g. {@code w3g}). */
    public static BenchWorkload parse(String id) {
        for (BenchWorkload w : values()) {
            if (w.label.equalsIgnoreCase(id.strip())) {
                return w;
            }
        }
        throw new IllegalArgumentException("bench: unknown workload '" + id + "', expected one of "
                + Arrays.stream(values()).map(BenchWorkload::label).collect(Collectors.joining(", ")));
    }

    @Override
    public String toString() {
        return label;
    }
}
