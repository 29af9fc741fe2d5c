package org.rnn4j.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rnn4j.autograd.GradMode;
import org.rnn4j.autograd.Var;
import org.rnn4j.loss.MSELoss;
import org.rnn4j.nn.Linear;
import org.rnn4j.optim.Adam;
import org.rnn4j.optim.ReduceLROnPlateau;
import org.rnn4j.rand.Rng;
import org.rnn4j.tensor.Tensor;
import org.rnn4j.tensor.Workspace;

/** The shared loop: early stopping with best weights, the global step counter, and an exact resume from a captured state. */
class EpochLoopTest {
    private static final int N = 24;
    private static final int BATCH = 5;
    private static final Tensor X = data(1, N, 3);
    private static final Tensor Y = data(2, N, 1);
    private static final Tensor VX = data(3, 8, 3);
    private static final Tensor VY = data(4, 8, 1);

    private static Tensor data(long seed, int rows, int cols) {
        Tensor t = Tensor.zeros(rows, cols);
        new Rng(seed).fillNormal(t.data(), 0f, 1f);
        return t;
    }

    /** A linear regression trained with Adam and a plateau schedule, batches drawn from {@code rng}. */
    private static final class Run {
        final Linear model = new Linear(3, 1, new Rng(9));
        final Rng rng = new Rng(10);
        final Adam opt = new Adam(model.parameters(), Adam.Options.defaults().withLr(0.05));
        final EpochLoop loop;

        Run(EarlyStopping.Options stopping, int epochs, TrainingListener listener) {
            Schedule plateau = new Schedule.OnPlateau(new ReduceLROnPlateau(opt,
                    ReduceLROnPlateau.Options.defaults().withFactor(0.5).withPatience(0)));
            loop = new EpochLoop(model, new Trainer(opt, new Clipping.Norm(1.0)), plateau, new EpochLoop.Config(epochs, stopping),
                    Ensemble.Member.single(new Seeds.Consecutive(0)), rng, listener);
        }

        EpochLoop.Outcome run() {
            MSELoss mse = new MSELoss();
            return loop.run(new EpochLoop.Job() {
                @Override
                public int batches(int epoch) {
                    return (N + BATCH - 1) / BATCH;
                }

                @Override
                public Scores train(int epoch, EpochLoop.Steps steps) {
                    int[] order = rng.permutation(N);
                    double sum = 0;
                    for (int from = 0; from < N; from += BATCH) {
                        int b = Math.min(BATCH, N - from);
                        int at = from;
                        sum += steps.step(() -> mse.forward(model.forward(Var.constant(rows(X, order, at, b))), rows(Y, order, at, b)));
                    }
                    return Scores.ofLoss(sum / batches(epoch));
                }

                @Override
                @SuppressWarnings("try") // the resource is a scope (grad mode), never referenced
                public Scores validate(int epoch) {
                    try (var off = GradMode.disabled()) {
                        return Scores.ofLoss(mse.forward(model.forward(Var.constant(VX)), VY).value().item());
                    }
                }
            });
        }
    }

    private static Tensor rows(Tensor all, int[] order, int from, int b) {
        int w = all.dims()[1];
        Tensor out = Workspace.zeros(b, w);
        for (int i = 0; i < b; i++) {
            System.arraycopy(all.data(), order[from + i] * w, out.data(), i * w, w);
        }
        return out;
    }

    private static final EarlyStopping.Options LOWEST = new EarlyStopping.Options(EarlyStopping.Criterion.LOWEST_LOSS, 3, 0);

    @Test
    void keepsTheBestEpochsWeightsAndCountsSteps() {
        List<TrainingEvent.EpochEnded> seen = new ArrayList<>();
        List<Map<String, Tensor>> weights = new ArrayList<>();
        Run[] holder = new Run[1];
        Run r = new Run(LOWEST, 12, new TrainingListener() {
            @Override
            public void epochEnded(TrainingEvent.EpochEnded e) {
                seen.add(e);
                weights.add(holder[0].model.stateDict());
            }
        });
        holder[0] = r;
        EpochLoop.Outcome o = r.run();
        assertEquals(seen, o.history());
        assertEquals(5L * o.epochs(), r.loop.trainer().steps()); // 5 batches an epoch
        int best = 0;
        for (int i = 0; i < seen.size(); i++) {
            if (seen.get(i).improved()) {
                best = i + 1;
            }
            assertEquals(5L * (i + 1), seen.get(i).step());
        }
        assertEquals(best, o.bestEpoch());
        assertEquals(5L * best, o.bestStep());
        double min = seen.stream().mapToDouble(e -> e.validation().loss()).min().orElseThrow();
        assertEquals(min, o.best().loss());
        assertArrayEquals(weights.get(best - 1).get("weight").data(), r.model.weight().value().data()); // best weights loaded back
        assertTrue(seen.get(seen.size() - 1).stopping());
        assertEquals(o.stoppedEarly(), o.epochs() < 12);
    }

    @Test
    void resumesFromACapturedStateBitForBit() {
        EarlyStopping.Options patient = new EarlyStopping.Options(EarlyStopping.Criterion.LOWEST_LOSS, 0, 7);
        Run straight = new Run(patient, 9, TrainingListener.none());
        EpochLoop.Outcome whole = straight.run();

        TrainingState[] captured = new TrainingState[1];
        List<Map<String, Tensor>> model = new ArrayList<>();
        Run[] holder = new Run[1];
        Run first = new Run(patient, 9, new TrainingListener() {
            @Override
            public void epochEnded(TrainingEvent.EpochEnded e) {
                if (e.epoch() == 4) {
                    captured[0] = holder[0].loop.state();
                    model.add(holder[0].model.stateDict());
                }
            }
        });
        holder[0] = first;
        first.run();
        assertNotNull(captured[0]);
        assertEquals(4, captured[0].epoch());
        assertEquals(20, captured[0].trainer().step());

        Run resumed = new Run(patient, 9, TrainingListener.none());
        resumed.model.loadStateDict(model.get(0));
        resumed.loop.restore(captured[0]);
        EpochLoop.Outcome rest = resumed.run();
        assertEquals(whole.history().subList(4, 9), rest.history());
        assertEquals(whole.bestEpoch(), rest.bestEpoch());
        assertEquals(whole.best(), rest.best());
        assertArrayEquals(straight.model.weight().value().data(), resumed.model.weight().value().data());
        assertEquals(straight.opt.lr(), resumed.opt.lr());
        assertEquals(straight.rng.state(), resumed.rng.state());
    }

    @Test
    void warmUpAndTheHighestAccuracyCriterion() {
        Linear m = new Linear(1, 1, new Rng(1));
        EarlyStopping s = new EarlyStopping(new EarlyStopping.Options(EarlyStopping.Criterion.LOWEST_LOSS, 2, 10));
        assertFalse(s.observe(1, 5, Scores.ofLoss(1.0), m, false).improved()); // before the warm-up: not watched
        assertTrue(s.observe(2, 10, Scores.ofLoss(2.0), m, false).improved());
        assertFalse(s.observe(3, 15, Scores.ofLoss(2.0), m, false).improved()); // not strictly lower
        assertTrue(s.observe(4, 20, Scores.ofLoss(3.0), m, false).exhausted());
        assertEquals(2, s.bestEpoch());

        EarlyStopping never = new EarlyStopping(new EarlyStopping.Options(EarlyStopping.Criterion.LOWEST_LOSS, 1, 100));
        EarlyStopping.Verdict v = never.observe(1, 5, Scores.ofLoss(1.0), m, true);
        assertTrue(v.stop() && !v.improved());
        assertEquals(1, never.bestEpoch()); // the budget ended before the warm-up: the last weights are kept

        EarlyStopping acc = new EarlyStopping(new EarlyStopping.Options(EarlyStopping.Criterion.HIGHEST_ACCURACY, 0, 0));
        assertTrue(acc.observe(1, 1, new Scores(Double.NaN, 0.5, 0.5), m, false).improved()); // the first always counts
        assertTrue(acc.observe(2, 2, new Scores(0.7, 0.6, 0.6), m, false).improved());
        assertFalse(acc.observe(3, 3, new Scores(0.8, 0.6, 0.6), m, false).improved());
        assertTrue(acc.observe(4, 4, new Scores(0.6, 0.6, 0.6), m, false).improved()); // same accuracy, lower loss
        assertFalse(acc.observe(40, 40, new Scores(0.1, 0.5, 0.5), m, false).stop()); // patience 0: never stops early
    }

    @Test
    void seedsOfAnEnsemble() {
        assertEquals(44, new Seeds.Consecutive(42).seed(2));
        Rng root = new Rng(7);
        root.split();
        double second = root.split().nextDouble();
        assertEquals(second, new Seeds.Splits(7).rng(1).nextDouble());
        List<Integer> order = Ensemble.train(3, new Seeds.Consecutive(0), Ensemble.Member::index);
        assertEquals(List.of(0, 1, 2), order);
    }
}
