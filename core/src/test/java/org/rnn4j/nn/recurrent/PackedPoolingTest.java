package org.rnn4j.nn.recurrent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rnn4j.autograd.Var;
import org.rnn4j.rand.Rng;
import org.rnn4j.tensor.Shape;
import org.rnn4j.tensor.Tensor;
import org.rnn4j.testutil.GradCheck;

class PackedPoolingTest {

    /** Batch-first [3, 4, 2]: lengths 2, 4, 1 (unsorted); padded steps hold large values that must be ignored. */
    private static Var padded() {
        float p = 99f;
        return Var.param(Tensor.of(Shape.of(3, 4, 2),
                1, -1, 3, 5, p, p, p, p,
                2, 0, -4, 7, 6, 1, 0, 0,
                -3, 8, p, p, p, p, p, p));
    }

    private static final int[] LENGTHS = {2, 4, 1};

    @Test
    void meanAndMaxOverValidStepsInOriginalBatchOrder() {
        PackedSequence packed = Packing.packPaddedSequence(padded(), LENGTHS, true, false);
        Var mean = PackedPooling.mean(packed);
        Var max = PackedPooling.max(packed);
        assertEquals(Shape.of(3, 2), mean.shape());
        assertArrayEquals(new float[] {2, 2, 1, 2, -3, 8}, mean.value().data(), 1e-6f);
        assertArrayEquals(new float[] {3, 5, 6, 7, -3, 8}, max.value().data());
    }

    @Test
    void gradientOfMaxGoesToTheWinningStepOnly() {
        Var x = padded();
        PackedSequence packed = Packing.packPaddedSequence(x, LENGTHS, true, false);
        PackedPooling.max(packed).backward(Tensor.full(Shape.of(3, 2), 1f));
        float[] g = x.grad().data();
        // sequence 0: max of feature 0 at step 1 (3), feature 1 at step 1 (5)
        assertArrayEquals(new float[] {0, 0, 1, 1, 0, 0, 0, 0}, java.util.Arrays.copyOfRange(g, 0, 8));
        // sequence 1: feature 0 max 6 at step 2, feature 1 max 7 at step 1
        assertArrayEquals(new float[] {0, 0, 0, 1, 1, 0, 0, 0}, java.util.Arrays.copyOfRange(g, 8, 16));
        assertArrayEquals(new float[] {1, 1, 0, 0, 0, 0, 0, 0}, java.util.Arrays.copyOfRange(g, 16, 24));
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        Rng rng = new Rng(5);
        Tensor t = Tensor.zeros(4, 5, 3);
        rng.fillUniform(t.data(), -2f, 2f);
        Var x = Var.param(t);
        int[] lengths = {3, 5, 1, 4};
        GradCheck.check("packed mean", List.of(x), () -> PackedPooling.mean(Packing.packPaddedSequence(x, lengths, true, false)));
        GradCheck.check("packed max", List.of(x), () -> PackedPooling.max(Packing.packPaddedSequence(x, lengths, true, false)));
    }
}
