package org.rnn4j.lm;

import java.util.Map;
import java.util.function.LongSupplier;
import org.rnn4j.autograd.Var;
import org.rnn4j.loss.CrossEntropyLoss;
import org.rnn4j.nn.recurrent.RecurrentState;
import org.rnn4j.ops.F;
import org.rnn4j.optim.AdamW;
import org.rnn4j.tensor.IntTensor;
import org.rnn4j.tensor.Shape;
import org.rnn4j.tensor.Tensor;
import org.rnn4j.train.Clipping;
import org.rnn4j.train.Trainer;

/**
 * Truncated backpropagation through time on the shared {@link Trainer}: the training ids are cut into
 * B contiguous streams, each step trains on the next T ids of every stream from the state the previous
 * window ended in, detached (PyTorch's {@code hidden = hidden.detach()}); at the end of the streams the
 * windows start again from the streams' beginnings and zero states. The learning rate warms up linearly
 * and then follows a cosine over the budget (steps or time, whichever ends first). Validation bpc is
 * measured every {@code evalEvery} steps and at the end; the best validation weights are kept.
 *
 * <p>The loop's whole position is {@link #state()}: step and optimizer ({@link Trainer.State}), the
 * streams' offset, the carried state, the best weights — the value a checkpoint would write.
 */
public final class LmTrainer {
    /** Progress, called on the training thread. */
    public interface Listener {
        default void step(long step, double loss, double lr) {
        }

        default void validated(long step, double validationBpc, boolean improved) {
        }
    }

    /**
     * Where the loop is.
     *
     * @param trainer  global step and optimizer buffers
     * @param offset   position of the next window within each stream
     * @param carried  the carried (detached) state's tensors: h, and c for the LSTM; empty at a stream start
     * @param bestBpc  best validation bpc so far (NaN before the first validation)
     * @param bestStep its step
     * @param best     its weights (null before the first validation)
     * @param elapsedMillis training time spent (the time budget's clock)
     */
    public record State(Trainer.State trainer, int offset, Tensor[] carried, double bestBpc, long bestStep,
                        Map<String, Tensor> best, long elapsedMillis) {
    }

    /** The result: the model holds the best validation weights. */
    public record Result(long steps, double bestBpc, long bestStep, double lastTrainLoss, long elapsedMillis) {
    }

    private final CharLanguageModel model;
    private final LmSettings settings;
    private final int[] train;
    private final int[] validation;
    private final Trainer trainer;
    private final CrossEntropyLoss loss = CrossEntropyLoss.defaults();
    private final int streamLength;
    private int offset;
    private RecurrentState carried;
    private double bestBpc = Double.NaN;
    private long bestStep;
    private Map<String, Tensor> best;

    public LmTrainer(CharLanguageModel model, LmSettings settings, int[] train, int[] validation) {
        this.model = model;
        this.settings = settings;
        this.train = train;
        this.validation = validation;
        this.streamLength = train.length / settings.batch();
        if (streamLength < settings.seqLen() + 1) {
            throw new IllegalArgumentException("language model: " + train.length + " training characters are too few for "
                    + settings.batch() + " streams of windows of " + settings.seqLen() + " (need " + settings.batch()
                    * (settings.seqLen() + 1L) + ")");
        }
        if (validation.length < 2) {
            throw new IllegalArgumentException("language model: the validation part needs at least 2 characters");
        }
        AdamW opt = new AdamW(model.parameters(), AdamW.defaults().withLr(settings.lr()).withWeightDecay(settings.weightDecay()));
        this.trainer = new Trainer(opt, Clipping.normOrNone(settings.clip()));
    }

    /** Trains until the step or time budget is spent; {@code clock} gives milliseconds. */
    public Result run(Listener listener, LongSupplier clock) {
        long start = clock.getAsLong();
        long budgetMillis = (long) (settings.maxMinutes() * 60_000);
        double lastLoss = Double.NaN;
        while (true) {
            long elapsed = clock.getAsLong() - start;
            double progress = progress(trainer.steps(), elapsed, budgetMillis);
            if (progress >= 1) {
                break;
            }
            double lr = lr(trainer.steps(), progress);
            trainer.optimizer().setLr(lr);
            lastLoss = step();
            listener.step(trainer.steps(), lastLoss, lr);
            if (trainer.steps() % settings.evalEvery() == 0) {
                validate(listener);
            }
        }
        if (best == null || bestStep != trainer.steps()) {
            validate(listener);
        }
        model.loadStateDict(best);
        return new Result(trainer.steps(), bestBpc, bestStep, lastLoss, clock.getAsLong() - start);
    }

    /** The fraction of the budget spent: the larger of the step and time fractions. */
    private double progress(long steps, long elapsed, long budgetMillis) {
        double p = 0;
        if (settings.maxSteps() > 0) {
            p = (double) steps / settings.maxSteps();
        }
        if (budgetMillis > 0) {
            p = Math.max(p, (double) elapsed / budgetMillis);
        }
        return p;
    }

    /** Linear warm-up over the first steps, then cosine from lr to lr·minLrFraction over the budget. */
    private double lr(long step, double progress) {
        double peak = settings.lr();
        if (step < settings.warmupSteps()) {
            return peak * (step + 1) / settings.warmupSteps();
        }
        double min = peak * settings.minLrFraction();
        return min + (peak - min) * 0.5 * (1 + Math.cos(Math.PI * Math.min(1, progress)));
    }

    /** One window of every stream: x [B, T], targets the next ids [B·T]. */
    private double step() {
        int b = settings.batch();
        int t = settings.seqLen();
        if (offset + t + 1 > streamLength) {
            offset = 0;
            carried = null;
        }
        int[] x = new int[b * t];
        int[] y = new int[b * t];
        for (int s = 0; s < b; s++) {
            int from = s * streamLength + offset;
            System.arraycopy(train, from, x, s * t, t);
            System.arraycopy(train, from + 1, y, s * t, t);
        }
        offset += t;
        model.train();
        RecurrentState[] next = new RecurrentState[1];
        float l = trainer.step(() -> {
            CharLanguageModel.Output o = model.forward(IntTensor.wrap(Shape.of(b, t), x), carried); // [B, T, V]
            next[0] = o.state().map(v -> Var.constant(v.value().copy())); // detached, copied out of the workspace step
            return loss.forward(F.reshape(o.logits(), b * t, model.architecture().vocabSize()), IntTensor.wrap(Shape.of(b * t), y));
        });
        carried = next[0];
        return l;
    }

    private void validate(Listener listener) {
        double bpc = Bpc.of(model, validation, 512).bpc();
        boolean improved = best == null || bpc < bestBpc;
        if (improved) {
            bestBpc = bpc;
            bestStep = trainer.steps();
            best = model.stateDict();
        }
        listener.validated(trainer.steps(), bpc, improved);
    }

    /** The loop's position as a value (for a checkpoint). */
    public State state() {
        Tensor[] c = carried == null ? new Tensor[0] : carried instanceof org.rnn4j.nn.recurrent.LstmState s
                ? new Tensor[] {s.h().value().copy(), s.c().value().copy()} : new Tensor[] {carried.h().value().copy()};
        return new State(trainer.state(), offset, c, bestBpc, bestStep, best, 0);
    }
}
