package org.rnn4j.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rnn4j.nn.recurrent.CellKind;

class SineTutorialTest {
    private static final SineTutorial.Config SHORT = SineTutorial.Config.defaults().withIterations(150);

    @Test
    void sameSeedGivesTheSameLossesAndPredictions() {
        for (CellKind k : List.of(CellKind.RNN_TANH, CellKind.LSTM, CellKind.GRU)) {
            SineTutorial.Result a = SineTutorial.run(SHORT.withCell(k), TrainingListener.none());
            SineTutorial.Result b = SineTutorial.run(SHORT.withCell(k), TrainingListener.none());
            assertArrayEquals(a.losses(), b.losses(), k.toString());
            assertArrayEquals(a.predictions(), b.predictions(), k.toString());
            assertEquals(a.testStart(), b.testStart());
            SineTutorial.Result c = SineTutorial.run(SHORT.withCell(k).withSeed(7), TrainingListener.none());
            assertFalse(Arrays.equals(a.losses(), c.losses()), k + ": another seed must give other losses");
        }
    }

    @Test
    void listenerSeesEveryIterationAndTheLossFalls() {
        List<Float> seen = new ArrayList<>();
        SineTutorial.Result r = SineTutorial.run(SHORT.withIterations(400), new TrainingListener() {
            @Override
            public void stepEnded(TrainingEvent.StepEnded e) {
                assertEquals(seen.size() + 1, e.batch());
                assertEquals(e.batch(), e.step()); // one step per iteration: the global counter agrees
                assertEquals(400, e.batches());
                seen.add((float) e.loss());
            }
        });
        assertEquals(400, seen.size());
        for (int i = 0; i < 400; i++) {
            assertEquals(r.losses()[i], seen.get(i));
        }
        assertTrue(r.finalLoss() < r.losses()[0] / 10, "mean of the last 100 " + r.finalLoss() + " vs first " + r.losses()[0]);
        assertEquals(r.losses()[399], r.lastLoss());
        double mean = 0;
        for (int i = 300; i < 400; i++) {
            mean += r.losses()[i] / 100.0;
        }
        assertEquals(mean, r.finalLoss(), 1e-9);
    }

    @Test
    void freshTestWindowIsDrawnFromZeroToTwoAndItsMseIsAgainstTheTrueCurve() {
        SineTutorial.Result r = SineTutorial.run(SHORT, TrainingListener.none());
        assertTrue(r.testStart() >= 0 && r.testStart() < 2, "test start " + r.testStart());
        assertArrayEquals(SineWindows.window(r.testStart()), r.testWindow());
        assertEquals(SineWindows.POINTS - 1, r.predictions().length);
        double se = 0;
        for (int i = 0; i < r.predictions().length; i++) {
            double d = (double) r.predictions()[i] - r.testWindow()[i + 1];
            se += d * d;
        }
        assertEquals(se / r.predictions().length, r.predictionMse(), 1e-12);

        SineTutorial.Result fixed = SineTutorial.run(SHORT.withTestStart(new SineTutorial.TestStart.Fixed(3)),
                TrainingListener.none());
        assertEquals(3.0, fixed.testStart());
        assertArrayEquals(r.losses(), fixed.losses(), "the test start does not change training");
    }

    @Test
    void badSettingsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> SHORT.withIterations(0));
        assertThrows(IllegalArgumentException.class, () -> SHORT.withHiddenSize(0));
        assertThrows(IllegalArgumentException.class, () -> SHORT.withLr(0));
        assertThrows(IllegalArgumentException.class, () -> new SineTutorial.TestStart.Uniform(2, 2));
    }
}
