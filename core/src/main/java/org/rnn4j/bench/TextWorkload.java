package org.rnn4j.bench;

import org.rnn4j.autograd.Var;
import org.rnn4j.loss.CrossEntropyLoss;
import org.rnn4j.nn.Embedding;
import org.rnn4j.nn.Linear;
import org.rnn4j.nn.Module;
import org.rnn4j.nn.recurrent.CellKind;
import org.rnn4j.nn.recurrent.RecurrentLayer;
import org.rnn4j.nn.recurrent.RecurrentOptions;
import org.rnn4j.ops.F;
import org.rnn4j.optim.Adam;
import org.rnn4j.rand.Rng;
import org.rnn4j.tensor.IntTensor;
import org.rnn4j.tensor.Shape;

/**
 * W3 / W3g text: {@code Embedding(20000→100)} (dense gradient) → {@code LSTM} or {@code GRU(100→256,
 * 2 layers, batch_first)} → h_n of the last layer → {@code Linear(256→2)}; CrossEntropy, Adam lr 1e-3.
 * Batch 64, seq 100, ids uniform in [0, 20000), labels uniform {0, 1}; 4 batches cycled.
 */
final class TextWorkload extends TrainingWorkload {
    static final int VOCAB = 20_000;
    static final int EMBED = 100;
    static final int HIDDEN = 256;
    static final int BATCH = 64;
    static final int SEQ = 100;
    static final int BATCHES = 4;
    static final long MODEL_SEED = 3;
    static final long DATA_SEED = 33;

    /** Vocabulary, embedding width and hidden size; {@link #FULL} is the benchmark's. */
    record Dims(int vocab, int embed, int hidden) {
        static final Dims FULL = new Dims(VOCAB, EMBED, HIDDEN);
    }

    /** Named like the PyTorch script's {@code TextNet}. */
    static final class TextNet extends Module {
        final Embedding emb;
        final RecurrentLayer rnn;
        final Linear fc;

        TextNet(CellKind cell, Dims dims, Rng rng) {
            emb = registerModule("emb", new Embedding(dims.vocab(), dims.embed(), rng));
            RecurrentOptions o = RecurrentOptions.DEFAULTS.withNumLayers(2).withBatchFirst(true);
            int e = dims.embed();
            int h = dims.hidden();
            rnn = registerModule("rnn", RecurrentLayer.create(cell, e, h, o, rng));
            fc = registerModule("fc", new Linear(h, 2, rng));
        }

        Var forward(IntTensor ids) {
            Var x = emb.forward(ids);                                  // [B, T, 100]
            Var hN = rnn.forward(x).hN();                              // [2, B, 256]
            return fc.forward(F.select(hN, 0, -1));                   // [B, 2]
        }
    }

    private final BenchWorkload id;
    private final TextNet model;
    private final int batch;
    private final int seq;
    private final CrossEntropyLoss loss = CrossEntropyLoss.defaults();
    private final IntTensor[] xs = new IntTensor[BATCHES];
    private final IntTensor[] ys = new IntTensor[BATCHES];

    private TextWorkload(BenchWorkload id, TextNet model, int vocab, int batch, int seq) {
        super(new Adam(model.parameters(), Adam.Options.defaults().withLr(1e-3)), BATCHES);
        this.id = id;
        this.model = model;
        this.batch = batch;
        this.seq = seq;
        Rng data = new Rng(DATA_SEED);
        for (int i = 0; i < BATCHES; i++) {
            xs[i] = ids(data, batch, seq, vocab);
            ys[i] = DnaWorkload.labels(data, batch);
        }
    }

    static TextWorkload create(BenchWorkload id, CellKind cell, BenchScale scale) {
        return create(id, cell, Dims.FULL, scale.batch(BATCH), scale.seq(SEQ));
    }

    /** The same model and step at other sizes (tests: a small W3 whose step takes microseconds). */
    static TextWorkload create(BenchWorkload id, CellKind cell, Dims dims, int batch, int seq) {
        return new TextWorkload(id, new TextNet(cell, dims, new Rng(MODEL_SEED)), dims.vocab(), batch, seq);
    }

    /** [batch, seq] ids uniform in [0, vocab). */
    static IntTensor ids(Rng rng, int batch, int seq, int vocab) {
        int[] t = new int[batch * seq];
        for (int i = 0; i < t.length; i++) {
            t[i] = rng.nextInt(vocab);
        }
        return IntTensor.wrap(Shape.of(batch, seq), t);
    }

    @Override
    Var loss(int index) {
        return loss.forward(model.forward(xs[index]), ys[index]);
    }

    @Override
    public BenchWorkload id() {
        return id;
    }

    @Override
    public int itemsPerStep() {
        return batch;
    }

    /** Per sequence: seq steps of the 2-layer stack, the head once, × 3 (the embedding is a look-up). */
    @Override
    public double flopsPerItem() {
        return Flops.training(seq * Flops.recurrentMacsPerStep(model.rnn) + Flops.linearMacs(model.fc));
    }
}
