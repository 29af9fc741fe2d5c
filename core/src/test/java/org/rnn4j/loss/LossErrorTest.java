package org.rnn4j.loss;

import org.rnn4j.tensor.IntTensor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.rnn4j.autograd.Var;
import org.rnn4j.tensor.Shape;
import org.rnn4j.tensor.Tensor;

/** Bad arguments throw IllegalArgumentException naming the loss, the expected and the actual shape/value. */
class LossErrorTest {
    private static final Var X = Var.constant(Tensor.zeros(3, 5));

    private static void assertMessage(String expected, Executable e) {
        assertEquals(expected, assertThrows(IllegalArgumentException.class, e).getMessage());
    }

    @Test
    void crossEntropyTargetShapes() {
        CrossEntropyLoss ce = CrossEntropyLoss.defaults();
        assertMessage("cross_entropy: target [4] does not match input batch 3", () -> ce.forward(X, IntTensor.vector(0, 1, 2, 3)));
        assertMessage("cross_entropy: target [3, 2] does not match input [3, 5] (expected a target of rank 1)",
                () -> ce.forward(X, IntTensor.of(Shape.of(3, 2), 0, 0, 0, 0, 0, 0)));
        Var k = Var.constant(Tensor.zeros(2, 5, 4));
        assertMessage("cross_entropy: target [2, 3] does not match input [2, 5, 4] (expected target [2, 4])",
                () -> ce.forward(k, IntTensor.of(Shape.of(2, 3), 0, 0, 0, 0, 0, 0)));
        assertMessage("cross_entropy: unbatched input [5] needs a 0-d target, got [1]",
                () -> ce.forward(Var.constant(Tensor.zeros(5)), IntTensor.vector(1)));
        assertMessage("cross_entropy: input must have a class dimension, got a 0-d input",
                () -> ce.forward(Var.constant(Tensor.scalar(1f)), IntTensor.scalar(0)));
    }

    @Test
    void classIndexOutOfRange() {
        assertMessage("cross_entropy: target 5 at position 1 is out of range for 5 classes (ignore_index -100)",
                () -> CrossEntropyLoss.defaults().forward(X, IntTensor.vector(0, 5, 1)));
        assertMessage("nll_loss: target -1 at position 2 is out of range for 5 classes (ignore_index -100)",
                () -> NLLLoss.defaults().forward(X, IntTensor.vector(0, 4, -1)));
    }

    @Test
    void classWeightsAndOptions() {
        assertMessage("cross_entropy: weight [4] does not match 5 classes",
                () -> CrossEntropyLoss.defaults().withWeight(Tensor.zeros(4)).forward(X, IntTensor.vector(0, 1, 2)));
        assertMessage("nll_loss: weight must be 1-D [C], got [5, 1]", () -> NLLLoss.defaults().withWeight(Tensor.zeros(5, 1)));
        assertMessage("cross_entropy: label_smoothing must be in [0, 1], got 1.5",
                () -> CrossEntropyLoss.defaults().withLabelSmoothing(1.5));
        assertMessage("reduction: expected one of mean, sum, none, got 'avg'", () -> Reduction.of("avg"));
    }

    @Test
    void elementwiseLossShapes() {
        assertMessage("mse_loss: target [3, 4] does not match input [3, 5]", () -> new MSELoss().forward(X, Tensor.zeros(3, 4)));
        assertMessage("binary_cross_entropy_with_logits: target [5] does not match input [3, 5]",
                () -> BCEWithLogitsLoss.defaults().forward(X, Tensor.zeros(5)));
        assertMessage("binary_cross_entropy_with_logits: pos_weight [4] cannot broadcast to input [3, 5]",
                () -> BCEWithLogitsLoss.defaults().withPosWeight(Tensor.zeros(4)).forward(X, Tensor.zeros(3, 5)));
        assertMessage("binary_cross_entropy_with_logits: weight [2, 3, 5] cannot broadcast to input [3, 5]",
                () -> BCEWithLogitsLoss.defaults().withWeight(Tensor.zeros(2, 3, 5)).forward(X, Tensor.zeros(3, 5)));
    }

    @Test
    void targetsValidation() {
        assertMessage("int tensor: shape [2, 2] needs 4 elements, got 3", () -> IntTensor.of(Shape.of(2, 2), 1, 2, 3));
        assertMessage("int tensor: value 4294967296 at 0 does not fit in an int",
                () -> IntTensor.fromLongs(Shape.of(1), new long[] {1L << 32}));
    }
}
