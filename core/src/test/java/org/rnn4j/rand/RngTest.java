package org.rnn4j.rand;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link Rng} draws what {@code java.util.SplittableRandom} draws, and a captured state continues exactly. */
class RngTest {
    private static final int[] BOUNDS = {1, 2, 3, 7, 16, 50, 1000, 1 << 20, Integer.MAX_VALUE, (1 << 30) + 1};

    @Test
    void sameNumbersAndSplitsAsSplittableRandom() {
        for (long seed : new long[] {0, 1, 42, -7, Long.MAX_VALUE}) {
            Rng r = new Rng(seed);
            SplittableRandom j = new SplittableRandom(seed);
            for (int round = 0; round < 4; round++) {
                for (int i = 0; i < 2000; i++) {
                    assertEquals(j.nextDouble(), r.nextDouble(), "seed " + seed);
                    int b = BOUNDS[i % BOUNDS.length];
                    assertEquals(j.nextInt(b), r.nextInt(b), "seed " + seed + " bound " + b);
                }
                r = r.split(); // walk down a chain of splits
                j = j.split();
            }
        }
    }

    @Test
    void aCapturedStateContinuesExactly() {
        Rng r = new Rng(42);
        r.normal(0f, 1f); // leaves a spare normal cached
        Rng.State s = r.state();
        Rng copy = Rng.of(s);
        for (int i = 0; i < 100; i++) {
            assertEquals(r.normal(0f, 1f), copy.normal(0f, 1f));
            assertEquals(r.nextInt(13), copy.nextInt(13));
            assertEquals(r.split().nextDouble(), copy.split().nextDouble());
        }
        assertEquals(r.state(), copy.state());
    }
}
