package org.rnn4j.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rnn4j.nn.Parameter;
import org.rnn4j.optim.ReduceLROnPlateau.Mode;
import org.rnn4j.optim.ReduceLROnPlateau.ThresholdMode;
import org.rnn4j.tensor.Tensor;

/** Learning-rate schedules against their closed-form formulas, written out here independently. */
class SchedulerTest {

    private static SGD sgd(double lr) {
        return new SGD(List.of(new Parameter(Tensor.zeros(2))), lr);
    }

    private static void assertClose(double expected, double actual, String what) {
        assertEquals(expected, actual, 1e-12 * Math.abs(expected) + 1e-15, what);
    }

    @Test
    void stepLrDecaysEveryStepSizeEpochs() {
        SGD opt = sgd(0.1);
        StepLR s = new StepLR(opt, 3, 0.5);
        assertEquals(0.1, opt.lr());
        for (int epoch = 1; epoch <= 10; epoch++) {
            s.step();
            double expected = 0.1 * Math.pow(0.5, epoch / 3); // 0.1 for epochs 0-2, 0.05 for 3-5, ...
            assertClose(expected, opt.lr(), "epoch " + epoch);
            assertClose(expected, s.closedFormLr(epoch), "closed form " + epoch);
            assertEquals(opt.lr(), s.lastLr());
            assertEquals(epoch, s.lastEpoch());
        }
        assertClose(0.1 * 0.125, opt.lr(), "epoch 10");
    }

    @Test
    void exponentialLrMultipliesEveryEpoch() {
        SGD opt = sgd(0.2);
        ExponentialLR s = new ExponentialLR(opt, 0.9);
        for (int epoch = 1; epoch <= 8; epoch++) {
            s.step();
            assertClose(0.2 * Math.pow(0.9, epoch), opt.lr(), "epoch " + epoch);
        }
    }

    @Test
    void cosineAnnealingFollowsTheClosedFormAcrossSeveralPeriods() {
        double base = 0.1;
        double etaMin = 0.01;
        int tMax = 5;
        SGD opt = sgd(base);
        CosineAnnealingLR s = new CosineAnnealingLR(opt, tMax, etaMin);
        for (int epoch = 1; epoch <= 3 * tMax + 2; epoch++) {
            s.step();
            double closed = etaMin + (base - etaMin) * (1 + Math.cos(Math.PI * epoch / tMax)) / 2;
            assertClose(closed, opt.lr(), "epoch " + epoch);
            assertClose(closed, s.closedFormLr(epoch), "closed form " + epoch);
        }
    }

    @Test
    void cosineAnnealingFirstEpochsByHand() {
        // T_max = 4, η_min = 0, base 1: η_t = (1 + cos(πt/4)) / 2
        SGD opt = sgd(1.0);
        CosineAnnealingLR s = new CosineAnnealingLR(opt, 4);
        double[] expected = {(1 + Math.sqrt(0.5)) / 2, 0.5, (1 - Math.sqrt(0.5)) / 2, 0.0, (1 - Math.sqrt(0.5)) / 2, 0.5};
        for (int i = 0; i < expected.length; i++) {
            s.step();
            assertEquals(expected[i], opt.lr(), 1e-12, "epoch " + (i + 1));
        }
    }

    @Test
    void reduceOnPlateauWaitsPatienceEpochsThenCoolsDown() {
        SGD opt = sgd(1.0);
        ReduceLROnPlateau s = new ReduceLROnPlateau(opt, ReduceLROnPlateau.Options.defaults()
                .withPatience(2).withFactor(0.5).withCooldown(1));
        double[] losses = {1.0, 0.9, 0.95, 0.95, 0.95, 0.95, 0.95, 0.95, 0.95};
        //                  best  best  bad1  bad2  bad3→cut bad(cooldown→0)  bad1 bad2 bad3→cut
        double[] lrs = {1.0, 1.0, 1.0, 1.0, 0.5, 0.5, 0.5, 0.5, 0.25};
        for (int i = 0; i < losses.length; i++) {
            s.step(losses[i]);
            assertEquals(lrs[i], opt.lr(), "epoch " + (i + 1));
        }
        assertEquals(0.9, s.best());
    }

    @Test
    void reduceOnPlateauThresholdModes() {
        // relative: 0.95 is not better than 1.0·(1 - 0.1); absolute: 0.95 is better than 1.0 - 0.01
        SGD rel = sgd(1.0);
        ReduceLROnPlateau r = new ReduceLROnPlateau(rel, ReduceLROnPlateau.Options.defaults().withPatience(0)
                .withThreshold(0.1, ThresholdMode.REL));
        r.step(1.0);
        r.step(0.95);
        assertEquals(0.1, rel.lr(), 1e-15);

        SGD abs = sgd(1.0);
        ReduceLROnPlateau a = new ReduceLROnPlateau(abs, ReduceLROnPlateau.Options.defaults().withPatience(0)
                .withThreshold(0.01, ThresholdMode.ABS));
        a.step(1.0);
        a.step(0.95);
        assertEquals(1.0, abs.lr());
        assertEquals(0.95, a.best());
    }

    @Test
    void reduceOnPlateauMaxModeMinLrAndEps() {
        SGD opt = sgd(1.0);
        ReduceLROnPlateau s = new ReduceLROnPlateau(opt, ReduceLROnPlateau.Options.defaults().withMode(Mode.MAX)
                .withPatience(0).withMinLr(0.3).withFactor(0.5));
        s.step(0.5);  // best
        s.step(0.6);  // better (max mode)
        assertEquals(1.0, opt.lr());
        s.step(0.6);  // not better → 0.5
        s.step(0.4);  // → max(0.25, 0.3) = 0.3
        s.step(0.4);  // 0.3 - 0.3 = 0 <= eps: unchanged
        assertEquals(0.3, opt.lr());

        SGD tiny = sgd(1e-8);
        ReduceLROnPlateau t = new ReduceLROnPlateau(tiny, ReduceLROnPlateau.Options.defaults().withPatience(0));
        t.step(1.0);
        t.step(1.0); // 1e-8 - 1e-9 < eps 1e-8: not applied
        assertEquals(1e-8, tiny.lr());
    }

    @Test
    void invalidSchedules() {
        assertEquals("StepLR: step_size must be >= 1, got 0",
                assertThrows(IllegalArgumentException.class, () -> new StepLR(sgd(0.1), 0)).getMessage());
        assertEquals("CosineAnnealingLR: T_max must be >= 1, got 0",
                assertThrows(IllegalArgumentException.class, () -> new CosineAnnealingLR(sgd(0.1), 0)).getMessage());
        assertEquals("ReduceLROnPlateau: factor must be in [0, 1), got 1.0",
                assertThrows(IllegalArgumentException.class,
                        () -> ReduceLROnPlateau.Options.defaults().withFactor(1.0)).getMessage());
    }
}
