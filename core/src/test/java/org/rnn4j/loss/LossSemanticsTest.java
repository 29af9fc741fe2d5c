package org.rnn4j.loss;

import org.rnn4j.tensor.IntTensor;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.rnn4j.autograd.Var;
import org.rnn4j.rand.Rng;
import org.rnn4j.tensor.Shape;
import org.rnn4j.tensor.Tensor;

/**
 * Loss values against independent double-precision evaluations of the formulas (golden README §5),
 * and the equivalences between forms (K-dim vs 2-D, unbatched vs batch of one, CE vs NLL∘log_softmax).
 */
class LossSemanticsTest {

    private static Tensor random(long seed, float scale, int... dims) {
        Tensor t = Tensor.zeros(dims);
        new Rng(seed).fillUniform(t.data(), -scale, scale);
        return t;
    }

    /** log_softmax of row i of a [N, C] tensor, in double. */
    private static double[] logSoftmax(Tensor x, int i) {
        int c = x.dim(1);
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < c; j++) {
            max = Math.max(max, x.get(i, j));
        }
        double s = 0;
        for (int j = 0; j < c; j++) {
            s += Math.exp(x.get(i, j) - max);
        }
        double[] out = new double[c];
        for (int j = 0; j < c; j++) {
            out[j] = x.get(i, j) - max - Math.log(s);
        }
        return out;
    }

    /** The README §5 formula: ((1-ε)·NLL + ε/C·SMOOTH) / W over non-ignored rows. */
    private static double referenceCrossEntropy(Tensor x, int[] t, float[] w, int ignore, double eps, boolean mean) {
        int c = x.dim(1);
        double nll = 0;
        double smooth = 0;
        double total = 0;
        for (int i = 0; i < t.length; i++) {
            if (t[i] == ignore) {
                continue;
            }
            double[] lp = logSoftmax(x, i);
            double wt = w == null ? 1 : w[t[i]];
            nll -= wt * lp[t[i]];
            total += wt;
            for (int j = 0; j < c; j++) {
                smooth -= (w == null ? 1 : w[j]) * lp[j];
            }
        }
        double loss = (1 - eps) * nll + eps / c * smooth;
        return mean ? loss / total : loss;
    }

    @Test
    void crossEntropyMatchesTheFormulaWithWeightsIgnoreAndSmoothing() {
        Tensor x = random(1, 3f, 6, 5);
        int[] t = {2, 4, 2, 0, 1, 2};
        float[] w = {0.5f, 1.25f, 2f, 0.75f, 1.5f};
        for (boolean mean : new boolean[] {true, false}) {
            for (double eps : new double[] {0, 0.15}) {
                for (float[] weight : new float[][] {null, w}) {
                    CrossEntropyLoss loss = new CrossEntropyLoss(weight == null ? null : Tensor.vector(weight), 2,
                            mean ? Reduction.MEAN : Reduction.SUM, eps);
                    double expected = referenceCrossEntropy(x, t, weight, 2, eps, mean);
                    float actual = loss.forward(Var.constant(x), IntTensor.vector(t)).value().item();
                    assertEquals(expected, actual, 1e-6 * Math.abs(expected), loss.toString());
                }
            }
        }
    }

    @Test
    void crossEntropyNoneGivesPerSampleLossesAndZeroForIgnored() {
        Tensor x = random(2, 2f, 3, 4);
        int[] t = {1, -100, 3};
        Tensor out = CrossEntropyLoss.defaults().withReduction(Reduction.NONE).forward(Var.constant(x), IntTensor.vector(t)).value();
        assertEquals(Shape.of(3), out.shape());
        assertEquals(-logSoftmax(x, 0)[1], out.get(0), 1e-6);
        assertEquals(0f, out.get(1));
        assertEquals(-logSoftmax(x, 2)[3], out.get(2), 1e-6);
    }

    @Test
    void crossEntropyEqualsNllOfLogSoftmax() {
        Tensor x = random(3, 2f, 4, 3);
        Tensor logp = Tensor.zeros(4, 3);
        for (int i = 0; i < 4; i++) {
            double[] lp = logSoftmax(x, i);
            for (int j = 0; j < 3; j++) {
                logp.set((float) lp[j], i, j);
            }
        }
        IntTensor t = IntTensor.vector(0, 2, 1, 2);
        Tensor w = Tensor.vector(1.5f, 0.5f, 2f);
        float ce = new CrossEntropyLoss(w, -100, Reduction.MEAN, 0).forward(Var.constant(x), t).value().item();
        float nll = new NLLLoss(w, -100, Reduction.MEAN).forward(Var.constant(logp), t).value().item();
        assertEquals(ce, nll, 1e-6);
    }

    @Test
    void kDimensionalInputEqualsTheFlattened2dProblem() {
        // input [N=2, C=3, d=4] with target [2, 4] is the 2-D problem on rows (n, k) with class column c
        Tensor x = random(4, 2f, 2, 3, 4);
        int[] t = {0, 1, 2, 1, 2, 2, 0, -100};
        Tensor rows = Tensor.zeros(8, 3);
        for (int n = 0; n < 2; n++) {
            for (int c = 0; c < 3; c++) {
                for (int k = 0; k < 4; k++) {
                    rows.set(x.get(n, c, k), n * 4 + k, c);
                }
            }
        }
        Var xk = Var.param(x);
        Var xr = Var.param(rows);
        CrossEntropyLoss loss = CrossEntropyLoss.defaults().withLabelSmoothing(0.1);
        Var lk = loss.forward(xk, IntTensor.of(Shape.of(2, 4), t));
        Var lr = loss.forward(xr, IntTensor.vector(t));
        assertEquals(lr.value().item(), lk.value().item(), 1e-6);
        lk.backward();
        lr.backward();
        for (int n = 0; n < 2; n++) {
            for (int c = 0; c < 3; c++) {
                for (int k = 0; k < 4; k++) {
                    assertEquals(xr.grad().get(n * 4 + k, c), xk.grad().get(n, c, k), 1e-7);
                }
            }
        }
    }

    @Test
    void unbatchedInputEqualsABatchOfOne() {
        Tensor x = random(5, 2f, 5);
        Var u = Var.param(x);
        Var b = Var.param(x.copy().view(1, 5));
        Var lu = CrossEntropyLoss.defaults().forward(u, IntTensor.scalar(3));
        Var lb = CrossEntropyLoss.defaults().forward(b, IntTensor.vector(3));
        assertEquals(lb.value().item(), lu.value().item());
        lu.backward();
        lb.backward();
        assertArrayEquals(b.grad().data(), u.grad().data());
        Tensor none = CrossEntropyLoss.defaults().withReduction(Reduction.NONE).forward(u, IntTensor.scalar(3)).value();
        assertEquals(0, none.rank());
    }

    @Test
    void meanOverOnlyIgnoredTargetsIsNaNAsInPyTorch() {
        float v = CrossEntropyLoss.defaults().forward(Var.constant(random(6, 1f, 2, 3)), IntTensor.vector(-100, -100)).value().item();
        assertTrue(Float.isNaN(v));
    }

    @Test
    void mseMeanAndSum() {
        Tensor x = Tensor.vector(1f, 2f, 3f, 4f);
        Tensor y = Tensor.vector(0f, 2f, 5f, 1f);
        assertEquals(14f / 4, new MSELoss().forward(Var.constant(x), y).value().item());
        assertEquals(14f, new MSELoss(Reduction.SUM).forward(Var.constant(x), y).value().item());
        Var xv = Var.param(x);
        Var yv = Var.param(y);
        new MSELoss().forward(xv, yv).backward();
        assertArrayEquals(new float[] {0.5f, 0f, -1f, 1.5f}, xv.grad().data());
        assertArrayEquals(new float[] {-0.5f, 0f, 1f, -1.5f}, yv.grad().data());
    }

    @Test
    void bceWithLogitsMatchesTheFormulaAndStaysFiniteForLargeLogits() {
        Tensor x = Tensor.of(Shape.of(2, 2), 0.5f, -1.25f, 2f, -0.75f);
        Tensor y = Tensor.of(Shape.of(2, 2), 1f, 0.25f, 0f, 0.75f);
        float[] pw = {2f, 0.5f};
        float[] w = {1.5f, 0.25f};
        double sum = 0;
        for (int i = 0; i < 4; i++) {
            double s = 1 / (1 + Math.exp(-x.data()[i]));
            double yi = y.data()[i];
            sum += -w[i % 2] * (pw[i % 2] * yi * Math.log(s) + (1 - yi) * Math.log(1 - s));
        }
        BCEWithLogitsLoss loss = new BCEWithLogitsLoss(Tensor.vector(w), Tensor.vector(pw), Reduction.SUM);
        assertEquals(sum, loss.forward(Var.constant(x), y).value().item(), 1e-6 * sum);

        Tensor big = Tensor.vector(100f, -100f, 100f);
        Tensor target = Tensor.vector(0f, 1f, 1f);
        Tensor out = BCEWithLogitsLoss.defaults().withReduction(Reduction.NONE).forward(Var.constant(big), target).value();
        assertArrayEquals(new float[] {100f, 100f, 0f}, out.data(), 1e-5f);
    }
}
