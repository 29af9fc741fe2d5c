package org.rnn4j.classify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.rnn4j.rand.Rng;

class StratifiedSplitTest {

    @Test
    void keepsEachClassShareAndCoversEveryRowOnce() {
        int[] y = new int[200];
        for (int i = 0; i < y.length; i++) {
            y[i] = i < 150 ? 0 : i < 190 ? 1 : 2; // 150 / 40 / 10
        }
        StratifiedSplit s = StratifiedSplit.of(y, 3, 0.2, new Rng(7));
        int[] perClass = new int[3];
        for (int i : s.validation()) {
            perClass[y[i]]++;
        }
        assertArrayEquals(new int[] {30, 8, 2}, perClass);
        int[] all = IntStream.concat(Arrays.stream(s.train()), Arrays.stream(s.validation())).sorted().toArray();
        assertArrayEquals(IntStream.range(0, 200).toArray(), all);
        assertArrayEquals(StratifiedSplit.of(y, 3, 0.2, new Rng(7)).validation(), s.validation());
        assertFalse(Arrays.equals(StratifiedSplit.of(y, 3, 0.2, new Rng(8)).validation(), s.validation()));
    }

    @Test
    void smallClassesKeepAtLeastOneExampleOnEachSide() {
        int[] y = {0, 0, 1, 1, 1, 1, 1, 1, 1, 2};
        StratifiedSplit s = StratifiedSplit.of(y, 3, 0.1, new Rng(1));
        long zeros = Arrays.stream(s.validation()).filter(i -> y[i] == 0).count();
        long twos = Arrays.stream(s.validation()).filter(i -> y[i] == 2).count();
        assertEquals(1, zeros);  // round(0.2) = 0, raised to 1
        assertEquals(0, twos);   // a single example stays in training
    }
}
