package org.rnn4j.loss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.rnn4j.autograd.Var;
import org.rnn4j.ops.F;
import org.rnn4j.rand.Rng;
import org.rnn4j.tensor.Shape;
import org.rnn4j.tensor.Tensor;
import org.rnn4j.testutil.GradCheck;

/** {@link L1Loss}: torch's {@code nn.L1Loss} values, gradients (0 where input equals target) and finite differences. */
class L1LossTest {

    @ParameterizedTest
    @EnumSource(Reduction.class)
    void gradientsForInputAndTarget(Reduction r) {
        Var x = GradCheck.randomParam(new Rng(31), 2f, 3, 4);
        Var y = GradCheck.randomParam(new Rng(32), 2f, 3, 4);
        L1Loss loss = new L1Loss(r);
        GradCheck.check("l1_loss " + r, List.of(x, y), () -> loss.forward(x, y));
    }

    @Test
    void valuesOfEachReduction() {
        Tensor x = Tensor.wrap(Shape.of(2, 2), new float[] {1f, -2f, 3f, 0.5f});
        Tensor y = Tensor.wrap(Shape.of(2, 2), new float[] {0f, 1f, 3f, -0.5f});
        // |x - y| = 1, 3, 0, 1
        assertEquals(5f / 4, new L1Loss().forward(Var.constant(x), y).value().item());
        assertEquals(5f, new L1Loss(Reduction.SUM).forward(Var.constant(x), y).value().item());
        Tensor none = new L1Loss(Reduction.NONE).forward(Var.constant(x), y).value();
        assertEquals(Shape.of(2, 2), none.shape());
        assertArrayEquals(new float[] {1f, 3f, 0f, 1f}, none.data());
    }

    @Test
    void gradientIsTheSignOverNWithZeroWhereEqual() {
        Var x = Var.param(Tensor.wrap(Shape.of(4), new float[] {1f, -2f, 3f, 0.5f}));
        Var y = Var.param(Tensor.wrap(Shape.of(4), new float[] {0f, 1f, 3f, -0.5f}));
        new L1Loss().forward(x, y).backward();
        assertArrayEquals(new float[] {0.25f, -0.25f, 0f, 0.25f}, x.grad().data());
        assertArrayEquals(new float[] {-0.25f, 0.25f, 0f, -0.25f}, y.grad().data());
    }

    @Test
    void sameBitsAsTheComposedMeanAbsoluteError() {
        // mean(relu(e) + relu(-e)), e = out - target: the forecaster's MAE before L1Loss existed
        Rng rng = new Rng(5);
        Tensor target = Tensor.zeros(32, 12);
        rng.fillNormal(target.data(), 0f, 1f);
        Var a = GradCheck.randomParam(new Rng(6), 2f, 32, 12);
        Var b = Var.param(a.value().copy());
        Var composed = F.mean(F.add(F.relu(F.sub(a, Var.constant(target))), F.relu(F.neg(F.sub(a, Var.constant(target))))));
        Var l1 = new L1Loss().forward(b, target);
        assertEquals(Float.floatToIntBits(composed.value().item()), Float.floatToIntBits(l1.value().item()));
        composed.backward();
        l1.backward();
        assertArrayEquals(a.grad().data(), b.grad().data());
    }

    @Test
    void shapesMustMatch() {
        Var x = Var.constant(Tensor.zeros(2, 3));
        assertThrows(IllegalArgumentException.class, () -> new L1Loss().forward(x, Tensor.zeros(3, 2)));
    }
}
