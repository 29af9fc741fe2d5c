package org.rnn4j.bench;

import org.rnn4j.autograd.GradMode;
import org.rnn4j.autograd.Var;
import org.rnn4j.nn.recurrent.LSTM;
import org.rnn4j.nn.recurrent.RecurrentOptions;
import org.rnn4j.rand.Rng;
import org.rnn4j.tensor.Tensor;
import org.rnn4j.tensor.Workspace;

/**
 * W4 inference: {@code LSTM(256→512, 2 layers)}, sequence-first input (seq 100, batch, 256) ~ N(0, 1),
 * forward only in eval mode with no graph ({@link GradMode#disabled()}). W4b1 is batch 1 (a latency),
 * W4b32 batch 32. Each timed step runs in a step of one {@link Workspace}, as a serving loop would,
 * so once warmed up a forward pass reuses the previous pass's arrays (the packed W_hhᵀ, gates, states
 * and outputs of 100 steps × 2 layers) instead of allocating them anew.
 */
final class LstmInferenceWorkload implements Workload {
    static final int INPUT = 256;
    static final int HIDDEN = 512;
    static final int SEQ = 100;
    static final long MODEL_SEED = 4;
    static final long DATA_SEED = 44;

    private final BenchWorkload id;
    private final LSTM lstm;
    private final Var x;  // [T, B, 256]
    private final int batch;
    private final int seq;
    private final Workspace workspace = new Workspace();

    private LstmInferenceWorkload(BenchWorkload id, int batch, int seq) {
        this.id = id;
        this.batch = batch;
        this.seq = seq;
        lstm = new LSTM(INPUT, HIDDEN, RecurrentOptions.DEFAULTS.withNumLayers(2), new Rng(MODEL_SEED));
        lstm.eval();
        Tensor input = Tensor.zeros(seq, batch, INPUT);
        new Rng(DATA_SEED).fillNormal(input.data(), 0f, 1f);
        x = Var.constant(input);
    }

    static LstmInferenceWorkload create(BenchWorkload id, int fullBatch, BenchScale scale) {
        return new LstmInferenceWorkload(id, scale.batch(fullBatch), scale.seq(SEQ));
    }

    LSTM lstm() {
        return lstm;
    }

    /** The output of one forward pass [T, B, 512], without a graph. */
    @SuppressWarnings("try") // the scope only switches grad mode off
    Var forward() {
        try (var off = GradMode.disabled()) {
            return lstm.forward(x).out();
        }
    }

    /** One forward pass in a workspace step; returns the last output value (read before the step releases it). */
    @Override
    @SuppressWarnings("try") // the resource is a scope (workspace step, grad mode), never referenced
    public double step() {
        try (Workspace.Step step = workspace.open()) {
            float[] out = forward().value().data();
            return out[out.length - 1];
        }
    }

    @Override
    public BenchWorkload id() {
        return id;
    }

    @Override
    public int itemsPerStep() {
        return batch;
    }

    /** Per sequence: seq steps of the 2-layer stack, forward only. */
    @Override
    public double flopsPerItem() {
        return Flops.forward(seq * Flops.recurrentMacsPerStep(lstm));
    }
}
