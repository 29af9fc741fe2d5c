package org.rnn4j.bench;

import java.util.List;
import org.rnn4j.autograd.Var;
import org.rnn4j.loss.CrossEntropyLoss;
import org.rnn4j.nn.Linear;
import org.rnn4j.nn.Module;
import org.rnn4j.nn.recurrent.LSTM;
import org.rnn4j.nn.recurrent.RecurrentOptions;
import org.rnn4j.ops.F;
import org.rnn4j.optim.Adam;
import org.rnn4j.rand.Rng;
import org.rnn4j.tensor.IntTensor;
import org.rnn4j.tensor.Shape;
import org.rnn4j.tensor.Tensor;

/**
 * W2 dna: one-hot(4) → {@code LSTM(4→128, 2 layers, bidirectional, batch_first)} → concat(h_n of
 * the last layer, forward then backward) [B, 256] → {@code Linear(256→2)}; CrossEntropy, Adam lr
 * 1e-3. Batch 64, seq 200, bases uniform over ACGT, labels uniform {0, 1}; 4 batches cycled.
 */
final class DnaWorkload extends TrainingWorkload {
    static final int BATCH = 64;
    static final int SEQ = 200;
    static final int HIDDEN = 128;
    static final int BASES = 4;
    static final int BATCHES = 4;
    static final long MODEL_SEED = 2;
    static final long DATA_SEED = 22;

    /** Named like the PyTorch script's {@code DnaNet}. */
    static final class DnaNet extends Module {
        final LSTM lstm;
        final Linear fc;

        DnaNet(Rng rng) {
            lstm = registerModule("lstm", new LSTM(BASES, HIDDEN,
                    RecurrentOptions.DEFAULTS.withNumLayers(2).withBidirectional(true).withBatchFirst(true), rng));
            fc = registerModule("fc", new Linear(2 * HIDDEN, 2, rng));
        }

        Var forward(Var oneHot) {
            Var h = lstm.forward(oneHot).hN();                                   // [4, B, 128]
            Var last = F.cat(List.of(F.select(h, 0, -2), F.select(h, 0, -1)), 1); // [B, 256]
            return fc.forward(last);                                             // [B, 2]
        }
    }

    private final DnaNet model;
    private final int batch;
    private final int seq;
    private final CrossEntropyLoss loss = CrossEntropyLoss.defaults();
    private final Var[] xs = new Var[BATCHES];
    private final IntTensor[] ys = new IntTensor[BATCHES];

    private DnaWorkload(DnaNet model, int batch, int seq) {
        super(new Adam(model.parameters(), Adam.Options.defaults().withLr(1e-3)), BATCHES);
        this.model = model;
        this.batch = batch;
        this.seq = seq;
        Rng data = new Rng(DATA_SEED);
        for (int i = 0; i < BATCHES; i++) {
            float[] oneHot = new float[batch * seq * BASES];  // [B, T, 4]
            for (int p = 0; p < batch * seq; p++) {
                oneHot[p * BASES + data.nextInt(BASES)] = 1f;
            }
            xs[i] = Var.constant(Tensor.wrap(Shape.of(batch, seq, BASES), oneHot));
            ys[i] = labels(data, batch);
        }
    }

    static DnaWorkload create(BenchScale scale) {
        return new DnaWorkload(new DnaNet(new Rng(MODEL_SEED)), scale.batch(BATCH), scale.seq(SEQ));
    }

    /** {@code n} labels uniform over {0, 1}. */
    static IntTensor labels(Rng rng, int n) {
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = rng.nextInt(2);
        }
        return IntTensor.wrap(Shape.of(n), y);
    }

    @Override
    Var loss(int index) {
        return loss.forward(model.forward(xs[index]), ys[index]);
    }

    @Override
    public BenchWorkload id() {
        return BenchWorkload.W2;
    }

    @Override
    public int itemsPerStep() {
        return batch;
    }

    /** Per sequence: seq steps of the bidirectional stack, the head once, × 3 for training. */
    @Override
    public double flopsPerItem() {
        return Flops.training(seq * Flops.recurrentMacsPerStep(model.lstm) + Flops.linearMacs(model.fc));
    }
}
