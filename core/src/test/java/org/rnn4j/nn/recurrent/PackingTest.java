package org.rnn4j.nn.recurrent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.rnn4j.autograd.Var;
import org.rnn4j.rand.Rng;
import org.rnn4j.tensor.Shape;
import org.rnn4j.tensor.Tensor;

class PackingTest {

    /** x[t, b, i] = 100·t + 10·b + i, so every value says where it came from. */
    private static Var indexed(int steps, int batch, int width) {
        Tensor t = Tensor.zeros(steps, batch, width);
        for (int s = 0; s < steps; s++) {
            for (int b = 0; b < batch; b++) {
                for (int i = 0; i < width; i++) {
                    t.set(100 * s + 10 * b + i, s, b, i);
                }
            }
        }
        return Var.param(t);
    }

    @Test
    void packUnsortedMatchesPyTorchLayout() {
        Var x = indexed(6, 4, 2);
        PackedSequence p = Packing.packPaddedSequence(x, new int[] {3, 5, 2, 4}, false, false);
        assertArrayEquals(new int[] {4, 4, 3, 2, 1}, p.batchSizes());
        assertArrayEquals(new int[] {1, 3, 0, 2}, p.sortedIndices());
        assertArrayEquals(new int[] {2, 0, 3, 1}, p.unsortedIndices());
        assertArrayEquals(new int[] {3, 5, 2, 4}, p.lengths());
        assertEquals(Shape.of(14, 2), p.data().shape());
        // step 0: sequences 1, 3, 0, 2; step 2: sequences 1, 3, 0; step 4: sequence 1
        float[] d = p.data().value().data();
        assertEquals(10f, d[0]);
        assertEquals(30f, d[2]);
        assertEquals(0f, d[4]);
        assertEquals(20f, d[6]);
        assertEquals(210f, d[16]);
        assertEquals(200f, d[20]);
        assertEquals(410f, d[26]);
    }

    @Test
    void padPackedInvertsPackAndZeroesPaddingGradient() {
        Var x = indexed(6, 4, 2);
        int[] lengths = {3, 5, 2, 4};
        PackedSequence p = Packing.packPaddedSequence(x, lengths, false, false);
        PaddedSequence back = Packing.padPackedSequence(p, false, -7f, OptionalInt.of(6));
        assertArrayEquals(lengths, back.lengths());
        assertEquals(Shape.of(6, 4, 2), back.padded().shape());
        for (int t = 0; t < 6; t++) {
            for (int b = 0; b < 4; b++) {
                float expected = t < lengths[b] ? 100 * t + 10 * b : -7f;
                assertEquals(expected, back.padded().value().get(t, b, 0), "t " + t + " b " + b);
            }
        }
        back.padded().backward(Tensor.ones(back.padded().shape()));
        for (int t = 0; t < 6; t++) {
            for (int b = 0; b < 4; b++) {
                assertEquals(t < lengths[b] ? 1f : 0f, x.grad().get(t, b, 1), "grad t " + t + " b " + b);
            }
        }
        // without total_length the time axis is max(lengths)
        assertEquals(Shape.of(5, 4, 2), Packing.padPackedSequence(p, false).padded().shape());
    }

    @Test
    void batchFirstRoundTrip() {
        Rng rng = new Rng(3);
        Var x = Support.random(rng, 1f, 3, 4, 2); // [B, T, I]
        PackedSequence p = Packing.packPaddedSequence(x, new int[] {4, 2, 3}, true, false);
        Var back = Packing.padPackedSequence(p, true).padded();
        assertEquals(Shape.of(3, 4, 2), back.shape());
        assertEquals(x.value().get(2, 2, 1), back.value().get(2, 2, 1));
        assertEquals(0f, back.value().get(1, 3, 0));
        assertEquals(x.value().get(0, 3, 0), back.value().get(0, 3, 0));
    }

    @Test
    void padSequenceAndPackSequence() {
        Rng rng = new Rng(4);
        Var a = Support.random(rng, 1f, 3, 2);
        Var b = Support.random(rng, 1f, 1, 2);
        Var c = Support.random(rng, 1f, 2, 2);
        Var padded = Packing.padSequence(List.of(a, b, c), true, 9f);
        assertEquals(Shape.of(3, 3, 2), padded.shape());
        assertEquals(b.value().get(0, 1), padded.value().get(1, 0, 1));
        assertEquals(9f, padded.value().get(1, 1, 0));
        assertEquals(c.value().get(1, 0), padded.value().get(2, 1, 0));
        assertEquals(Shape.of(3, 3, 2), Packing.padSequence(List.of(a, b, c), false, 0f).shape());

        PackedSequence p = Packing.packSequence(List.of(a, c, b), true);
        assertArrayEquals(new int[] {3, 2, 1}, p.batchSizes());
        assertArrayEquals(new int[] {3, 2, 1}, p.lengths());
        PackedSequence q = Packing.packSequence(List.of(a, b, c), false);
        assertArrayEquals(new int[] {0, 2, 1}, q.sortedIndices());
        p.data().backward(Tensor.ones(p.data().shape()));
        assertArrayEquals(new float[] {1, 1}, b.grad().data());
    }

    @Test
    void badLengthsAreRejectedInPyTorchTerms() {
        Var x = indexed(4, 3, 2);
        var zero = assertThrows(IllegalArgumentException.class,
                () -> Packing.packPaddedSequence(x, new int[] {4, 0, 2}, false, false));
        assertTrue(zero.getMessage().contains("greater than 0"), zero.getMessage());
        var negative = assertThrows(IllegalArgumentException.class,
                () -> Packing.packPaddedSequence(x, new int[] {4, -1, 2}, false, false));
        assertTrue(negative.getMessage().contains("lengths[1] = -1"), negative.getMessage());
        var tooLong = assertThrows(IllegalArgumentException.class,
                () -> Packing.packPaddedSequence(x, new int[] {5, 1, 2}, false, false));
        assertTrue(tooLong.getMessage().contains("lengths[0] = 5 is longer than the padded sequence (4 steps"), tooLong.getMessage());
        var count = assertThrows(IllegalArgumentException.class,
                () -> Packing.packPaddedSequence(x, new int[] {4, 1}, false, false));
        assertTrue(count.getMessage().contains("but got 2 (batch_size=3)"), count.getMessage());
        var unsorted = assertThrows(IllegalArgumentException.class,
                () -> Packing.packPaddedSequence(x, new int[] {2, 4, 1}, false, true));
        assertTrue(unsorted.getMessage().contains("must be sorted in decreasing order"), unsorted.getMessage());
        PackedSequence p = Packing.packPaddedSequence(x, new int[] {4, 3, 1}, false, true);
        var total = assertThrows(IllegalArgumentException.class,
                () -> Packing.padPackedSequence(p, false, 0f, OptionalInt.of(3)));
        assertTrue(total.getMessage().contains("total_length=3 and max sequence length being 4"), total.getMessage());
        var mismatch = assertThrows(IllegalArgumentException.class,
                () -> Packing.padSequence(List.of(Var.constant(Tensor.zeros(2, 3)), Var.constant(Tensor.zeros(2, 4))), false, 0f));
        assertTrue(mismatch.getMessage().contains("sequence 1 has shape [2, 4]"), mismatch.getMessage());
    }
}
