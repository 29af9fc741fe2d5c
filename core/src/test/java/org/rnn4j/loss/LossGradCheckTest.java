package org.rnn4j.loss;

import org.rnn4j.tensor.IntTensor;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.rnn4j.autograd.Var;
import org.rnn4j.rand.Rng;
import org.rnn4j.tensor.Shape;
import org.rnn4j.tensor.Tensor;
import org.rnn4j.testutil.GradCheck;

/** Finite-difference checks of every loss's backward, for every reduction and option combination. */
class LossGradCheckTest {
    private static final Tensor CLASS_WEIGHT = Tensor.vector(0.5f, 1.25f, 2f, 0.75f);

    /** N = 5 samples, C = 4 classes; index 2 holds class 1 (used as a real ignore_index below). */
    private static final IntTensor TARGET_2D = IntTensor.vector(3, 0, 1, 2, 1);

    @ParameterizedTest
    @EnumSource(Reduction.class)
    void crossEntropyAllOptionCombinations(Reduction r) {
        for (boolean weighted : new boolean[] {false, true}) {
            for (int ignore : new int[] {CrossEntropyLoss.DEFAULT_IGNORE_INDEX, 1}) {
                for (double eps : new double[] {0.0, 0.2}) {
                    CrossEntropyLoss loss = new CrossEntropyLoss(weighted ? CLASS_WEIGHT : null, ignore, r, eps);
                    Var x = GradCheck.randomParam(new Rng(11), 2f, 5, 4);
                    GradCheck.check("cross_entropy " + loss, List.of(x), () -> loss.forward(x, TARGET_2D));
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Reduction.class)
    void crossEntropyKDimensionalAndUnbatched(Reduction r) {
        CrossEntropyLoss loss = new CrossEntropyLoss(CLASS_WEIGHT, 2, r, 0.1);
        Var x = GradCheck.randomParam(new Rng(12), 2f, 2, 4, 3, 2); // [N, C, d1, d2]
        IntTensor t = IntTensor.of(Shape.of(2, 3, 2), 0, 1, 2, 3, 2, 1, 3, 3, 0, 2, 1, 0);
        GradCheck.check("cross_entropy kdim " + r, List.of(x), () -> loss.forward(x, t));

        Var u = GradCheck.randomParam(new Rng(13), 2f, 4); // [C], 0-d target
        CrossEntropyLoss plain = CrossEntropyLoss.defaults().withReduction(r).withLabelSmoothing(0.3);
        GradCheck.check("cross_entropy unbatched " + r, List.of(u), () -> plain.forward(u, IntTensor.scalar(3)));
    }

    @ParameterizedTest
    @EnumSource(Reduction.class)
    void nllAllOptionCombinations(Reduction r) {
        for (boolean weighted : new boolean[] {false, true}) {
            for (int ignore : new int[] {CrossEntropyLoss.DEFAULT_IGNORE_INDEX, 1}) {
                NLLLoss loss = new NLLLoss(weighted ? CLASS_WEIGHT : null, ignore, r);
                Var x = GradCheck.randomParam(new Rng(14), 2f, 5, 4);
                GradCheck.check("nll_loss " + loss, List.of(x), () -> loss.forward(x, TARGET_2D));
            }
        }
        Var k = GradCheck.randomParam(new Rng(15), 2f, 2, 4, 3);
        IntTensor t = IntTensor.of(Shape.of(2, 3), 0, 3, 1, 2, 2, 0);
        NLLLoss weighted = NLLLoss.defaults().withWeight(CLASS_WEIGHT).withReduction(r);
        GradCheck.check("nll_loss kdim " + r, List.of(k), () -> weighted.forward(k, t));
    }

    @ParameterizedTest
    @EnumSource(Reduction.class)
    void mseGradientsForInputAndTarget(Reduction r) {
        Var x = GradCheck.randomParam(new Rng(16), 2f, 3, 4);
        Var y = GradCheck.randomParam(new Rng(17), 2f, 3, 4);
        MSELoss loss = new MSELoss(r);
        GradCheck.check("mse_loss " + r, List.of(x, y), () -> loss.forward(x, y));
    }

    @ParameterizedTest
    @EnumSource(Reduction.class)
    void bceWithLogitsAllOptionCombinations(Reduction r) {
        Tensor w = Tensor.vector(0.5f, 1.5f, 0.75f);
        Tensor pw = Tensor.vector(2f, 0.5f, 3f);
        for (boolean weighted : new boolean[] {false, true}) {
            for (boolean positive : new boolean[] {false, true}) {
                BCEWithLogitsLoss loss = new BCEWithLogitsLoss(weighted ? w : null, positive ? pw : null, r);
                Var x = GradCheck.randomParam(new Rng(18), 3f, 2, 4, 3); // [N, d, C]: weights broadcast over the last dim
                Tensor soft = Tensor.zeros(2, 4, 3);
                new Rng(19).fillUniform(soft.data(), 0f, 1f);
                Var y = Var.param(soft);
                GradCheck.check("bce_with_logits " + loss, List.of(x, y), () -> loss.forward(x, y));
            }
        }
    }

    @Test
    void bceWithLogitsFullShapeWeight() {
        Tensor w = Tensor.zeros(4, 1); // broadcast over the class dim instead
        new Rng(20).fillUniform(w.data(), 0.5f, 2f);
        BCEWithLogitsLoss loss = BCEWithLogitsLoss.defaults().withWeight(w).withPosWeight(Tensor.vector(1.5f, 0.5f, 2f));
        Var x = GradCheck.randomParam(new Rng(21), 3f, 4, 3);
        Tensor y = Tensor.of(Shape.of(4, 3), 0f, 1f, 0.25f, 1f, 0.75f, 0f, 0f, 0f, 1f, 0.5f, 1f, 1f);
        GradCheck.check("bce_with_logits broadcast weight", List.of(x), () -> loss.forward(x, y));
    }
}
