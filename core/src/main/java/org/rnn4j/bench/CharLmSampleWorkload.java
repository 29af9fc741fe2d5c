package org.rnn4j.bench;

import org.rnn4j.autograd.GradMode;
import org.rnn4j.nn.recurrent.RecurrentState;
import org.rnn4j.ops.F;
import org.rnn4j.rand.Rng;
import org.rnn4j.tensor.IntTensor;
import org.rnn4j.tensor.Shape;

/**
 * W5sample: the {@link CharLm} in eval mode without a graph, batch 1, one token per call, (h, c)
 * carried from call to call, starting from token 0 and zero states; the next token is drawn from
 * softmax(logits) with a seeded {@link Rng}. Items are tokens.
 */
final class CharLmSampleWorkload implements Workload {
    static final long SAMPLE_SEED = 56;

    private final CharLm model;
    private final Rng rng = new Rng(SAMPLE_SEED);
    private int token;
    private RecurrentState state;

    private CharLmSampleWorkload(CharLm model) {
        this.model = model;
        model.eval();
    }

    static CharLmSampleWorkload create() {
        return new CharLmSampleWorkload(new CharLm(new Rng(CharLm.MODEL_SEED)));
    }

    /** Feeds the current token, carries the state, samples and returns the next token. */
    @Override
    @SuppressWarnings("try") // the scope only switches grad mode off
    public double step() {
        try (var off = GradMode.disabled()) {
            CharLm.Output o = model.forward(IntTensor.wrap(Shape.of(1, 1), new int[] {token}), state);
            state = o.state();
            float[] probs = F.softmax(o.logits(), -1).value().data(); // [1, 1, 96]
            token = sample(probs, rng.nextDouble());
        }
        return token;
    }

    /** The index whose cumulative probability first exceeds {@code u}·total (inverse CDF). */
    static int sample(float[] probs, double u) {
        double total = 0;
        for (float p : probs) {
            total += p;
        }
        double target = u * total;
        double cumulative = 0;
        for (int i = 0; i < probs.length; i++) {
            cumulative += probs[i];
            if (target < cumulative) {
                return i;
            }
        }
        for (int i = probs.length - 1; i > 0; i--) { // rounding: the last class with mass
            if (probs[i] > 0) {
                return i;
            }
        }
        return 0;
    }

    @Override
    public BenchWorkload id() {
        return BenchWorkload.W5SAMPLE;
    }

    @Override
    public int itemsPerStep() {
        return 1;
    }

    @Override
    public double flopsPerItem() {
        return Flops.forward(model.macsPerToken());
    }
}
