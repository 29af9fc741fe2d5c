package org.rnn4j.bench;

import org.rnn4j.autograd.Var;
import org.rnn4j.loss.CrossEntropyLoss;
import org.rnn4j.ops.F;
import org.rnn4j.optim.Adam;
import org.rnn4j.rand.Rng;
import org.rnn4j.tensor.IntTensor;
import org.rnn4j.tensor.Shape;

/**
 * W5train: the {@link CharLm} on batch 32 × seq 128 ids uniform in [0, 96), the target of each
 * position the next id of the same 129-long sequence; CrossEntropy over all 4096 positions, Adam lr
 * 2e-3; 4 batches cycled. Items are tokens.
 */
final class CharLmTrainWorkload extends TrainingWorkload {
    static final int BATCH = 32;
    static final int SEQ = 128;
    static final int BATCHES = 4;
    static final long DATA_SEED = 55;

    private final CharLm model;
    private final int batch;
    private final int seq;
    private final CrossEntropyLoss loss = CrossEntropyLoss.defaults();
    private final IntTensor[] xs = new IntTensor[BATCHES];
    private final IntTensor[] ys = new IntTensor[BATCHES];

    private CharLmTrainWorkload(CharLm model, int batch, int seq) {
        super(new Adam(model.parameters(), Adam.Options.defaults().withLr(2e-3)), BATCHES);
        this.model = model;
        this.batch = batch;
        this.seq = seq;
        Rng data = new Rng(DATA_SEED);
        for (int i = 0; i < BATCHES; i++) {
            IntTensor full = TextWorkload.ids(data, batch, seq + 1, CharLm.VOCAB); // [B, T+1]
            int[] x = new int[batch * seq];
            int[] y = new int[batch * seq];
            for (int b = 0; b < batch; b++) {
                System.arraycopy(full.data(), b * (seq + 1), x, b * seq, seq);
                System.arraycopy(full.data(), b * (seq + 1) + 1, y, b * seq, seq);
            }
            xs[i] = IntTensor.wrap(Shape.of(batch, seq), x);
            ys[i] = IntTensor.wrap(Shape.of(batch * seq), y);
        }
    }

    static CharLmTrainWorkload create(BenchScale scale) {
        return new CharLmTrainWorkload(new CharLm(new Rng(CharLm.MODEL_SEED)), scale.batch(BATCH), scale.seq(SEQ));
    }

    /** Input ids [B, T] of batch {@code index}. */
    IntTensor inputs(int index) {
        return xs[index];
    }

    /** Target ids [B·T] of batch {@code index}: the next id of each position. */
    IntTensor targets(int index) {
        return ys[index];
    }

    @Override
    Var loss(int index) {
        Var logits = model.forward(xs[index], null).logits();                      // [B, T, 96]
        return loss.forward(F.reshape(logits, batch * seq, CharLm.VOCAB), ys[index]); // over B·T positions
    }

    @Override
    public BenchWorkload id() {
        return BenchWorkload.W5TRAIN;
    }

    @Override
    public int itemsPerStep() {
        return batch * seq;
    }

    @Override
    public double flopsPerItem() {
        return Flops.training(model.macsPerToken());
    }
}
