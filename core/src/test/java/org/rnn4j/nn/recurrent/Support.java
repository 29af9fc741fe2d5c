package org.rnn4j.nn.recurrent;

import java.util.LinkedHashMap;
import java.util.Map;
import org.rnn4j.autograd.Var;
import org.rnn4j.nn.Module;
import org.rnn4j.nn.Parameter;
import org.rnn4j.ops.F;
import org.rnn4j.rand.Rng;
import org.rnn4j.tensor.Shape;
import org.rnn4j.tensor.Tensor;

/** Small helpers shared by the recurrent tests. */
final class Support {
    private Support() {
    }

    /** A leaf requiring a gradient with values U(-scale, scale). */
    static Var random(Rng rng, float scale, int... dims) {
        Tensor t = Tensor.zeros(dims);
        rng.fillUniform(t.data(), -scale, scale);
        return Var.param(t);
    }

    /** A constant with values U(-1, 1). */
    static Tensor weights(Rng rng, Shape shape) {
        Tensor t = Tensor.zeros(shape);
        rng.fillUniform(t.data(), -1f, 1f);
        return t;
    }

    /** Σ_k sum(outputs[k] · weights[k]) as a scalar graph node built from ops. */
    static Var weightedLoss(Var[] outputs, Tensor[] weights) {
        Var loss = null;
        for (int k = 0; k < outputs.length; k++) {
            if (outputs[k] == null) {
                continue;
            }
            Var term = F.sum(F.mul(outputs[k], Var.constant(weights[k])));
            loss = loss == null ? term : F.add(loss, term);
        }
        return loss;
    }

    /** Copies of the gradients of {@code leaves} and every parameter of {@code m} (zeros when none). */
    static Map<String, Tensor> grads(Map<String, Var> leaves, Module m) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        leaves.forEach((k, v) -> {
            if (v != null) {
                out.put(k, v.grad() == null ? Tensor.zeros(v.shape()) : v.grad().copy());
            }
        });
        for (Map.Entry<String, Parameter> e : m.namedParameters().entrySet()) {
            Var v = e.getValue();
            out.put(e.getKey(), v.grad() == null ? Tensor.zeros(v.shape()) : v.grad().copy());
        }
        return out;
    }

    static void clearGrads(Map<String, Var> leaves, Module m) {
        leaves.values().forEach(v -> {
            if (v != null) {
                v.clearGrad();
            }
        });
        m.namedParameters().values().forEach(Var::clearGrad);
    }

    /** Element-wise {@code |a - e| <= atol + rtol·|e|} with a message naming what differs. */
    static void assertClose(String what, Tensor expected, Tensor actual, double rtol, double atol) {
        if (!expected.shape().equals(actual.shape())) {
            throw new AssertionError(what + ": shape " + actual.shape() + ", expected " + expected.shape());
        }
        for (int i = 0; i < expected.size(); i++) {
            float e = expected.data()[i];
            float a = actual.data()[i];
            if (!(Math.abs(a - e) <= atol + rtol * Math.abs(e))) {
                throw new AssertionError(what + ": differs at flat index " + i + ": expected " + e + ", actual " + a);
            }
        }
    }
}
