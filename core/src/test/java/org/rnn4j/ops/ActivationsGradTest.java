package org.rnn4j.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.rnn4j.testutil.GradCheck.randomParam;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rnn4j.autograd.Var;
import org.rnn4j.rand.Rng;
import org.rnn4j.tensor.Shape;
import org.rnn4j.tensor.Tensor;
import org.rnn4j.testutil.GradCheck;

class ActivationsGradTest {
    private final Rng rng = new Rng(3);

    @Test
    void elementwiseGradients() {
        Var x = randomParam(rng, 2f, 3, 5);
        GradCheck.check("neg", List.of(x), () -> Activations.neg(x));
        GradCheck.check("exp", List.of(x), () -> Activations.exp(x));
        GradCheck.check("tanh", List.of(x), () -> Activations.tanh(x));
        GradCheck.check("sigmoid", List.of(x), () -> Activations.sigmoid(x));
        Tensor pos = Tensor.zeros(3, 5);
        rng.fillUniform(pos.data(), 0.5f, 3f);
        Var p = Var.param(pos);
        GradCheck.check("log", List.of(p), () -> Activations.log(p));
        // relu: keep values away from the kink at 0 so central differences are valid
        Tensor r = Tensor.zeros(4, 3);
        rng.fillUniform(r.data(), 0.1f, 1f);
        for (int i = 0; i < r.size(); i += 2) {
            r.data()[i] = -r.data()[i];
        }
        Var rv = Var.param(r);
        GradCheck.check("relu", List.of(rv), () -> Activations.relu(rv));
    }

    @Test
    void softmaxAndLogSoftmaxEveryDim() {
        Var x = randomParam(rng, 2f, 2, 3, 4);
        for (int dim = -3; dim < 3; dim++) {
            int d = dim;
            GradCheck.check("softmax dim " + d, List.of(x), () -> Activations.softmax(x, d));
            GradCheck.check("log_softmax dim " + d, List.of(x), () -> Activations.logSoftmax(x, d));
        }
        Var v = randomParam(rng, 2f, 7);
        GradCheck.check("softmax 1-D", List.of(v), () -> Activations.softmax(v, 0));
    }

    @Test
    void softmaxIsStableAndNormalised() {
        Var x = Var.constant(Tensor.of(Shape.of(2, 3), 1000f, 1001f, 1002f, -1000f, -1000f, -1000f));
        float[] y = Activations.softmax(x, 1).value().data();
        double s0 = y[0] + y[1] + y[2];
        assertEquals(1.0, s0, 1e-6);
        assertEquals(Math.exp(-2) / (1 + Math.exp(-1) + Math.exp(-2)), y[0], 1e-6);
        assertEquals(1f / 3f, y[4], 1e-6f);
        float[] ly = Activations.logSoftmax(x, -1).value().data();
        assertEquals(Math.log(y[2]), ly[2], 1e-5);
        assertEquals(-Math.log(3), ly[3], 1e-6);
    }
}
